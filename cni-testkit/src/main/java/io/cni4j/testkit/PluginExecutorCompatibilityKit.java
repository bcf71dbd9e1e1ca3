package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.NetnsException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor TCK: the {@link PluginExecutor} and {@link NetnsManager} contracts as tests. An
 * executor module proves its provider with one class:
 *
 * <pre>{@code
 * class ProcessExecutorCompatibilityTest extends PluginExecutorCompatibilityKit {
 *     @Override
 *     public ExecutorProvider provider() {
 *         return new ProcessExecutorProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>Plugins are POSIX {@code /bin/sh} scripts written into a temporary directory; they need
 * {@code cat}, {@code ls}, {@code head}, {@code sleep} and {@code yes} in {@code /usr/bin} or
 * {@code /bin}. Each test checks one rule. A provider that is not available is skipped with its
 * reason; the namespace tests need root and are skipped without it. Both skips become failures when
 * the environment variable {@code CNI4J_REQUIRE_ROOT_TESTS=1} is set. No test asserts timing: the
 * timeouts only bound how long a broken executor can hang a test.
 */
public abstract class PluginExecutorCompatibilityKit {

    private static final List<String> BASE_ENV = List.of("PATH=/usr/bin:/bin");
    private static final long MAX_OUTPUT = 1 << 20;
    private static final Pattern FD_LINE = Pattern.compile("\\s(\\d+) -> (.*)$");

    private ExecutorProvider provider;
    private PluginExecutor executor;
    private Path dir;

    /** Creates the kit (JUnit instantiates the subclass). */
    protected PluginExecutorCompatibilityKit() {
    }

    /**
     * The provider under test. Called once before each test, so an implementation may use fields
     * of the subclass.
     *
     * @return a fresh or shared provider
     */
    public abstract ExecutorProvider provider();

    /**
     * The timeout for runs that are expected to end by themselves; only a broken executor reaches it.
     * Override on very slow machines.
     *
     * @return the timeout, 60 seconds by default
     */
    protected Duration generousTimeout() {
        return Duration.ofSeconds(60);
    }

    /**
     * The deadline for runs that are expected to be killed at it. It must leave a script enough
     * time to start and write its pid file. Override on very slow machines.
     *
     * @return the deadline, 3 seconds by default
     */
    protected Duration shortTimeout() {
        return Duration.ofSeconds(3);
    }

    /**
     * Gets the provider and skips the test when it is not available.
     *
     * @param tempDir a fresh directory for this test's scripts
     */
    @BeforeEach
    public void setUpKit(@TempDir Path tempDir) {
        this.dir = tempDir.toAbsolutePath();
        this.provider = provider();
        assertThat(provider).as("provider()").isNotNull();
        Optional<String> problem = provider.isAvailable() ? Optional.empty()
                : Optional.of("executor provider \"" + provider.name() + "\" is not available: "
                        + provider.unavailabilityCause().map(Object::toString).orElse("no reason given"));
        RootTestGate.skipOrFail("executor compatibility test", problem);
        this.executor = provider.executor();
        assertThat(executor).as("provider().executor()").isNotNull();
    }

    // ---------------------------------------------------------------- environment, arguments, stdin

    /**
     * The child's environment is exactly the request's: nothing inherited from the JVM.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("the plugin gets exactly the request's environment, nothing inherited")
    public void environmentIsExactlyTheRequests() throws Exception {
        Path plugin = script("env", "cat /proc/$$/environ");
        List<String> env = List.of("PATH=/usr/bin:/bin", "CNI_COMMAND=ADD", "CNI_CONTAINERID=c1",
                "CNI_NETNS=/run/netns/x", "CNI_IFNAME=eth0", "CNI_ARGS=K1=V1;K2=V2", "CNI_PATH=/opt/cni/bin",
                "EMPTY=", "SPACES=a b  c", "EQUALS=a=b");
        ExecResult result = executor.run(request(plugin, new byte[0], env, generousTimeout(), MAX_OUTPUT));
        assertThat(result.succeeded()).as("run succeeded: %s", describe(result)).isTrue();
        List<String> seen = Arrays.stream(result.stdoutText().split("\0")).filter(s -> !s.isEmpty()).sorted().toList();
        assertThat(seen).as("environment of the plugin process").isEqualTo(env.stream().sorted().toList());
    }

    /**
     * The child is started with no arguments.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("the plugin is started with no arguments")
    public void noArguments() throws Exception {
        Path plugin = script("args", "printf '%s' \"$#\"");
        ExecResult result = executor.run(request(plugin));
        assertThat(result.stdoutText()).as("number of arguments ($#)").isEqualTo("0");
    }

    /**
     * The stdin bytes arrive unchanged, binary included.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("the plugin reads exactly the stdin bytes")
    public void stdinBytesArriveUnchanged() throws Exception {
        byte[] stdin = new byte[256];
        for (int i = 0; i < stdin.length; i++) {
            stdin[i] = (byte) i;
        }
        Path plugin = script("cat", "exec cat");
        ExecResult result = executor.run(request(plugin, stdin, BASE_ENV, generousTimeout(), MAX_OUTPUT));
        assertThat(result.stdout()).as("stdout of a plugin that copies stdin").isEqualTo(stdin);
    }

    /**
     * Stdin is closed after the bytes, so a plugin that reads to the end finishes.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("stdin is closed after the request's bytes")
    public void stdinIsClosed() throws Exception {
        Path plugin = script("drain", "cat >/dev/null; printf done");
        ExecResult result = executor.run(request(plugin, "{}".getBytes(StandardCharsets.UTF_8), BASE_ENV,
                generousTimeout(), MAX_OUTPUT));
        assertThat(result.stdoutText()).isEqualTo("done");
    }

    /**
     * A large stdin is written while stdout is read, so neither side blocks the other.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("a 2 MiB stdin echoed back does not deadlock")
    public void largeStdinDoesNotDeadlock() throws Exception {
        byte[] stdin = new byte[2 << 20];
        for (int i = 0; i < stdin.length; i++) {
            stdin[i] = (byte) ('a' + i % 26);
        }
        Path plugin = script("cat", "exec cat");
        ExecResult result = executor.run(request(plugin, stdin, BASE_ENV, generousTimeout(), 4L << 20));
        assertThat(result.stdout()).as("echoed stdin").isEqualTo(stdin);
    }

    // ---------------------------------------------------------------- output and exit status

    /**
     * Stdout and stderr come back separately.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("stdout and stderr are returned separately")
    public void stdoutAndStderrAreSeparate() throws Exception {
        Path plugin = script("both", "printf out1; printf err1 >&2; printf out2; printf err2 >&2");
        ExecResult result = executor.run(request(plugin));
        assertThat(result.stdoutText()).as("stdout").isEqualTo("out1out2");
        assertThat(result.stderrText()).as("stderr").isEqualTo("err1err2");
    }

    /**
     * Exit status 0 is success with signal 0.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("exit status 0 is reported as success")
    public void exitZero() throws Exception {
        ExecResult result = executor.run(request(script("ok", "exit 0")));
        assertThat(result.exitCode()).isZero();
        assertThat(result.signal()).isZero();
        assertThat(result.succeeded()).isTrue();
    }

    /**
     * A non-zero exit is a result, not an exception, and keeps the output.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("a non-zero exit returns the status and the output, without an exception")
    public void nonZeroExitIsAResult() throws Exception {
        Path plugin = script("fail", "printf '{\"code\":7,\"msg\":\"bad\"}'; printf oops >&2; exit 3");
        ExecResult result = executor.run(request(plugin));
        assertThat(result.exitCode()).as("exit code").isEqualTo(3);
        assertThat(result.signal()).as("signal").isZero();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdoutText()).isEqualTo("{\"code\":7,\"msg\":\"bad\"}");
        assertThat(result.stderrText()).isEqualTo("oops");
    }

    /**
     * Death by signal is reported as exit 137 (ProcessBuilder style) or as signal 9.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("death by SIGKILL is reported as exit 137 or as signal 9")
    public void deathBySignal() throws Exception {
        ExecResult result = executor.run(request(script("suicide", "printf before; kill -9 $$; printf after")));
        boolean asExitCode = result.exitCode() == 137 && result.signal() == 0;
        boolean asSignal = result.exitCode() == -1 && result.signal() == 9;
        assertThat(asExitCode || asSignal).as("exit code 137 with signal 0, or exit code -1 with signal 9, but got %s",
                describe(result)).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdoutText()).isEqualTo("before");
    }

    // ---------------------------------------------------------------- start failures

    /**
     * A missing executable is a start failure that names the path.
     */
    @Test
    @DisplayName("a missing executable fails with START_FAILED naming the path")
    public void missingExecutable() {
        Path missing = dir.resolve("no-such-plugin");
        assertThatThrownBy(() -> executor.run(request(missing)))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.START_FAILED);
                    assertThat(e.getMessage()).contains(missing.toString());
                });
    }

    /**
     * A file without execute permission is a start failure that names the path.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("a file without execute permission fails with START_FAILED naming the path")
    public void nonExecutableFile() throws Exception {
        Path plugin = dir.resolve("not-executable");
        Files.writeString(plugin, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> executor.run(request(plugin)))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.START_FAILED);
                    assertThat(e.getMessage()).contains(plugin.toString());
                });
    }

    /**
     * An executable that is open for writing gives TEXT_FILE_BUSY, so the engine can retry.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("an executable still open for writing fails with TEXT_FILE_BUSY")
    public void textFileBusy() throws Exception {
        Path plugin = dir.resolve("busy");
        try (FileOutputStream out = new FileOutputStream(plugin.toFile())) {
            out.write("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThatThrownBy(() -> executor.run(request(plugin)))
                    .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                        assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.TEXT_FILE_BUSY);
                        assertThat(e.getMessage()).contains(plugin.toString());
                    });
        }
    }

    // ---------------------------------------------------------------- limits, deadline, interrupts

    /**
     * Endless stdout past the limit kills the plugin and fails with OUTPUT_LIMIT_EXCEEDED.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("endless stdout past maxOutputBytes kills the plugin with OUTPUT_LIMIT_EXCEEDED")
    public void stdoutLimit() throws Exception {
        outputLimit("stdout", "exec yes");
    }

    /**
     * Endless stderr past the limit kills the plugin and fails with OUTPUT_LIMIT_EXCEEDED.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("endless stderr past maxOutputBytes kills the plugin with OUTPUT_LIMIT_EXCEEDED")
    public void stderrLimit() throws Exception {
        outputLimit("stderr", "exec yes >&2");
    }

    private void outputLimit(String name, String command) throws Exception {
        Path pidFile = dir.resolve(name + ".pid");
        Path plugin = script(name, "echo $$ > '" + pidFile + "'; " + command);
        assertThatThrownBy(() -> executor.run(request(plugin, new byte[0], BASE_ENV, generousTimeout(), 4096)))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).contains(plugin.toString());
                });
        assertReaped(readPid(pidFile), "plugin");
    }

    /**
     * Output of exactly the limit is accepted.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("output of exactly maxOutputBytes on each stream is accepted")
    public void outputAtTheLimit() throws Exception {
        Path plugin = script("exact", "head -c 4096 /dev/zero; head -c 4096 /dev/zero >&2");
        ExecResult result = executor.run(request(plugin, new byte[0], BASE_ENV, generousTimeout(), 4096));
        assertThat(result.stdout()).hasSize(4096);
        assertThat(result.stderr()).hasSize(4096);
    }

    /**
     * Past the deadline the plugin and the children it started are killed, and CniTimeoutException is
     * thrown.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("past the deadline the plugin and its children are killed and CniTimeoutException is thrown")
    public void deadlineKillsPluginAndChildren() throws Exception {
        Path pidFile = dir.resolve("plugin.pid");
        Path childFile = dir.resolve("child.pid");
        Path plugin = script("sleeper", "echo $$ > '" + pidFile + "'; sleep 1000 & echo $! > '" + childFile + "'; wait");
        assertThatThrownBy(() -> executor.run(request(plugin, new byte[0], BASE_ENV, shortTimeout(), MAX_OUTPUT)))
                .isInstanceOf(CniTimeoutException.class);
        assertReaped(readPid(pidFile), "plugin");
        assertGone(readPid(childFile), "child of the plugin (sleep 1000 &)");
    }

    /**
     * A plugin that ignores SIGTERM is still killed at the deadline (SIGKILL after the grace).
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("a plugin that ignores SIGTERM is still killed past the deadline")
    public void deadlineKillsPluginIgnoringTerm() throws Exception {
        Path pidFile = dir.resolve("stubborn.pid");
        Path plugin = script("stubborn", "trap '' TERM; echo $$ > '" + pidFile + "'; while :; do sleep 1; done");
        assertThatThrownBy(() -> executor.run(request(plugin, new byte[0], BASE_ENV, shortTimeout(), MAX_OUTPUT)))
                .isInstanceOf(CniTimeoutException.class);
        assertReaped(readPid(pidFile), "plugin that ignores SIGTERM");
    }

    /**
     * Interrupting the calling thread kills the plugin and throws InterruptedException.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("interrupting the calling thread kills the plugin and throws InterruptedException")
    public void interruptKillsPlugin() throws Exception {
        Path pidFile = dir.resolve("interrupted.pid");
        Path plugin = script("interrupted", "echo $$ > '" + pidFile + "'; exec sleep 1000");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                executor.run(request(plugin));
                thrown.set(new AssertionError("run returned normally"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "tck-interrupted-caller");
        caller.start();
        long pid = readPid(pidFile);
        caller.interrupt();
        caller.join(generousTimeout().toMillis());
        assertThat(caller.isAlive()).as("the interrupted caller is still blocked in run()").isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertReaped(pid, "plugin");
    }

    /**
     * Cancelling a future that runs the plugin (which interrupts it) kills the plugin.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("cancelling a Future that runs the plugin kills the plugin")
    public void futureCancelKillsPlugin() throws Exception {
        Path pidFile = dir.resolve("cancelled.pid");
        Path plugin = script("cancelled", "echo $$ > '" + pidFile + "'; exec sleep 1000");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> future = pool.submit(() -> {
                try {
                    executor.run(request(plugin));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            long pid = readPid(pidFile);
            future.cancel(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(generousTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .as("the cancelled run returned").isTrue();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertReaped(pid, "plugin");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- isolation and concurrency

    /**
     * No descriptor of the caller reaches the plugin: only its three pipes (and the script the shell
     * reads) are open in it.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("no file descriptor of the caller leaks into the plugin")
    public void noDescriptorLeaks() throws Exception {
        Path canary = dir.resolve("canary");
        Path plugin = script("fds", "ls -l /proc/$$/fd");
        try (FileOutputStream open = new FileOutputStream(canary.toFile())) {
            open.write(1);
            ExecResult result = executor.run(request(plugin));
            assertThat(result.succeeded()).as("listing succeeded: %s", describe(result)).isTrue();
            List<String> leaked = new ArrayList<>();
            for (String line : result.stdoutText().split("\n")) {
                Matcher m = FD_LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                int fd = Integer.parseInt(m.group(1));
                String target = m.group(2);
                // /bin/sh (dash, bash) keeps the script it reads open on a descriptor of its own
                if (fd > 2 && !target.equals(plugin.toRealPath().toString())) {
                    leaked.add(fd + " -> " + target);
                }
            }
            assertThat(leaked).as("descriptors open in the plugin besides 0, 1, 2 and its own script; listing:%n%s",
                    result.stdoutText()).isEmpty();
        }
    }

    /**
     * Many concurrent runs each get their own stdin, environment and output.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("32 concurrent runs on 8 threads each get their own input and output")
    public void concurrentRuns() throws Exception {
        Path plugin = script("echo-id", "printf '%s:' \"$RUN_ID\"; cat; printf '%s' \"$RUN_ID\" >&2");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExecResult>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                List<String> env = List.of("PATH=/usr/bin:/bin", "RUN_ID=" + i);
                ExecRequest request = request(plugin, ("stdin-" + i).getBytes(StandardCharsets.UTF_8), env,
                        generousTimeout(), MAX_OUTPUT);
                futures.add(pool.submit(() -> executor.run(request)));
            }
            for (int i = 0; i < futures.size(); i++) {
                ExecResult result = futures.get(i).get(generousTimeout().toMillis(), TimeUnit.MILLISECONDS);
                assertThat(result.stdoutText()).as("stdout of run %s", i).isEqualTo(i + ":stdin-" + i);
                assertThat(result.stderrText()).as("stderr of run %s", i).isEqualTo(String.valueOf(i));
                assertThat(result.exitCode()).as("exit code of run %s", i).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- netns manager

    /**
     * The manager reports the directory it was made for.
     */
    @Test
    @DisplayName("netns: the manager reports its directory")
    public void netnsDirectory() {
        Path nsDir = dir.resolve("netns");
        assertThat(provider.netnsManager(nsDir).directory()).isEqualTo(nsDir);
    }

    /**
     * A regular file and a missing path are not namespaces; {@code /proc/self/ns/net} is.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("netns: isNetns is false for a plain file and a missing path, true for /proc/self/ns/net")
    public void netnsRecognition() throws Exception {
        NetnsManager manager = provider.netnsManager(dir.resolve("netns"));
        Path plain = Files.writeString(dir.resolve("plain"), "not a namespace");
        assertThat(manager.isNetns(plain)).as("isNetns(plain file)").isFalse();
        assertThat(manager.isNetns(dir.resolve("missing"))).as("isNetns(missing path)").isFalse();
        assertThat(manager.isNetns(Path.of("/proc/self/ns/net"))).as("isNetns(/proc/self/ns/net)").isTrue();
    }

    /**
     * Create pins a namespace at {@code directory/name} that isNetns recognises.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("netns (root): create pins a namespace at directory/name that isNetns recognises")
    public void netnsCreate() throws Exception {
        RootTestGate.requireRoot("netns compatibility test");
        NetnsManager manager = provider.netnsManager(dir.resolve("netns"));
        Path path = manager.create("tck-create");
        try {
            assertThat(path).isEqualTo(dir.resolve("netns").resolve("tck-create"));
            assertThat(manager.isNetns(path)).as("isNetns(created namespace)").isTrue();
        } finally {
            manager.remove(path);
        }
    }

    /**
     * Remove deletes the namespace file, and removing it again is not an error.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("netns (root): remove deletes the namespace and a second remove is not an error")
    public void netnsRemoveIsIdempotent() throws Exception {
        RootTestGate.requireRoot("netns compatibility test");
        NetnsManager manager = provider.netnsManager(dir.resolve("netns"));
        Path path = manager.create("tck-remove");
        manager.remove(path);
        assertThat(path).doesNotExist();
        assertThat(manager.isNetns(path)).isFalse();
        manager.remove(path);
        assertThat(path).doesNotExist();
    }

    /**
     * Creating a name that is taken fails and leaves the existing namespace alone.
     *
     * @throws Exception on failure
     */
    @Test
    @DisplayName("netns (root): create of a taken name fails and leaves the existing namespace")
    public void netnsCreateTakenName() throws Exception {
        RootTestGate.requireRoot("netns compatibility test");
        NetnsManager manager = provider.netnsManager(dir.resolve("netns"));
        Path path = manager.create("tck-taken");
        try {
            assertThatThrownBy(() -> manager.create("tck-taken")).isInstanceOf(NetnsException.class)
                    .hasMessageContaining("tck-taken");
            assertThat(manager.isNetns(path)).as("the first namespace is still there").isTrue();
        } finally {
            manager.remove(path);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Path script(String name, String body) throws IOException {
        return CniTestDirs.writeScript(dir, name, body);
    }

    private ExecRequest request(Path executable) {
        return request(executable, new byte[0], BASE_ENV, generousTimeout(), MAX_OUTPUT);
    }

    private static ExecRequest request(Path executable, byte[] stdin, List<String> env, Duration timeout, long max) {
        return new ExecRequest(executable, stdin, env, timeout, max);
    }

    private long readPid(Path file) throws Exception {
        long deadline = System.nanoTime() + generousTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String text = Files.readString(file).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(10);
        }
        return fail("the plugin never wrote its pid to " + file);
    }

    /** The executor's own child must be killed and reaped before run() returns or throws. */
    private static void assertReaped(long pid, String what) {
        assertThat(Files.exists(Path.of("/proc/" + pid)))
                .as("%s (pid %s) is killed and reaped when run() ends, but /proc/%s still exists", what, pid, pid)
                .isFalse();
    }

    /** A grandchild must be killed; reaping it is its new parent's business, so a zombie counts as gone. */
    private void assertGone(long pid, String what) throws Exception {
        long deadline = System.nanoTime() + generousTimeout().toNanos();
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(running(pid)).as("%s (pid %s) is still running after the plugin was killed", what, pid).isFalse();
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        String text;
        try {
            text = Files.readString(stat);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        int close = text.lastIndexOf(')');
        char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : '?';
        return state != 'Z' && state != 'X';
    }

    private static String describe(ExecResult result) {
        return result.describeExit() + ", stdout=" + result.stdoutText() + ", stderr=" + result.stderrText();
    }
}
