package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.capability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.PluginReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cni4j writes to its logs, captured at every level: capability values never appear, even when
 * plugins echo them; world-writable plugin directories and plugins are warned about once.
 */
class LogSecurityTest {

    private static final String SECRET = "s3cr3t-token";
    private static final String QUOTED_SECRET = "pa\"ss\\word";

    @TempDir
    Path dir;

    /** Success, with the previous result (or an empty one) on stdout and the whole stdin echoed on stderr. */
    private static PluginReply echoing(io.cni4j.testkit.PluginCall call) {
        String result = call.prevResult().isMissingNode() ? "{\"cniVersion\":\"1.0.0\"}" : call.prevResult().toString();
        return new PluginReply(0, result.getBytes(StandardCharsets.UTF_8),
                ("got config: " + call.stdinText()).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a setup with a secret capability value: the value is in no log line, at any level")
    void capabilityValuesAreNeverLogged() throws Exception {
        FakePluginExecutor plugins = new FakePluginExecutor()
                .register("echo", LogSecurityTest::echoing)
                // Fails ADD and DEL with its runtimeConfig in the message: the rollback logs the DEL failure.
                .register("leaky", call -> PluginReply.error("1.0.0", 7, "bad runtimeConfig",
                        String.valueOf(call.runtimeConfig())))
                // Fails DEL with "not found" and its runtimeConfig: remove tolerates it and logs that at DEBUG.
                .register("gone", call -> call.verb() == Verb.DEL
                        ? PluginReply.error("1.0.0", 0, "link not found: " + call.runtimeConfig(), "")
                        : echoing(call));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        plugins.installPlaceholders(bin);
        String caps = "\"capabilities\":{\"secret\":true}";
        Files.writeString(conf.resolve("10-a.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"a\",\"plugins\":["
                + "{\"type\":\"echo\"," + caps + "},{\"type\":\"gone\"," + caps + "}]}");
        Files.writeString(conf.resolve("20-b.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"b\",\"plugins\":["
                + "{\"type\":\"echo\"," + caps + "},{\"type\":\"leaky\"," + caps + "}]}");
        var secret = capability("secret", Map.of("token", SECRET, "password", QUOTED_SECRET, "proto", "tcp"));

        List<String> lines;
        try (LogCapture logs = new LogCapture();
             Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(bin))
                     .confDir(conf).cacheDir(dir.resolve("cache")).build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", "/run/netns/c1", secret);
            cni.check("c1", "/run/netns/c1", secret);
            cni.remove("c1", "/run/netns/c1");
            cni.load(LoadOption.allConf());
            assertThatThrownBy(() -> cni.setup("c2", "/run/netns/c2", secret))
                    .isInstanceOf(PluginErrorException.class);
            lines = logs.lines();
        }

        assertThat(plugins.recorder().invocations("echo", Verb.ADD).get(0).stdinText()).as("the plugin got it")
                .contains(SECRET);
        assertThat(lines).as("log lines").noneMatch(l -> l.contains(SECRET) || l.contains("s3cr3t"))
                .noneMatch(l -> l.contains(QUOTED_SECRET) || l.contains("pa\\\"ss\\\\word"));
        // The paths that could leak were taken, and masked.
        assertThat(lines).anyMatch(l -> l.startsWith("FINE ") && l.contains("stderr: got config:")
                && l.contains("\"token\":\"<redacted>\"") && l.contains("\"proto\":\"tcp\""));
        assertThat(lines).anyMatch(l -> l.startsWith("WARNING ") && l.contains("rollback of network \"b\"")
                && l.contains("<redacted>"));
        assertThat(lines).anyMatch(l -> l.contains("remove ignores: ") && l.contains("<redacted>"));
    }

    @Test
    @DisplayName("a world-writable plugin directory and plugin are each warned about once; private ones never")
    void worldWritablePluginPaths() throws Exception {
        FakePluginExecutor plugins = new FakePluginExecutor().register("echo", LogSecurityTest::echoing);
        Path open = Files.createDirectories(dir.resolve("open"));
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Path later = dir.resolve("later");
        plugins.installPlaceholders(open);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open.resolve("echo"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("10-a.conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"a\",\"plugins\":[{\"type\":\"echo\"}]}");

        try (LogCapture logs = new LogCapture();
             Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins))
                     .pluginDirs(List.of(closed, open, later)).confDir(conf).cacheDir(dir.resolve("cache")).build()) {
            cni.load(LoadOption.defaultConf());
            assertThat(logs.warnings()).as("nothing is checked before a plugin is looked up").isEmpty();
            cni.setup("c1", "/run/netns/c1");
            cni.setup("c2", "/run/netns/c2");
            cni.versionInfo("echo");
            Files.createDirectories(later);
            // World-writable with the sticky bit, as /tmp: anyone may still add a plugin there.
            assertThat(new ProcessBuilder("chmod", "1777", later.toString()).inheritIO().start().waitFor()).isZero();
            cni.remove("c1", "/run/netns/c1");
            cni.remove("c2", "/run/netns/c2");
            List<String> warnings = logs.warnings();

            assertThat(warnings).filteredOn(w -> w.contains("plugin directory " + open + " is writable by every user"))
                    .singleElement().satisfies(w -> assertThat(w).contains("rwxrwxrwx"));
            assertThat(warnings).filteredOn(w -> w.contains("plugin " + open.resolve("echo") + " is writable"))
                    .hasSize(1);
            assertThat(warnings).filteredOn(w -> w.contains("plugin directory " + later + " is writable")).hasSize(1);
            assertThat(warnings).noneMatch(w -> w.contains(closed.toString()));
            assertThat(warnings).hasSize(3);
        }
    }
}
