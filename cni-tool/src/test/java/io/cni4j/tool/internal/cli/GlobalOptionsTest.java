package io.cni4j.tool.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.tool.internal.output.OutputFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

    private final ArgParser parser = new ArgParser(
            List.of(new CommandSpec("status", "s", List.of(), List.of(), "")), GlobalOptions.SPECS);

    private GlobalOptions parse(String... args) throws UsageException {
        return GlobalOptions.from(parser.parse(args));
    }

    @Test
    @DisplayName("the defaults are go-cni's and libcni's")
    void defaults() throws UsageException {
        GlobalOptions g = parse("status");
        assertThat(g.confDir()).isEqualTo(Path.of("/etc/cni/net.d"));
        assertThat(g.cacheDir()).isEqualTo(Path.of("/var/lib/cni"));
        assertThat(g.pluginDirs()).isEqualTo(GlobalOptions.defaultPluginDirs());
        assertThat(g.pluginDirs().get(0)).isEqualTo(Path.of("/opt/cni/bin"));
        assertThat(g.prefix()).isEqualTo("eth");
        assertThat(g.maxConf()).isEqualTo(1);
        assertThat(g.allConf()).isFalse();
        assertThat(g.loopback()).isTrue();
        assertThat(g.minNetworks()).isEmpty();
        assertThat(g.executor()).isEmpty();
        assertThat(g.timeout()).isEmpty();
        assertThat(g.output()).isEqualTo(OutputFormat.JSON);
        assertThat(g.verbose()).isFalse();
    }

    @Test
    @DisplayName("/usr/lib/cni follows /opt/cni/bin in the default plugin dirs only when it exists")
    void defaultPluginDirs() {
        List<Path> dirs = GlobalOptions.defaultPluginDirs();
        assertThat(dirs.get(0)).isEqualTo(Path.of("/opt/cni/bin"));
        assertThat(dirs.contains(Path.of("/usr/lib/cni"))).isEqualTo(java.nio.file.Files.isDirectory(Path.of("/usr/lib/cni")));
    }

    @Test
    @DisplayName("every global option is converted; relative directories become absolute")
    void everyOption() throws UsageException {
        GlobalOptions g = parse("--conf-dir", "/c", "--plugin-dir", "/p1", "--plugin-dir", "rel", "--cache-dir", "/k/",
                "--prefix", "net", "--max-conf", "0", "--all-conf", "--no-loopback", "--min-networks", "3",
                "--executor", "process", "--timeout", "1m30s", "--output", "table", "--verbose", "status");
        assertThat(g.confDir()).isEqualTo(Path.of("/c"));
        assertThat(g.pluginDirs()).containsExactly(Path.of("/p1"), Path.of("rel").toAbsolutePath());
        assertThat(g.cacheDir()).isEqualTo(Path.of("/k"));
        assertThat(g.prefix()).isEqualTo("net");
        assertThat(g.maxConf()).isZero();
        assertThat(g.allConf()).isTrue();
        assertThat(g.loopback()).isFalse();
        assertThat(g.minNetworks()).contains(3);
        assertThat(g.executor()).contains("process");
        assertThat(g.timeout()).isEqualTo(Optional.of(Duration.ofSeconds(90)));
        assertThat(g.output()).isEqualTo(OutputFormat.TABLE);
        assertThat(g.verbose()).isTrue();
    }

    @Test
    void badValues() {
        assertThatThrownBy(() -> parse("--output", "yaml", "status"))
                .isInstanceOf(UsageException.class).hasMessage("--output must be json or table, got 'yaml'");
        assertThatThrownBy(() -> parse("--timeout", "soon", "status")).hasMessageStartingWith("--timeout 'soon': ");
        assertThatThrownBy(() -> parse("--max-conf", "x", "status")).hasMessage("--max-conf needs a whole number, got 'x'");
        assertThatThrownBy(() -> parse("--min-networks", "-2", "status"))
                .hasMessage("--min-networks must be at least 0, got -2");
        assertThatThrownBy(() -> parse("--prefix", "", "status")).hasMessageStartingWith("--prefix must be");
        assertThatThrownBy(() -> parse("--prefix", "a/b", "status")).hasMessageStartingWith("--prefix must be");
        assertThatThrownBy(() -> parse("--conf-dir", "", "status")).hasMessage("--conf-dir needs a directory");
        assertThatThrownBy(() -> parse("--executor", " ", "status")).hasMessageStartingWith("--executor needs");
    }
}
