package io.cni4j.core.internal.invoke;

import static io.cni4j.testkit.PluginReply.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cni4j.api.CniError;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.Verb;
import io.cni4j.testkit.FakePlugin;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.PluginReply;
import io.cni4j.testkit.RecordedInvocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libcni's plugin invocation, executor-independent, against the testkit's fake executor. Seeds, as the
 * display names say: A24 (FindInPath) in {@link Lookup}; A10 (environment) in {@link Environment};
 * A22 (RawExec error mapping) in {@link Errors}; A23 (timeouts: the executor's CniTimeoutException,
 * with the plugin, network and verb in front, and the deadline over the busy retries) in
 * {@code executorFailures} and {@code timeoutCoversRetries}, end to end through both real executors in
 * cni-it's {@code TimeoutTest}; D5 (text file busy) in {@link Busy}; A25 (VERSION) in {@link Version}.
 */
class PluginInvokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] STDIN = "{\"cniVersion\":\"1.1.0\",\"name\":\"net1\",\"type\":\"bridge\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final InvocationArgs ARGS = new InvocationArgs("c1", "/run/netns/c1", "eth0", Map.of());

    @TempDir
    Path root;
    Path dir1;
    Path dir2;
    final List<Duration> sleeps = new ArrayList<>();
    final Map<String, String> parentEnv = new LinkedHashMap<>();

    @BeforeEach
    void plugins() throws Exception {
        dir1 = Files.createDirectory(root.resolve("bin1"));
        dir2 = Files.createDirectory(root.resolve("bin2"));
        Files.writeString(dir2.resolve("bridge"), "not really a binary");
        parentEnv.put("HOME", "/root");
        parentEnv.put("PATH", "/usr/bin:/bin");
    }

    private PluginInvoker invoker(FakePluginExecutor executor) {
        return new PluginInvoker(executor, List.of(dir1, dir2), 1234, () -> parentEnv, sleeps::add);
    }

    /** A fake executor whose "bridge" is {@code plugin}. */
    private static FakePluginExecutor bridge(FakePlugin plugin) {
        return new FakePluginExecutor().register("bridge", plugin);
    }

    /** A fake executor whose "bridge" answers every call, VERSION included, with {@code reply}. */
    private static FakePluginExecutor answering(PluginReply reply) {
        return bridge(FakePlugins.replying(reply));
    }

    /** A "bridge" whose executable stays busy (text file busy) on every run. */
    private static FakePluginExecutor alwaysBusy() {
        return bridge(FakePlugins.busy(Integer.MAX_VALUE, FakePlugins.passThrough()));
    }

    private static RecordedInvocation last(FakePluginExecutor executor) {
        List<RecordedInvocation> invocations = executor.recorder().invocations();
        assertThat(invocations).as("plugin runs").isNotEmpty();
        return invocations.get(invocations.size() - 1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Runs ADD for bridge on net1 against a plugin that answers {@code reply}; returns the error. */
    private PluginErrorException failure(PluginReply reply) {
        return catchThrowableOfType(PluginErrorException.class,
                () -> invoker(answering(reply)).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1"));
    }

    @Nested
    @DisplayName("A24: lookup (FindInPath)")
    class Lookup {

        @Test
        @DisplayName("A24: an empty name: no plugin name provided")
        void emptyName() {
            assertThatThrownBy(() -> invoker(new FakePluginExecutor()).find(""))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                    .hasMessage("no plugin name provided");
        }

        @Test
        @DisplayName("A24: a name with a path separator: invalid plugin name")
        void nameWithSeparator() {
            assertThatThrownBy(() -> invoker(new FakePluginExecutor()).find("../bridge"))
                    .hasMessage("invalid plugin name: ../bridge");
        }

        @Test
        @DisplayName("A24: no directories: no paths provided")
        void noDirectories() {
            PluginInvoker invoker = new PluginInvoker(new FakePluginExecutor(), List.of(), 1, Map::of, d -> { });
            assertThatThrownBy(() -> invoker.find("bridge")).hasMessage("no paths provided");
        }

        @Test
        @DisplayName("A24: not found: Go's message with the name quoted and the dirs as a Go slice")
        void notFound() {
            assertThatThrownBy(() -> invoker(new FakePluginExecutor()).find("macvlan"))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                    .hasMessage("failed to find plugin \"macvlan\" in path [" + dir1 + " " + dir2 + "]");
        }

        @Test
        @DisplayName("A24: directories are searched in order; the first regular file wins")
        void order() throws Exception {
            Files.writeString(dir1.resolve("bridge"), "first");
            assertThat(invoker(new FakePluginExecutor()).find("bridge")).isEqualTo(dir1.resolve("bridge"));
        }

        @Test
        @DisplayName("A24: a directory of that name is skipped; symlinks are followed; dangling ones skipped")
        void regularFilesOnly() throws Exception {
            Files.createDirectory(dir1.resolve("bridge"));
            assertThat(invoker(new FakePluginExecutor()).find("bridge")).isEqualTo(dir2.resolve("bridge"));

            Files.createSymbolicLink(dir1.resolve("linked"), dir2.resolve("bridge"));
            assertThat(invoker(new FakePluginExecutor()).find("linked")).isEqualTo(dir1.resolve("linked"));

            Files.createSymbolicLink(dir1.resolve("dangling"), root.resolve("nowhere"));
            assertThatThrownBy(() -> invoker(new FakePluginExecutor()).find("dangling"))
                    .hasMessageStartingWith("failed to find plugin \"dangling\"");
        }

        @Test
        @DisplayName("A24: the execute bit is not checked: a non-executable file is found and handed to the executor")
        void executeBitNotChecked() throws Exception {
            FakePluginExecutor executor = answering(raw(0, "{}", ""));
            assertThat(Files.isExecutable(dir2.resolve("bridge"))).isFalse();

            invoker(executor).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1");

            assertThat(last(executor).executable()).isEqualTo(dir2.resolve("bridge"));
        }

        @Test
        @DisplayName("A24: exec reports a missing plugin with the plugin, network and verb in front")
        void execNotFound() {
            FakePluginExecutor executor = new FakePluginExecutor();
            assertThatThrownBy(() -> invoker(executor).exec("macvlan", Verb.DEL, STDIN, ARGS, TIMEOUT, "net1"))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                    .hasMessage("plugin type=\"macvlan\" network=\"net1\" failed (delete): failed to find plugin "
                            + "\"macvlan\" in path [" + dir1 + " " + dir2 + "]");
        }
    }

    @Nested
    @DisplayName("environment and request")
    class Environment {

        @Test
        @DisplayName("A10: parent environment, then the six CNI_* variables in libcni's order, CNI_* winning")
        void addEnvironment() throws Exception {
            parentEnv.put("CNI_COMMAND", "stale");
            parentEnv.put("CNI_PATH", "/stale");
            parentEnv.put("OTHER", "x=y");
            Map<String, String> pluginArgs = new LinkedHashMap<>();
            pluginArgs.put("K8S_POD_NAME", "web");
            pluginArgs.put("IgnoreUnknown", "1");
            pluginArgs.put("A", "");
            FakePluginExecutor executor = answering(raw(0, "{}", ""));

            invoker(executor).exec("bridge", Verb.ADD, STDIN,
                    new InvocationArgs("c1", "/run/netns/c1", "eth0", pluginArgs), TIMEOUT, "net1");

            assertThat(last(executor).environment()).containsExactly(
                    "HOME=/root", "PATH=/usr/bin:/bin", "OTHER=x=y",
                    "CNI_COMMAND=ADD", "CNI_CONTAINERID=c1", "CNI_NETNS=/run/netns/c1",
                    "CNI_ARGS=K8S_POD_NAME=web;IgnoreUnknown=1;A=", "CNI_IFNAME=eth0",
                    "CNI_PATH=" + dir1 + ":" + dir2);
        }

        @Test
        @DisplayName("GC and STATUS: container, netns, ifname and args set but empty")
        void emptyArgs() throws Exception {
            FakePluginExecutor executor = answering(raw(0, "", ""));

            invoker(executor).exec("bridge", Verb.STATUS, STDIN, InvocationArgs.NONE, TIMEOUT, null);

            assertThat(last(executor).environment()).endsWith("CNI_COMMAND=STATUS", "CNI_CONTAINERID=",
                    "CNI_NETNS=", "CNI_ARGS=", "CNI_IFNAME=", "CNI_PATH=" + dir1 + ":" + dir2);
        }

        @Test
        @DisplayName("the request carries the plugin path, stdin, output bound and a timeout within the call's")
        void request() throws Exception {
            FakePluginExecutor executor = answering(raw(0, "{\"cniVersion\":\"1.1.0\"}", ""));

            byte[] out = invoker(executor).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1");

            RecordedInvocation r = last(executor);
            assertThat(text(out)).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
            assertThat(r.executable()).isEqualTo(dir2.resolve("bridge"));
            assertThat(r.stdin()).isEqualTo(STDIN);
            assertThat(r.maxOutputBytes()).isEqualTo(1234);
            assertThat(r.timeout()).isPositive().isLessThanOrEqualTo(TIMEOUT);
        }

        @Test
        @DisplayName("InvocationArgs: nulls become empty, args keep insertion order")
        void invocationArgs() {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("z", "1");
            args.put("a", "2");
            InvocationArgs a = new InvocationArgs(null, null, null, args);
            assertThat(a.containerId()).isEmpty();
            assertThat(a.netns()).isEmpty();
            assertThat(a.ifName()).isEmpty();
            assertThat(a.cniArgs()).isEqualTo("z=1;a=2");
            assertThat(InvocationArgs.NONE.cniArgs()).isEmpty();
        }
    }

    @Nested
    @DisplayName("A22: error mapping (libcni pluginErr at HEAD)")
    class Errors {

        @Test
        @DisplayName("A22: error JSON on stdout: code, msg and details, message 'msg; details'; other keys ignored; "
                + "stderr unused")
        void errorObject() {
            PluginErrorException e = failure(raw(1,
                    "{\"cniVersion\":\"1.0.0\",\"code\":7,\"msg\":\"bad config\",\"details\":\"field x\"}", "noise"));

            assertThat(e.error()).isEqualTo(new CniError(7, "bad config", "field x"));
            assertThat(e.pluginType()).isEqualTo("bridge");
            assertThat(e.verb()).isEqualTo(Verb.ADD);
            assertThat(e.network()).isEqualTo("net1");
            assertThat(e).hasMessage("plugin type=\"bridge\" network=\"net1\" failed (add): bad config; field x");
        }

        @Test
        @DisplayName("A22: keys match case-insensitively, as Go's json does; the last match wins")
        void caseInsensitiveKeys() {
            assertThat(failure(raw(1, "{\"Code\":3,\"MSG\":\"gone\",\"msg\":\"really gone\"}", "")).error())
                    .isEqualTo(new CniError(3, "really gone", ""));
        }

        @Test
        @DisplayName("A22: valid JSON that is no error object: code 0 and an empty msg")
        void notAnErrorObject() {
            assertThat(failure(raw(1, "{\"ips\":[]}", "")).error()).isEqualTo(new CniError(0, "", ""));
            assertThat(failure(raw(1, "null", "")).error()).isEqualTo(new CniError(0, "", ""));
            assertThat(failure(raw(1, "{\"code\":null,\"msg\":null}", "")).error())
                    .isEqualTo(new CniError(0, "", ""));
        }

        @Test
        @DisplayName("A22: unparsable stdout: 'error parsing its diagnostic message' with stdout quoted")
        void garbage() {
            CniError error = failure(raw(2, "oops\tnot json", "")).error();
            assertThat(error.code()).isZero();
            assertThat(error.msg()).startsWith("netplugin failed but error parsing its diagnostic message "
                    + "\"oops\\tnot json\": ");
            assertThat(error.msg().length()).isGreaterThan(
                    "netplugin failed but error parsing its diagnostic message \"oops\\tnot json\": ".length());
        }

        @Test
        @DisplayName("A22: JSON of the wrong shape or types is a diagnostic parsing failure too")
        void wrongTypes() {
            assertThat(failure(raw(1, "[1,2]", "")).error().msg()).isEqualTo(
                    "netplugin failed but error parsing its diagnostic message \"[1,2]\": "
                            + "cannot unmarshal array into types.Error");
            assertThat(failure(raw(1, "{\"code\":\"7\"}", "")).error().msg())
                    .startsWith("netplugin failed but error parsing its diagnostic message \"{\\\"code\\\":\\\"7\\\"}\": ")
                    .contains("Error.code");
            assertThat(failure(raw(1, "{\"code\":-1}", "")).error().msg()).contains("error parsing");
            assertThat(failure(raw(1, "{\"code\":7.5}", "")).error().msg()).contains("error parsing");
            assertThat(failure(raw(1, "{\"msg\":42}", "")).error().msg()).contains("Error.msg");
            assertThat(failure(raw(1, "\n", "")).error().msg())
                    .startsWith("netplugin failed but error parsing its diagnostic message \"\\n\": ");
        }

        @Test
        @DisplayName("A22: only stderr: netplugin failed: %q: exit status N")
        void onlyStderr() {
            assertThat(failure(raw(2, "", "cannot \"frob\"\n")).error())
                    .isEqualTo(new CniError(0, "netplugin failed: \"cannot \\\"frob\\\"\\n\": exit status 2", ""));
        }

        @Test
        @DisplayName("A22: nothing at all: netplugin failed with no error message: exit status N")
        void nothing() {
            PluginErrorException e = failure(raw(1, "", ""));
            assertThat(e.error()).isEqualTo(new CniError(0, "netplugin failed with no error message: exit status 1", ""));
            assertThat(e).hasMessage("plugin type=\"bridge\" network=\"net1\" failed (add): "
                    + "netplugin failed with no error message: exit status 1");
        }

        @Test
        @DisplayName("A22: a run killed by a signal (as native executors report it) says so with Go's name of the signal")
        void signal() {
            assertThat(failure(PluginReply.killed(9)).error().msg())
                    .isEqualTo("netplugin failed with no error message: signal: killed");
            assertThat(failure(PluginReply.killed(15)).error().msg())
                    .isEqualTo("netplugin failed with no error message: signal: terminated");
            assertThat(failure(PluginReply.killed(40)).error().msg())
                    .isEqualTo("netplugin failed with no error message: signal: signal 40");
        }

        @Test
        @DisplayName("A22: an exit status of 128 + a well-known signal (how ProcessBuilder reports a kill) names the "
                + "signal it likely was; other statuses do not")
        void signalAsExitStatus() {
            assertThat(failure(raw(137, "", "")).error().msg())
                    .isEqualTo("netplugin failed with no error message: exit status 137 (128+9: SIGKILL, killed?)");
            assertThat(failure(raw(139, "", "boom")).error().msg())
                    .isEqualTo("netplugin failed: \"boom\": exit status 139 (128+11: SIGSEGV, segmentation fault?)");
            assertThat(failure(raw(128, "", "")).error().msg())
                    .isEqualTo("netplugin failed with no error message: exit status 128");
            assertThat(failure(raw(144, "", "")).error().msg())
                    .isEqualTo("netplugin failed with no error message: exit status 144");
        }

        @Test
        @DisplayName("A22: no network name: the message leaves it out")
        void withoutNetwork() {
            assertThatThrownBy(() -> invoker(answering(raw(1, "", ""))).exec("bridge", Verb.CHECK, STDIN, ARGS,
                    TIMEOUT, null))
                    .hasMessage("plugin type=\"bridge\" failed (check): netplugin failed with no error message: "
                            + "exit status 1");
        }

        @Test
        @DisplayName("A22: exit 0 is success whatever stdout holds; stderr goes to the logger, not System.err")
        void successWithStderr() throws Exception {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            byte[] out;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                out = invoker(answering(raw(0, "{\"code\":7,\"msg\":\"looks like an error\"}", "debug chatter\n")))
                        .exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1");
            } finally {
                System.setErr(original);
            }
            assertThat(text(out)).isEqualTo("{\"code\":7,\"msg\":\"looks like an error\"}");
            assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("debug chatter");
        }

        @Test
        @DisplayName("A22 A23: executor failures (a start failure, a timeout) keep their type and reason and get the "
                + "plugin, network and verb in front")
        void executorFailures() {
            PluginExecutionException startFailed = new PluginExecutionException(Reason.START_FAILED,
                    "cannot start plugin /x/bridge: Permission denied", null);
            FakePluginExecutor notStarting = bridge(call -> {
                throw startFailed;
            });
            assertThatThrownBy(() -> invoker(notStarting).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "n"))
                    .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                        assertThat(e.getCause()).isSameAs(startFailed);
                    })
                    .hasMessage("plugin type=\"bridge\" network=\"n\" failed (add): cannot start plugin /x/bridge: "
                            + "Permission denied");

            CniTimeoutException timeout = new CniTimeoutException("plugin /x/bridge timed out after 10000 ms");
            FakePluginExecutor timingOut = bridge(call -> {
                throw timeout;
            });
            assertThatThrownBy(() -> invoker(timingOut).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "n"))
                    .isInstanceOf(CniTimeoutException.class)
                    .hasMessage("plugin type=\"bridge\" network=\"n\" failed (add): plugin /x/bridge timed out after "
                            + "10000 ms")
                    .hasCause(timeout);
        }
    }

    @Nested
    @DisplayName("D5: text file busy")
    class Busy {

        @Test
        @DisplayName("busy attempts are retried one second apart until the plugin starts")
        void retriedUntilStarted() throws Exception {
            FakePluginExecutor executor = bridge(FakePlugins.busy(3, call -> raw(0, "{}", "")));

            byte[] out = invoker(executor).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1");

            assertThat(text(out)).isEqualTo("{}");
            assertThat(executor.recorder().size()).isEqualTo(4);
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        }

        @Test
        @DisplayName("six busy attempts end in TEXT_FILE_BUSY (not libcni's silent success)")
        void givesUp() {
            FakePluginExecutor executor = alwaysBusy();

            PluginExecutionException e = catchThrowableOfType(PluginExecutionException.class,
                    () -> invoker(executor).exec("bridge", Verb.DEL, STDIN, ARGS, TIMEOUT, "net1"));

            assertThat(e.reason()).isEqualTo(Reason.TEXT_FILE_BUSY);
            assertThat(e).hasMessageContaining("plugin type=\"bridge\" network=\"net1\" failed (delete)")
                    .hasMessageContaining("text file busy after 6 attempts")
                    .hasMessageContaining(dir2.resolve("bridge").toString())
                    .hasCause(last(executor).failure());
            assertThat(executor.recorder().size()).isEqualTo(6);
            assertThat(sleeps).hasSize(5);
        }

        @Test
        @DisplayName("a different failure after a busy attempt is reported as it is")
        void otherFailureAfterBusy() {
            FakePluginExecutor executor = bridge(FakePlugins.busy(1, call -> {
                throw new PluginExecutionException(Reason.START_FAILED, "cannot start plugin x: exec format error", null);
            }));

            assertThatThrownBy(() -> invoker(executor).exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1"))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.START_FAILED))
                    .hasMessageEndingWith("exec format error");
            assertThat(executor.recorder().size()).isEqualTo(2);
        }

        @Test
        @DisplayName("A23: the call's timeout covers the retries")
        void timeoutCoversRetries() {
            FakePluginExecutor executor = alwaysBusy();
            PluginInvoker invoker = new PluginInvoker(executor, List.of(dir2), 1, () -> parentEnv,
                    d -> Thread.sleep(50));

            assertThatThrownBy(() -> invoker.exec("bridge", Verb.ADD, STDIN, ARGS, Duration.ofMillis(120), "net1"))
                    .isInstanceOf(CniTimeoutException.class)
                    .hasMessageContaining("text file busy")
                    .hasCause(last(executor).failure());
            assertThat(executor.recorder().size()).isLessThan(6);
        }

        @Test
        @DisplayName("an interrupt during the pause ends the call")
        void interruptedPause() {
            PluginInvoker invoker = new PluginInvoker(alwaysBusy(), List.of(dir2), 1, () -> parentEnv, d -> {
                throw new InterruptedException("stop");
            });

            assertThatThrownBy(() -> invoker.exec("bridge", Verb.ADD, STDIN, ARGS, TIMEOUT, "net1"))
                    .isInstanceOf(InterruptedException.class);
        }
    }

    @Nested
    @DisplayName("A25: VERSION")
    class Version {

        @Test
        @DisplayName("A25: dummy environment and stdin {\"cniVersion\":\"1.1.0\"}; versions in the plugin's order")
        void request() throws Exception {
            parentEnv.put("CNI_NETNS", "/inherited");
            FakePluginExecutor executor = answering(raw(0,
                    "{\"cniVersion\":\"1.1.0\",\"supportedVersions\":[\"1.1.0\",\"0.3.1\",\"1.0.0\"]}", ""));

            PluginVersionInfo info = invoker(executor).version("bridge", TIMEOUT);

            assertThat(info).isEqualTo(new PluginVersionInfo("1.1.0", List.of("1.1.0", "0.3.1", "1.0.0")));
            RecordedInvocation r = last(executor);
            assertThat(text(r.stdin())).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
            assertThat(r.environment()).containsExactly("HOME=/root", "PATH=/usr/bin:/bin",
                    "CNI_COMMAND=VERSION", "CNI_CONTAINERID=", "CNI_NETNS=dummy", "CNI_ARGS=", "CNI_IFNAME=dummy",
                    "CNI_PATH=dummy");
        }

        @Test
        @DisplayName("A25: 'unknown CNI_COMMAND: VERSION' means the plugin supports only 0.1.0")
        void preVersionPlugin() throws Exception {
            FakePluginExecutor executor = answering(raw(1, "{\"code\":4,\"msg\":\"unknown CNI_COMMAND: VERSION\"}", ""));

            assertThat(invoker(executor).version("bridge", TIMEOUT))
                    .isEqualTo(new PluginVersionInfo("1.1.0", List.of("0.1.0")));
        }

        @Test
        @DisplayName("A25: the message must match exactly: with details it is an ordinary plugin error")
        void unknownCommandWithDetails() {
            FakePluginExecutor executor = answering(raw(1,
                    "{\"code\":4,\"msg\":\"unknown CNI_COMMAND: VERSION\",\"details\":\"x\"}", ""));

            assertThatThrownBy(() -> invoker(executor).version("bridge", TIMEOUT))
                    .isInstanceOf(PluginErrorException.class)
                    .hasMessage("plugin type=\"bridge\" failed (version): unknown CNI_COMMAND: VERSION; x");
        }

        @Test
        @DisplayName("A25: cniVersion 0.2.0 without supportedVersions means [0.1.0, 0.2.0]")
        void version020() throws Exception {
            assertThat(invoker(answering(raw(0, "{\"cniVersion\":\"0.2.0\"}", ""))).version("bridge", TIMEOUT))
                    .isEqualTo(new PluginVersionInfo("1.1.0", List.of("0.1.0", "0.2.0")));
        }

        @Test
        @DisplayName("A25: decoder errors carry libcni's messages")
        void decoderErrors() {
            assertThat(versionError("{\"supportedVersions\":[\"0.1.0\"]}"))
                    .isEqualTo("plugin type=\"bridge\" failed (version): decoding version info: missing field cniVersion");
            assertThat(versionError("null"))
                    .endsWith("decoding version info: missing field cniVersion");
            assertThat(versionError("{\"cniVersion\":\"0.3.0\"}"))
                    .endsWith("decoding version info: missing field supportedVersions");
            assertThat(versionError("{\"cniVersion\":\"1.0.0\",\"supportedVersions\":[]}"))
                    .endsWith("decoding version info: missing field supportedVersions");
            assertThat(versionError("not json")).contains("decoding version info: ").doesNotEndWith(": ");
            assertThat(versionError("")).endsWith("decoding version info: unexpected end of JSON input");
            assertThat(versionError("{\"cniVersion\":\"1.0.0\",\"supportedVersions\":\"1.0.0\"}"))
                    .contains("decoding version info: cannot unmarshal string");
            assertThat(versionError("{\"cniVersion\":1}")).contains("decoding version info: cannot unmarshal number");
        }

        private String versionError(String stdout) {
            return catchThrowableOfType(InvalidResultException.class,
                    () -> invoker(answering(raw(0, stdout, ""))).version("bridge", TIMEOUT)).getMessage();
        }

        @Test
        @DisplayName("A25: other failures of VERSION are plugin errors")
        void otherFailure() {
            assertThatThrownBy(() -> invoker(answering(raw(1, "", "segfault"))).version("bridge", TIMEOUT))
                    .isInstanceOfSatisfying(PluginErrorException.class,
                            e -> assertThat(e.verb()).isEqualTo(Verb.VERSION))
                    .hasMessage("plugin type=\"bridge\" failed (version): netplugin failed: \"segfault\": exit status 1");
        }
    }
}
