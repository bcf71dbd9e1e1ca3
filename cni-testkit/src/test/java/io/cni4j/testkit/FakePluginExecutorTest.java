package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.testkit.internal.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakePluginExecutorTest {

    private static final Path BIN = Path.of("/opt/cni/bin");

    static ExecRequest request(String type, String command, String stdin) {
        return request(type, command, stdin, Duration.ofSeconds(30), 1 << 20);
    }

    static ExecRequest request(String type, String command, String stdin, Duration timeout, long max) {
        return new ExecRequest(BIN.resolve(type), stdin.getBytes(StandardCharsets.UTF_8),
                List.of("CNI_COMMAND=" + command, "CNI_CONTAINERID=c1", "CNI_NETNS=/run/netns/c1", "CNI_IFNAME=eth0",
                        "CNI_PATH=/opt/cni/bin", "CNI_ARGS="),
                timeout, max);
    }

    @Test
    @DisplayName("the plugin is chosen by the executable's file name and gets verb, env and parsed stdin")
    void dispatchesByFileName() throws Exception {
        AtomicReference<PluginCall> seen = new AtomicReference<>();
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("other", call -> PluginReply.raw(1, "wrong", ""))
                .register("mine", call -> {
                    seen.set(call);
                    return PluginReply.raw(0, "out", "err");
                });
        ExecResult result = executor.run(request("mine", "ADD", "{\"cniVersion\":\"1.0.0\",\"name\":\"n\"}"));
        assertThat(result.stdoutText()).isEqualTo("out");
        assertThat(result.stderrText()).isEqualTo("err");
        assertThat(result.exitCode()).isZero();
        PluginCall call = seen.get();
        assertThat(call.verb()).isEqualTo(Verb.ADD);
        assertThat(call.pluginType()).isEqualTo("mine");
        assertThat(call.containerId()).isEqualTo("c1");
        assertThat(call.ifName()).isEqualTo("eth0");
        assertThat(call.netns()).isEqualTo("/run/netns/c1");
        assertThat(call.cniVersion()).isEqualTo("1.0.0");
        assertThat(call.networkName()).isEqualTo("n");
        assertThat(call.prevResult().isMissingNode()).isTrue();
    }

    @Test
    @DisplayName("an unregistered type fails to start, naming the path and the registered types")
    void unregisteredTypeFailsToStart() {
        FakePluginExecutor executor = new FakePluginExecutor().register("bridge", FakePlugins.bridge());
        assertThatThrownBy(() -> executor.run(request("macvlan", "ADD", "{}")))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.START_FAILED))
                .hasMessageContaining("/opt/cni/bin/macvlan")
                .hasMessageContaining("[bridge]");
        assertThat(executor.recorder().invocations()).singleElement()
                .satisfies(i -> assertThat(i.failure()).isInstanceOf(PluginExecutionException.class));
    }

    @Test
    @DisplayName("an unknown CNI_COMMAND is answered with error code 4 without calling the plugin")
    void unknownCommand() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> {
            throw new AssertionError("must not be called");
        });
        ExecResult result = executor.run(request("p", "FROB", "{}"));
        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode error = JsonTrees.parse(result.stdoutText());
        assertThat(error.path("code").asInt()).isEqualTo(4);
        assertThat(error.path("msg").asText()).isEqualTo("unknown CNI_COMMAND: FROB");
        assertThat(executor.recorder().invocations().get(0).verb()).isNull();
        assertThat(executor.recorder().invocations().get(0).command()).isEqualTo("FROB");
    }

    @Test
    @DisplayName("VERSION goes to version(), which reports every spec version by default")
    void versionDefault() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> {
            throw new AssertionError("handle must not get VERSION");
        });
        ExecResult result = executor.run(request("p", "VERSION", "{\"cniVersion\":\"1.1.0\"}"));
        assertThat(result.stdoutText()).isEqualTo("{\"cniVersion\":\"1.1.0\",\"supportedVersions\":"
                + "[\"0.1.0\",\"0.2.0\",\"0.3.0\",\"0.3.1\",\"0.4.0\",\"1.0.0\",\"1.1.0\"]}");
    }

    @Test
    @DisplayName("output over maxOutputBytes fails with OUTPUT_LIMIT_EXCEEDED")
    void outputLimit() {
        FakePluginExecutor executor = new FakePluginExecutor().register("big", call -> PluginReply.raw(0, "", "x".repeat(11)));
        assertThatThrownBy(() -> executor.run(request("big", "ADD", "{}", Duration.ofSeconds(5), 10)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED))
                .hasMessageContaining("stderr");
    }

    @Test
    @DisplayName("a plugin that returns after its deadline ends in CniTimeoutException")
    void lateReplyTimesOut() {
        FakePluginExecutor executor = new FakePluginExecutor().register("late", call -> {
            Thread.sleep(50);
            return PluginReply.ok();
        });
        assertThatThrownBy(() -> executor.run(request("late", "DEL", "{}", Duration.ofMillis(1), 100)))
                .isInstanceOf(CniTimeoutException.class)
                .hasMessageContaining("late");
    }

    @Test
    @DisplayName("an interrupted caller gets InterruptedException before the plugin runs")
    void interruptedCaller() {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.ok());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> executor.run(request("p", "ADD", "{}"))).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(executor.recorder().invocations().get(0).failure()).isInstanceOf(InterruptedException.class);
    }

    @Test
    @DisplayName("every run is recorded with verb, env, stdin, reply, thread and times")
    void recordsInvocations() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.raw(0, "{}", ""));
        Instant before = Instant.now();
        executor.run(request("p", "CHECK", "{\"cniVersion\":\"0.4.0\",\"runtimeConfig\":{\"portMappings\":[]}}"));
        RecordedInvocation recorded = executor.recorder().invocations().get(0);
        assertThat(recorded.pluginType()).isEqualTo("p");
        assertThat(recorded.executable()).isEqualTo(BIN.resolve("p"));
        assertThat(recorded.verb()).isEqualTo(Verb.CHECK);
        assertThat(recorded.env()).containsEntry("CNI_IFNAME", "eth0").containsEntry("CNI_ARGS", "");
        assertThat(recorded.config().path("cniVersion").asText()).isEqualTo("0.4.0");
        assertThat(recorded.runtimeConfig().has("portMappings")).isTrue();
        assertThat(recorded.stdinText()).startsWith("{\"cniVersion\"");
        assertThat(recorded.reply()).isEqualTo(PluginReply.raw(0, "{}", ""));
        assertThat(recorded.failure()).isNull();
        assertThat(recorded.succeeded()).isTrue();
        assertThat(recorded.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(recorded.start()).isAfterOrEqualTo(before);
        assertThat(recorded.end()).isAfterOrEqualTo(recorded.start());
    }

    @Test
    @DisplayName("stdin that is not JSON is recorded as a missing config node")
    void garbageStdinIsRecorded() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.ok());
        executor.run(request("p", "ADD", "not json"));
        assertThat(executor.recorder().invocations().get(0).config().isMissingNode()).isTrue();
        assertThat(executor.recorder().invocations().get(0).stdinText()).isEqualTo("not json");
    }

    @Test
    @DisplayName("placeholders are empty executable files per registered type; existing files are kept")
    void placeholders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bridge"), "real");
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("loopback", FakePlugins.loopback())
                .register("bridge", FakePlugins.bridge());
        List<Path> paths = executor.installPlaceholders(dir);
        assertThat(paths).containsExactly(dir.resolve("bridge"), dir.resolve("loopback"));
        assertThat(Files.readString(dir.resolve("bridge"))).isEqualTo("real");
        assertThat(dir.resolve("loopback")).isEmptyFile();
        assertThat(Files.getPosixFilePermissions(dir.resolve("loopback"))).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    @DisplayName("types with a slash or empty names are refused")
    void invalidTypes() {
        FakePluginExecutor executor = new FakePluginExecutor();
        assertThatThrownBy(() -> executor.register("a/b", FakePlugins.loopback())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> executor.register("", FakePlugins.loopback())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a PluginExecutionException thrown by the plugin reaches the caller unchanged and is recorded")
    void pluginStartFailure() {
        PluginExecutionException startFailed = new PluginExecutionException(
                PluginExecutionException.Reason.START_FAILED, "cannot start plugin /opt/cni/bin/p: exec format error", null);
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> {
            throw startFailed;
        });
        assertThatThrownBy(() -> executor.run(request("p", "ADD", "{}"))).isSameAs(startFailed);
        RecordedInvocation recorded = executor.recorder().invocations().get(0);
        assertThat(recorded.failure()).isSameAs(startFailed);
        assertThat(recorded.reply()).isNull();
        assertThat(recorded.succeeded()).isFalse();
    }

    @Test
    @DisplayName("a killed reply ends the run with exit -1 and the signal, as native executors report it")
    void killedBySignal() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.killed(9));
        ExecResult result = executor.run(request("p", "ADD", "{}"));
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.signal()).isEqualTo(9);
        assertThat(result.describeExit()).isEqualTo("signal: 9");
        assertThat(result.stdout()).isEmpty();
        assertThat(executor.recorder().invocations().get(0).succeeded()).isFalse();
    }

    @Test
    @DisplayName("the request's timeout, output bound and environment entries (in order, duplicates kept) are recorded")
    void recordsRequest() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.ok());
        List<String> environment = List.of("PATH=/bin", "CNI_COMMAND=ADD", "X=1", "X=2", "CNI_IFNAME=eth0");
        executor.run(new ExecRequest(BIN.resolve("p"), new byte[0], environment, Duration.ofMillis(1500), 4321));
        RecordedInvocation recorded = executor.recorder().invocations().get(0);
        assertThat(recorded.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(recorded.maxOutputBytes()).isEqualTo(4321);
        assertThat(recorded.environment()).containsExactlyElementsOf(environment);
        assertThat(recorded.env()).containsEntry("X", "2").hasSize(4);
    }

    @Test
    @DisplayName("a variable read by name is what the environment map holds: the last entry wins, '=' in values kept")
    void variablesByName() throws Exception {
        AtomicReference<PluginCall> seen = new AtomicReference<>();
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> {
            seen.set(call);
            return PluginReply.ok();
        });
        List<String> environment = List.of("CNI_COMMAND=ADD", "X=1", "NOEQ", "=bad", "Y=a=b", "X=2", "XX=3", "E=");
        executor.run(new ExecRequest(BIN.resolve("p"), new byte[0], environment, Duration.ofSeconds(1), 1));
        PluginCall call = seen.get();
        assertThat(call.env()).containsOnly(java.util.Map.entry("CNI_COMMAND", "ADD"), java.util.Map.entry("X", "2"),
                java.util.Map.entry("Y", "a=b"), java.util.Map.entry("XX", "3"), java.util.Map.entry("E", ""));
        for (String name : List.of("X", "Y", "XX", "E", "NOEQ", "", "Y=a", "Z")) {
            assertThat(call.env(name)).as(name).isEqualTo(call.env().getOrDefault(name, ""));
            assertThat(executor.recorder().invocations().get(0).env(name)).as(name)
                    .isEqualTo(java.util.Optional.ofNullable(call.env().get(name)));
        }
    }

    @Test
    @DisplayName("the recorded config is stdin as the plugin got it, whatever the plugin or a test does to its copy")
    void recordedConfigIsACopy() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) call.config()).put("name", "changed by the plugin");
            assertThat(call.stdinIsObject()).isTrue();
            return PluginReply.ok();
        });
        executor.run(request("p", "ADD", "{\"cniVersion\":\"1.0.0\",\"name\":\"n\"}"));
        RecordedInvocation recorded = executor.recorder().invocations().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) recorded.config()).put("name", "changed by a test");
        assertThat(recorded.config().path("name").asText()).isEqualTo("n");
    }

    @Test
    @DisplayName("a record made by hand keeps the map and config it was given, as copies")
    void handMadeRecord() throws Exception {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("A", "1"));
        JsonNode config = JsonTrees.parse("{\"k\":1}");
        RecordedInvocation r = new RecordedInvocation("p", BIN.resolve("p"), "ADD", Verb.ADD, env, List.of("B=2"),
                "{}".getBytes(StandardCharsets.UTF_8), config, Duration.ofSeconds(1), 1, PluginReply.ok(), null, "t",
                Instant.EPOCH, Instant.EPOCH);
        env.put("A", "changed");
        ((com.fasterxml.jackson.databind.node.ObjectNode) config).put("k", 2);
        assertThat(r.env()).containsExactly(java.util.Map.entry("A", "1"));
        assertThat(r.env("A")).contains("1");
        assertThat(r.env("B")).isEmpty();
        assertThat(r.environment()).containsExactly("B=2");
        assertThat(r.config().path("k").asInt()).isEqualTo(1);
        assertThat(new RecordedInvocation("p", BIN.resolve("p"), "ADD", Verb.ADD, env, List.of(), new byte[0], null,
                Duration.ofSeconds(1), 1, null, null, "t", Instant.EPOCH, Instant.EPOCH).config().isMissingNode()).isTrue();
    }
}
