package io.cni4j.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.Cni4j;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need an executor provider: version (through a real engine client) and netns
 * (directly), with fake providers; and the standard wiring with the engine's own selection.
 */
class ProviderCommandsTest {

    @TempDir
    Path dir;

    private final List<ExecutorProvider> providers = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final FakeProvider process = new FakeProvider("process", 10, true);

    /** A stand-in for the engine's selection: the provider named, else the first one. */
    private ExecutorProvider select(String name) {
        asked.add(String.valueOf(name));
        return providers.stream().filter(p -> name == null || p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fake provider " + name));
    }

    private ToolTest.Outcome run(String... args) {
        return run(this::select, args);
    }

    private static ToolTest.Outcome run(Function<String, ExecutorProvider> selection, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Tool tool = new Tool(Tool.engineClients(selection), selection, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = tool.run(args);
        return new ToolTest.Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ExecResult exit(int code, String stdout, String stderr) {
        return new ExecResult(code, 0, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("version runs VERSION with libcni's dummy environment and prints cniVersion and supportedVersions")
    void version() throws IOException {
        providers.add(process);
        Path second = Files.createDirectories(dir.resolve("second"));
        Path plugin = Files.writeString(second.resolve("bridge"), "#!/bin/sh\n");
        process.answer = exit(0, "{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[\"0.4.0\",\"1.0.0\"]}", "");
        ToolTest.Outcome o = run("version", "bridge", "--plugin-dir", dir.resolve("first").toString(),
                "--plugin-dir", second.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.out()).isEqualTo("{\n  \"cniVersion\": \"1.0.0\",\n  \"supportedVersions\": [\n    \"0.4.0\",\n"
                + "    \"1.0.0\"\n  ]\n}\n");
        ExecRequest request = process.requests.get(0);
        assertThat(request.executable()).isEqualTo(plugin);
        assertThat(new String(request.stdin(), StandardCharsets.UTF_8)).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
        assertThat(request.environment()).contains("CNI_COMMAND=VERSION", "CNI_CONTAINERID=", "CNI_NETNS=dummy",
                "CNI_IFNAME=dummy", "CNI_ARGS=", "CNI_PATH=dummy");
        assertThat(request.environment().stream().filter(e -> e.startsWith("CNI_COMMAND="))).hasSize(1);

        ToolTest.Outcome table = run("version", "bridge", "--plugin-dir", second.toString(), "--output", "table");
        assertThat(table.out()).contains("SUPPORTED VERSIONS").contains("bridge").contains("0.4.0, 1.0.0");
    }

    @Test
    @DisplayName("version: a plugin too old to know VERSION supports 0.1.0 only")
    void versionOfOldPlugin() throws IOException {
        providers.add(process);
        Files.writeString(dir.resolve("old"), "");
        process.answer = exit(1, "{\"code\":4,\"msg\":\"unknown CNI_COMMAND: VERSION\"}", "");
        ToolTest.Outcome o = run("version", "old", "--plugin-dir", dir.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertThat(o.json().get("supportedVersions")).extracting(v -> v.asText()).containsExactly("0.1.0");
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
        process.answer = exit(1, "{\"code\":4,\"msg\":\"incompatible CNI versions\"}", "");
        ToolTest.Outcome error = run("version", "bad", "--plugin-dir", dir.toString());
        assertThat(error.status()).isEqualTo(1);
        assertThat(error.err()).contains("incompatible CNI versions").contains("verb VERSION").contains("code 4");
        assertThat(error.json().at("/error/plugin").asText()).isEqualTo("bad");

        process.answer = exit(2, "", "segfault");
        assertThat(run("version", "bad", "--plugin-dir", dir.toString()).err()).contains("netplugin failed: \"segfault\"");

        process.answer = exit(0, "not json", "");
        ToolTest.Outcome garbage = run("version", "bad", "--plugin-dir", dir.toString());
        assertThat(garbage.status()).isEqualTo(1);
        assertThat(garbage.err()).contains("decoding version info");
    }

    @Test
    @DisplayName("--executor reaches the selection, for the client (version) and for netns alike")
    void executorOption() throws IOException {
        FakeProvider jna = new FakeProvider("jna", 20, true);
        providers.addAll(List.of(process, jna));
        Files.writeString(dir.resolve("bridge"), "");
        jna.answer = exit(0, "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"1.1.0\"]}", "");
        assertThat(run("version", "bridge", "--plugin-dir", dir.toString(), "--executor", "jna").status()).isZero();
        assertThat(run("netns", "list", "--netns-dir", dir.toString(), "--executor", "jna").status()).isZero();
        assertThat(asked).containsExactly("jna", "jna");
        assertThat(jna.requests).hasSize(1);
        assertThat(jna.netnsDirs).containsExactly(dir);
        assertThat(process.requests).isEmpty();
        assertThat(process.netnsDirs).isEmpty();

        run("netns", "list", "--netns-dir", dir.toString());
        assertThat(asked).as("no --executor: the default selection").endsWith("null");
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
    @DisplayName("the standard wiring selects with the engine's rules; a failed selection exits 1 naming what was found")
    void engineSelection() {
        ToolTest.Outcome o = run(Cni4j::executorProvider, "netns", "list", "--executor", "nope");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err()).contains("executor provider \"nope\"").contains("was not found")
                .contains("process (priority 10)");
        ToolTest.Outcome version = run(Cni4j::executorProvider, "version", "bridge", "--executor", "nope");
        assertThat(version.status()).isEqualTo(1);
        assertThat(version.err()).contains("executor provider \"nope\"");
    }
}
