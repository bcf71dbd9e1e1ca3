package io.cni4j.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.tool.internal.exec.Providers;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that use an executor provider directly: version and netns; and provider selection. */
class ProviderCommandsTest {

    @TempDir
    Path dir;

    private final List<ExecutorProvider> providers = new ArrayList<>();
    private final FakeProvider process = new FakeProvider("process", 10, true);

    private ToolTest.Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Tool tool = new Tool(g -> {
            throw new AssertionError("no client expected");
        }, new Providers(() -> providers), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = tool.run(args);
        return new ToolTest.Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ExecResult exit(int code, String stdout, String stderr) {
        return new ExecResult(code, 0, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("version runs VERSION with libcni's dummy environment and prints the plugin's answer")
    void version() throws IOException {
        providers.add(process);
        Path second = Files.createDirectories(dir.resolve("second"));
        Path plugin = Files.writeString(second.resolve("bridge"), "#!/bin/sh\n");
        process.answer = exit(0, "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.4.0\",\"1.0.0\"]}", "");
        ToolTest.Outcome o = run("version", "bridge", "--plugin-dir", dir.resolve("first").toString(),
                "--plugin-dir", second.toString());
        assertThat(o.status()).isZero();
        assertThat(o.json().get("supportedVersions")).hasSize(2);
        ExecRequest request = process.requests.get(0);
        assertThat(request.executable()).isEqualTo(plugin);
        assertThat(new String(request.stdin(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
        assertThat(request.environment()).contains("CNI_COMMAND=VERSION", "CNI_CONTAINERID=", "CNI_NETNS=dummy",
                "CNI_IFNAME=dummy", "CNI_ARGS=", "CNI_PATH=dummy");
        assertThat(request.environment().stream().filter(e -> e.startsWith("CNI_COMMAND="))).hasSize(1);

        ToolTest.Outcome table = run("version", "bridge", "--plugin-dir", second.toString(), "--output", "table");
        assertThat(table.out()).contains("SUPPORTED VERSIONS").contains("0.4.0, 1.0.0").contains(plugin.toString());
    }

    @Test
    @DisplayName("version: a missing plugin, a plugin error and garbage output are CNI errors (exit 1)")
    void versionFailures() throws IOException {
        providers.add(process);
        ToolTest.Outcome missing = run("version", "nope", "--plugin-dir", dir.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("failed to find plugin \"nope\"");
        assertThat(missing.json().at("/error/reason").asText()).isEqualTo("NOT_FOUND");

        Files.writeString(dir.resolve("bad"), "");
        process.answer = exit(1, "{\"code\":4,\"msg\":\"unknown CNI_COMMAND: VERSION\"}", "");
        ToolTest.Outcome error = run("version", "bad", "--plugin-dir", dir.toString());
        assertThat(error.status()).isEqualTo(1);
        assertThat(error.err()).contains("unknown CNI_COMMAND: VERSION").contains("verb VERSION").contains("code 4");
        assertThat(error.json().at("/error/plugin").asText()).isEqualTo("bad");

        process.answer = exit(2, "", "segfault");
        assertThat(run("version", "bad", "--plugin-dir", dir.toString()).err()).contains("netplugin failed: \"segfault\"");

        process.answer = exit(0, "not json", "");
        ToolTest.Outcome garbage = run("version", "bad", "--plugin-dir", dir.toString());
        assertThat(garbage.status()).isEqualTo(1);
        assertThat(garbage.err()).contains("decoding version info");
    }

    @Test
    @DisplayName("netns create, list and remove go through the provider's netns manager")
    void netns() {
        providers.add(process);
        String nsDir = dir.resolve("netns").toString();
        ToolTest.Outcome created = run("netns", "create", "n1", "--netns-dir", nsDir);
        assertThat(created.status()).isZero();
        assertThat(created.json().get("path").asText()).isEqualTo(nsDir + "/n1");
        assertThat(run("netns", "create", "n2", "--netns-dir", nsDir, "--output", "table").out()).isEqualTo(nsDir + "/n2\n");
        ToolTest.Outcome list = run("netns", "list", "--netns-dir", nsDir);
        assertThat(list.json()).extracting(n -> n.get("name").asText()).containsExactly("n1", "n2");
        assertThat(run("netns", "remove", "n1", "--netns-dir", nsDir).status()).isZero();
        assertThat(run("netns", "remove", nsDir + "/n2", "--netns-dir", nsDir, "--output", "table").out())
                .isEqualTo("removed " + nsDir + "/n2\n");
        assertThat(run("netns", "list", "--netns-dir", nsDir).json()).isEmpty();
        assertThat(run("netns", "list", "--netns-dir", dir.resolve("missing").toString()).json()).isEmpty();
        assertThat(run("netns", "create", "n1", "--netns-dir", nsDir).status()).isZero();
        ToolTest.Outcome taken = run("netns", "create", "n1", "--netns-dir", nsDir);
        assertThat(taken.status()).isEqualTo(1);
        assertThat(taken.json().at("/error/type").asText()).isEqualTo("NetnsException");
        assertThat(process.netnsDirs).as("--netns-dir reaches the manager").contains(Path.of(nsDir))
                .doesNotContain(Path.of("/run/netns"));
    }

    @Test
    @DisplayName("with no provider at all, version and netns fail with a clear message")
    void noProvider() {
        ToolTest.Outcome o = run("netns", "list");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err()).contains("no executor provider is available; found: none");
    }

    @Test
    @DisplayName("selection: the named provider, else the available one with the highest priority")
    void selection() {
        FakeProvider jna = new FakeProvider("jna", 20, true);
        FakeProvider broken = new FakeProvider("broken", 99, false);
        Providers p = new Providers(() -> List.of(process, jna, broken));
        assertThat(p.select(Optional.empty())).isSameAs(jna);
        assertThat(p.select(Optional.of("process"))).isSameAs(process);
        assertThatThrownBy(() -> p.select(Optional.of("broken"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("executor provider 'broken' is not available: fake reason");
        assertThatThrownBy(() -> p.select(Optional.of("nope")))
                .hasMessage("no executor provider named 'nope'; found: process, jna, broken (unavailable: fake reason)");
        assertThatThrownBy(() -> new Providers(() -> List.of(broken)).select(Optional.empty()))
                .hasMessageStartingWith("no executor provider is available; found: broken (unavailable: fake reason)");
    }

    @Test
    @DisplayName("selection: ties go to the first name; a negative priority only by name")
    void selectionTiesAndNegative() {
        FakeProvider alpha = new FakeProvider("alpha", 10, true);
        FakeProvider fake = new FakeProvider("fake", -100, true);
        assertThat(new Providers(() -> List.of(process, alpha)).select(Optional.empty())).isSameAs(alpha);
        assertThatThrownBy(() -> new Providers(() -> List.of(fake)).select(Optional.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new Providers(() -> List.of(fake)).select(Optional.of("fake"))).isSameAs(fake);
    }

    @Test
    @DisplayName("selection honours the io.cni4j.executor system property when no name is given")
    void selectionProperty() {
        FakeProvider jna = new FakeProvider("jna", 20, true);
        Providers p = new Providers(() -> List.of(process, jna));
        String before = System.getProperty(Providers.PROPERTY);
        System.setProperty(Providers.PROPERTY, "process");
        try {
            assertThat(p.select(Optional.empty())).isSameAs(process);
            assertThat(p.select(Optional.of("jna"))).isSameAs(jna);
        } finally {
            if (before == null) {
                System.clearProperty(Providers.PROPERTY);
            } else {
                System.setProperty(Providers.PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("ToolJson refuses what the engine refuses: duplicates, trailing data, empty input")
    void strictJson() {
        assertThat(ToolJson.parse("{\"a\": 1.10}").get("a").decimalValue()).isEqualByComparingTo("1.10");
        assertThatThrownBy(() -> ToolJson.parse("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolJson.parse("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolJson.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ToolJson.parseOrText("nope").asText()).isEqualTo("nope");
    }
}
