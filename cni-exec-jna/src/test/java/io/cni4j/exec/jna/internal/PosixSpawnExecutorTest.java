package io.cni4j.exec.jna.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.testkit.CniTestDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of this executor beyond the TCK: what it alone guarantees. */
class PosixSpawnExecutorTest {

    private static final List<String> ENV = List.of("PATH=/usr/bin:/bin");
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final PosixSpawnExecutor executor = new PosixSpawnExecutor(Availability.get().features());
    private long strayPid;

    @AfterEach
    void killStray() {
        if (strayPid > 0) {
            ProcessHandle.of(strayPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @DisplayName("death by a signal is reported exactly: exit code -1 and the signal")
    void signalIsReported() throws Exception {
        ExecResult result = run(script("term", "kill -TERM $$"), new byte[0], GENEROUS);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.signal()).isEqualTo(15);
        assertThat(result.describeExit()).isEqualTo("signal: 15");
    }

    @Test
    @DisplayName("exit status 255 is reported as 255")
    void exit255() throws Exception {
        assertThat(run(script("x", "exit 255"), new byte[0], GENEROUS).exitCode()).isEqualTo(255);
    }

    @Test
    @DisplayName("a plugin that never reads a large stdin still succeeds: EPIPE on stdin is not an error")
    void unreadStdin() throws Exception {
        byte[] stdin = new byte[4 << 20];
        ExecResult result = run(script("ignore", "printf ignored"), stdin, GENEROUS);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdoutText()).isEqualTo("ignored");
    }

    @Test
    @DisplayName("the plugin starts with no blocked and no ignored signals, in a process group of its own")
    void signalsAndProcessGroup() throws Exception {
        ExecResult result = run(script("status", "exec cat /proc/self/status /proc/self/stat"), new byte[0], GENEROUS);
        Map<String, String> status = Arrays.stream(result.stdoutText().split("\n"))
                .filter(line -> line.startsWith("Sig") || line.startsWith("Pid:"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> l.substring(l.indexOf(':') + 1).trim()));
        assertThat(status.get("SigBlk")).as("blocked signals").matches("0+");
        assertThat(status.get("SigIgn")).as("ignored signals").matches("0+");
        String stat = result.stdoutText().substring(result.stdoutText().lastIndexOf(')') + 2);
        String processGroup = stat.split(" ")[2];
        assertThat(processGroup).as("process group id").isEqualTo(status.get("Pid"));
    }

    @Test
    @DisplayName("environment values in UTF-8 arrive as UTF-8 bytes; a path with spaces works")
    void utf8AndSpaces() throws Exception {
        Path plugin = CniTestDirs.writeScript(Files.createDirectory(dir.resolve("with space")), "p", "printf '%s' \"$NAME\"");
        ExecResult result = executor.run(new ExecRequest(plugin, new byte[0], List.of("NAME=grüße ✓"), GENEROUS, 1024));
        assertThat(result.stdout()).isEqualTo("grüße ✓".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("an empty environment arrives empty; 2000 entries of many lengths arrive exactly, in order")
    void environmentLayout() throws Exception {
        Path env = Path.of("/usr/bin/env");
        assertThat(executor.run(new ExecRequest(env, new byte[0], List.of(), GENEROUS, 1024)).stdout()).isEmpty();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            entries.add("V" + i + "=" + "ü".repeat(i % 37) + "x".repeat(i % 301));
        }
        ExecResult result = executor.run(new ExecRequest(env, new byte[0], entries, GENEROUS, 8 << 20));
        assertThat(result.stdoutText().split("\n", -1)).containsExactlyElementsOf(
                Stream.concat(entries.stream(), Stream.of("")).toList());
    }

    @Test
    @DisplayName("stdin of 1, PIPE_BUF and PIPE_BUF + 1 bytes arrives exactly")
    void stdinAroundPipeBuf() throws Exception {
        Path cat = script("cat", "exec cat");
        for (int size : new int[] {1, Linux.PIPE_BUF, Linux.PIPE_BUF + 1}) {
            byte[] stdin = new byte[size];
            new Random(size).nextBytes(stdin);
            assertThat(run(cat, stdin, GENEROUS).stdout()).as("%d bytes", size).isEqualTo(stdin);
        }
    }

    @Test
    @DisplayName("every pipe and pidfd a run opens is closed again: after a success, a failure, a timeout, an output limit and a start failure")
    void noDescriptorLeftOpen() throws Exception {
        Set<String> before = pipesAndPidfds();
        assertThat(run(script("ok", "printf out; printf err >&2"), "in".getBytes(StandardCharsets.UTF_8), GENEROUS)
                .stdoutText()).isEqualTo("out");
        assertThat(run(script("fails", "exit 3"), new byte[0], GENEROUS).exitCode()).isEqualTo(3);
        assertThatThrownBy(() -> run(script("slow", "exec sleep 60"), new byte[0], Duration.ofMillis(200)))
                .isInstanceOf(CniTimeoutException.class);
        assertThatThrownBy(() -> executor.run(new ExecRequest(script("loud", "exec yes"), new byte[0], ENV, GENEROUS, 1024)))
                .isInstanceOfSatisfying(PluginExecutionException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.OUTPUT_LIMIT_EXCEEDED));
        assertThatThrownBy(() -> run(dir.resolve("missing"), new byte[0], GENEROUS))
                .isInstanceOf(PluginExecutionException.class);
        assertThat(pipesAndPidfds()).isEqualTo(before);
    }

    /** The JVM's open pipes and pidfds, as descriptor number and link target. */
    private static Set<String> pipesAndPidfds() throws Exception {
        Set<String> open = new TreeSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("pipe:") || target.contains("pidfd")) {
                        open.add(fd.getFileName() + " -> " + target);
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // the directory stream's own descriptor, closed meanwhile
                }
            }
        }
        return open;
    }

    @Test
    @DisplayName("an environment entry with a NUL character is refused before anything starts")
    void nulInEnvironment() throws Exception {
        Path marker = dir.resolve("started");
        Path plugin = script("marker", "touch '" + marker + "'");
        assertThatThrownBy(() -> executor.run(new ExecRequest(plugin, new byte[0], List.of("PATH=/bin", "A=x\0y"),
                GENEROUS, 1024)))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                    assertThat(e.getMessage()).contains(plugin.toString()).contains("environment entry 1");
                });
        assertThat(marker).doesNotExist();
    }

    @Test
    @DisplayName("a file that is no executable format fails with START_FAILED and the system's reason")
    void execFormatError() throws Exception {
        Path garbage = dir.resolve("garbage");
        Files.write(garbage, new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
        Files.setPosixFilePermissions(garbage, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> run(garbage, new byte[0], GENEROUS))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                    assertThat(e.getMessage()).contains(garbage.toString()).contains("Exec format error");
                    assertThat(e.getCause()).isInstanceOf(ErrnoException.class);
                });
    }

    @Test
    @DisplayName("a directory fails with START_FAILED (permission denied)")
    void directory() {
        assertThatThrownBy(() -> run(dir, new byte[0], GENEROUS))
                .isInstanceOfSatisfying(PluginExecutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                    assertThat(e.getMessage()).contains(dir.toString()).contains("Permission denied");
                });
    }

    @Test
    @DisplayName("a timeout that has already passed fails without starting the plugin")
    void zeroTimeout() throws Exception {
        Path marker = dir.resolve("started");
        Path plugin = script("marker", "touch '" + marker + "'");
        assertThatThrownBy(() -> run(plugin, new byte[0], Duration.ZERO)).isInstanceOf(CniTimeoutException.class)
                .hasMessageContaining(plugin.toString());
        assertThatThrownBy(() -> run(plugin, new byte[0], Duration.ofSeconds(-1))).isInstanceOf(CniTimeoutException.class);
        assertThat(marker).doesNotExist();
    }

    @Test
    @DisplayName("an interrupt before the run fails without starting the plugin and clears the flag")
    void interruptedBefore() throws Exception {
        Path marker = dir.resolve("started");
        Path plugin = script("marker", "touch '" + marker + "'");
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> run(plugin, new byte[0], GENEROUS)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(marker).doesNotExist();
    }

    @Test
    @DisplayName("a process left behind that holds stdout keeps the run open until the deadline, then the group is killed")
    void leftoverHoldingStdout() throws Exception {
        Path pidFile = dir.resolve("leftover.pid");
        Path plugin = script("daemonizing", "sleep 1000 & echo $! > '" + pidFile + "'; exit 0");
        assertThatThrownBy(() -> run(plugin, new byte[0], Duration.ofSeconds(2))).isInstanceOf(CniTimeoutException.class);
        strayPid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(awaitNotRunning(strayPid)).as("the leftover sleep was killed with the plugin's process group").isTrue();
    }

    @Test
    @DisplayName("a process left behind with its output redirected does not hold up the run and is not killed")
    void leftoverNotHoldingPipes() throws Exception {
        Path pidFile = dir.resolve("detached.pid");
        Path plugin = script("detaching", "sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > '" + pidFile
                + "'; printf done");
        ExecResult result = run(plugin, new byte[0], GENEROUS);
        strayPid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(result.stdoutText()).isEqualTo("done");
        assertThat(running(strayPid)).as("the detached sleep is still running").isTrue();
    }

    @Test
    @DisplayName("waitpid statuses decode to exit codes and signals, core dumps included")
    void decode() {
        byte[] none = new byte[0];
        assertThat(ChildProcess.decode(0x0300, none, none)).extracting(ExecResult::exitCode, ExecResult::signal)
                .containsExactly(3, 0);
        assertThat(ChildProcess.decode(0x0009, none, none)).extracting(ExecResult::exitCode, ExecResult::signal)
                .containsExactly(-1, 9);
        assertThat(ChildProcess.decode(0x0080 | 11, none, none)).extracting(ExecResult::exitCode, ExecResult::signal)
                .containsExactly(-1, 11);
        assertThat(ChildProcess.decode(0, none, none).succeeded()).isTrue();
    }

    /** Killed processes that nobody reaps yet are zombies: they count as gone. */
    private static boolean awaitNotRunning(long pid) throws Exception {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !running(pid);
    }

    private static boolean running(long pid) throws Exception {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    private Path script(String name, String body) throws Exception {
        return CniTestDirs.writeScript(dir, name, body);
    }

    private ExecResult run(Path plugin, byte[] stdin, Duration timeout) throws Exception {
        return executor.run(new ExecRequest(plugin, stdin, ENV, timeout, 1 << 20));
    }
}
