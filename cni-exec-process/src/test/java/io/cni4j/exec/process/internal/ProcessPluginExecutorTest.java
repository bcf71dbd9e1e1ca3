package io.cni4j.exec.process.internal;

import static io.cni4j.exec.process.internal.TestSupport.MIB;
import static io.cni4j.exec.process.internal.TestSupport.PATH;
import static io.cni4j.exec.process.internal.TestSupport.awaitPid;
import static io.cni4j.exec.process.internal.TestSupport.eventuallyGone;
import static io.cni4j.exec.process.internal.TestSupport.request;
import static io.cni4j.exec.process.internal.TestSupport.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.spi.ExecResult;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessPluginExecutorTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ProcessPluginExecutor executor = new ProcessPluginExecutor(Duration.ofMillis(200));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the plugin gets exactly the requested environment and stdin, and no arguments")
    void exactEnvironmentAndStdin() throws Exception {
        Path plugin = script(dir, "recorder", ""
                + "tr '\\0' '\\n' < /proc/$$/environ > '" + dir + "/env'\n"
                + "echo \"$#\" > '" + dir + "/argc'\n"
                + "cat > '" + dir + "/stdin'\n"
                + "printf '%s' '{\"cniVersion\":\"1.1.0\"}'");
        List<String> env = List.of(PATH, "CNI_COMMAND=ADD", "CNI_ARGS=A=1;B=2", "EMPTY=", "WITH_EQUALS=a=b=c",
                "SPACES=a b  c");
        String stdin = "{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"type\":\"recorder\"}";

        ExecResult result = executor.run(request(plugin, utf8(stdin), LONG, MIB, env));

        assertThat(result.exitCode()).isZero();
        assertThat(result.signal()).isZero();
        assertThat(result.stdoutText()).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
        assertThat(result.stderr()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("env"))).containsExactlyInAnyOrderElementsOf(env);
        assertThat(Files.readString(dir.resolve("argc")).trim()).isEqualTo("0");
        assertThat(Files.readString(dir.resolve("stdin"))).isEqualTo(stdin);
    }

    @Test
    @DisplayName("nothing of the JVM's environment leaks in, and entries without '=' are dropped")
    void noInheritedEnvironment() throws Exception {
        Path plugin = script(dir, "recorder", "tr '\\0' '\\n' < /proc/$$/environ > '" + dir + "/env'");

        executor.run(request(plugin, new byte[0], LONG, MIB, List.of(PATH, "NO_EQUALS_SIGN", "DUP=1", "DUP=2")));

        assertThat(System.getenv()).isNotEmpty();
        assertThat(Files.readAllLines(dir.resolve("env"))).containsExactlyInAnyOrder(PATH, "DUP=2");
    }

    @Test
    @DisplayName("a non-zero exit is a result, not an exception, with stdout and stderr kept apart")
    void nonZeroExit() throws Exception {
        Path plugin = script(dir, "failing", ""
                + "printf '%s' '{\"code\":7,\"msg\":\"bad config\"}'\n"
                + "echo 'something went wrong' >&2\n"
                + "exit 3");

        ExecResult result = executor.run(request(plugin, LONG));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.describeExit()).isEqualTo("exit status 3");
        assertThat(result.stdoutText()).isEqualTo("{\"code\":7,\"msg\":\"bad config\"}");
        assertThat(result.stderrText()).isEqualTo("something went wrong\n");
    }

    @Test
    @DisplayName("stderr of a successful plugin is returned too")
    void stderrOnSuccess() throws Exception {
        Path plugin = script(dir, "chatty", "echo 'debug line' >&2\nprintf '{}'");

        ExecResult result = executor.run(request(plugin, LONG));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("{}");
        assertThat(result.stderrText()).isEqualTo("debug line\n");
    }

    @Test
    @DisplayName("arbitrary bytes on stdout come back unchanged")
    void garbageOutput() throws Exception {
        Path plugin = script(dir, "garbage", "printf 'not json \\377\\376\\000\\001 at all'");

        ExecResult result = executor.run(request(plugin, LONG));

        byte[] expected = {'n', 'o', 't', ' ', 'j', 's', 'o', 'n', ' ', (byte) 0xff, (byte) 0xfe, 0, 1, ' ', 'a', 't',
            ' ', 'a', 'l', 'l'};
        assertThat(result.stdout()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a plugin killed by a signal reports 128 + signal as its exit status")
    void killedBySignal() throws Exception {
        Path plugin = script(dir, "suicidal", "kill -9 $$");

        ExecResult result = executor.run(request(plugin, LONG));

        assertThat(result.exitCode()).isEqualTo(128 + 9);
        assertThat(result.signal()).isZero();
    }

    @Test
    @DisplayName("a plugin running past its deadline is killed and reaped, then CniTimeoutException")
    void timeout() throws Exception {
        Path plugin = script(dir, "sleeper", "echo $$ > '" + dir + "/pid'\nexec sleep 60");

        Throwable thrown = catchThrowable(() -> executor.run(request(plugin, Duration.ofSeconds(2))));

        assertThat(thrown).isInstanceOf(CniTimeoutException.class)
                .hasMessageContaining(plugin.toString())
                .hasMessageContaining("2000 ms");
        long pid = awaitPid(dir.resolve("pid"));
        assertThat(ProcessHandle.of(pid)).as("the plugin was reaped before the exception").isEmpty();
    }

    @Test
    @DisplayName("a plugin that ignores SIGTERM is killed after the grace")
    void ignoresSigterm() throws Exception {
        Path plugin = script(dir, "stubborn", ""
                + "trap '' TERM\n"
                + "echo $$ > '" + dir + "/pid'\n"
                + "while :; do sleep 1; done");

        assertThatThrownBy(() -> executor.run(request(plugin, Duration.ofSeconds(2))))
                .isInstanceOf(CniTimeoutException.class);
        assertThat(ProcessHandle.of(awaitPid(dir.resolve("pid")))).isEmpty();
    }

    @Test
    @DisplayName("after a timeout the plugin and the child it forked are both gone")
    void timeoutKillsForkedChild() throws Exception {
        Path plugin = script(dir, "forker", ""
                + "sleep 60 &\n"
                + "echo $! > '" + dir + "/child'\n"
                + "echo $$ > '" + dir + "/self'\n"
                + "sleep 60");

        assertThatThrownBy(() -> executor.run(request(plugin, Duration.ofSeconds(2))))
                .isInstanceOf(CniTimeoutException.class);

        long self = awaitPid(dir.resolve("self"));
        long child = awaitPid(dir.resolve("child"));
        assertThat(ProcessHandle.of(self)).isEmpty();
        assertThat(eventuallyGone(child)).as("forked child %d is gone", child).isTrue();
    }

    @Test
    @DisplayName("a child left holding the pipes after the plugin exits is terminated; the result stands")
    void leftoverChildHoldingPipes() throws Exception {
        // The plugin lives a moment: its pipes are identified from /proc/<pid>/fd right after start,
        // which a plugin that exits within microseconds can escape (then the child is left alone).
        Path plugin = script(dir, "leaker", ""
                + "sleep 60 &\n"
                + "echo $! > '" + dir + "/child'\n"
                + "printf '{\"cniVersion\":\"1.1.0\"}'\n"
                + "sleep 0.5");

        ExecResult result = executor.run(request(plugin, LONG));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("{\"cniVersion\":\"1.1.0\"}");
        long child = awaitPid(dir.resolve("child"));
        assertThat(eventuallyGone(child)).as("leftover child %d is gone", child).isTrue();
    }

    @Test
    @DisplayName("100 MiB on stdout: the plugin is killed and OUTPUT_LIMIT_EXCEEDED names the stream")
    void hugeStdout() throws Exception {
        Path plugin = script(dir, "flood", "echo $$ > '" + dir + "/pid'\nexec head -c 104857600 /dev/zero");

        Throwable thrown = catchThrowable(() -> executor.run(request(plugin, new byte[0], LONG, MIB, List.of(PATH))));

        assertThat(thrown).isInstanceOf(PluginExecutionException.class)
                .hasMessageContaining(plugin.toString())
                .hasMessageContaining("more than 1048576 bytes to stdout");
        assertThat(((PluginExecutionException) thrown).reason()).isEqualTo(Reason.OUTPUT_LIMIT_EXCEEDED);
        assertThat(ProcessHandle.of(awaitPid(dir.resolve("pid")))).isEmpty();
    }

    @Test
    @DisplayName("too much on stderr is refused the same way")
    void hugeStderr() throws Exception {
        Path plugin = script(dir, "flood", "head -c 10485760 /dev/zero >&2");

        assertThatThrownBy(() -> executor.run(request(plugin, new byte[0], LONG, 64 * 1024, List.of(PATH))))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OUTPUT_LIMIT_EXCEEDED))
                .hasMessageContaining("to stderr");
    }

    @Test
    @DisplayName("output of exactly the limit is accepted")
    void outputAtLimit() throws Exception {
        Path plugin = script(dir, "exact", "head -c 65536 /dev/zero");

        ExecResult result = executor.run(request(plugin, new byte[0], LONG, 65536, List.of(PATH)));

        assertThat(result.stdout()).hasSize(65536);
    }

    @Test
    @DisplayName("a plugin that never reads its large stdin does not block the caller")
    void unreadStdin() throws Exception {
        Path plugin = script(dir, "deaf", "printf ok");
        byte[] stdin = new byte[16 * (int) MIB];

        ExecResult result = executor.run(request(plugin, stdin, LONG, MIB, List.of(PATH)));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("ok");
    }

    @Test
    @DisplayName("large stdin echoed back: stdin is written while stdout is drained")
    void echoLargeStdin() throws Exception {
        Path plugin = script(dir, "echo", "exec cat");
        byte[] stdin = new byte[4 * (int) MIB];
        new Random(42).nextBytes(stdin);

        ExecResult result = executor.run(request(plugin, stdin, LONG, 8 * MIB, List.of(PATH)));

        assertThat(result.stdout()).isEqualTo(stdin);
    }

    @Test
    @DisplayName("interrupting the calling thread kills the plugin and throws InterruptedException")
    void interrupt() throws Exception {
        Path plugin = script(dir, "sleeper", "echo $$ > '" + dir + "/pid'\nexec sleep 60");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> thrown.set(catchThrowable(() -> executor.run(request(plugin, LONG)))));
        caller.start();

        long pid = awaitPid(dir.resolve("pid"));
        caller.interrupt();
        caller.join(LONG.toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class).hasMessageContaining(plugin.toString());
        assertThat(ProcessHandle.of(pid)).isEmpty();
    }

    @Test
    @DisplayName("an already interrupted caller starts nothing")
    void interruptedBeforeStart() throws Exception {
        Path plugin = script(dir, "marker", "touch '" + dir + "/started'");

        Thread.currentThread().interrupt();
        Throwable thrown = catchThrowable(() -> executor.run(request(plugin, LONG)));

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    @DisplayName("a timeout that has already passed starts nothing")
    void expiredTimeout() throws Exception {
        Path plugin = script(dir, "marker", "touch '" + dir + "/started'");

        assertThatThrownBy(() -> executor.run(request(plugin, Duration.ZERO)))
                .isInstanceOf(CniTimeoutException.class)
                .hasMessageContaining(plugin.toString());
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    @DisplayName("a missing executable is START_FAILED naming the path")
    void missingExecutable() {
        Path plugin = dir.resolve("nope");

        assertThatThrownBy(() -> executor.run(request(plugin, LONG)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.START_FAILED))
                .hasMessageContaining(plugin.toString());
    }

    @Test
    @DisplayName("a file without execute permission is START_FAILED naming the path")
    void notExecutable() throws Exception {
        Path plugin = script(dir, "plain", "exit 0");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> executor.run(request(plugin, LONG)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.START_FAILED))
                .hasMessageContaining(plugin.toString());
    }

    @Test
    @DisplayName("a file still open for writing is TEXT_FILE_BUSY")
    void textFileBusy() throws Exception {
        Path plugin = dir.resolve("busy");
        try (FileOutputStream out = new FileOutputStream(plugin.toFile())) {
            out.write(utf8("#!/bin/sh\nexit 0\n"));
            out.flush();
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));

            assertThatThrownBy(() -> executor.run(request(plugin, LONG)))
                    .isInstanceOfSatisfying(PluginExecutionException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TEXT_FILE_BUSY))
                    .hasMessageContaining(plugin.toString());
        }
        assertThat(executor.run(request(plugin, LONG)).succeeded()).as("runs once closed").isTrue();
    }

    @Test
    @DisplayName("ETXTBSY is recognised in the JDK's start failure messages")
    void textFileBusyMessages() {
        assertThat(ProcessPluginExecutor.isTextFileBusy(
                new IOException("Cannot run program \"/x\": error=26, Text file busy"))).isTrue();
        assertThat(ProcessPluginExecutor.isTextFileBusy(new IOException("error=26, something"))).isTrue();
        assertThat(ProcessPluginExecutor.isTextFileBusy(
                new IOException("Exec failed, error: 26 (Text file busy)"))).isTrue();
        assertThat(ProcessPluginExecutor.isTextFileBusy(
                new IOException("Exec failed, error: 26 (Datei wird gerade benutzt)"))).isTrue();
        assertThat(ProcessPluginExecutor.isTextFileBusy(
                new IOException("Exec failed, error: 2 (No such file or directory)"))).isFalse();
        assertThat(ProcessPluginExecutor.isTextFileBusy(
                new IOException("Cannot run program \"/x\": error=2, No such file or directory"))).isFalse();
        assertThat(ProcessPluginExecutor.isTextFileBusy(new IOException((String) null))).isFalse();
    }

    @Test
    @DisplayName("concurrent runs do not mix their outputs")
    void concurrentRuns() throws Exception {
        Path plugin = script(dir, "echo", "exec cat");
        List<Thread> threads = new java.util.ArrayList<>();
        List<AtomicReference<Object>> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] stdin = utf8("run-" + i + "-" + "x".repeat(10000 * i));
            AtomicReference<Object> outcome = new AtomicReference<>();
            outcomes.add(outcome);
            Thread t = new Thread(() -> {
                try {
                    outcome.set(new String(executor.run(request(plugin, stdin, LONG, MIB, List.of(PATH))).stdout(),
                            StandardCharsets.UTF_8).equals(new String(stdin, StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    outcome.set(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(LONG.toMillis());
        }
        assertThat(outcomes).allSatisfy(o -> assertThat(o.get()).isEqualTo(Boolean.TRUE));
    }
}
