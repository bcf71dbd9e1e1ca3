package io.cni4j.exec.process.internal;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.spi.ExecResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One started plugin: feeds its stdin, drains its stdout and stderr, waits for it under the deadline
 * and cleans up after it however the run ends.
 *
 * <p>Three pipes are watched with one latch: the two output readers and the stdin writer each count
 * it down when they end. After the plugin has exited they normally end at once; if they do not
 * within the grace, some process the plugin left behind still holds a pipe, and those processes are
 * terminated so that no thread of ours stays blocked. The pipes are identified by the plugin's
 * {@code /proc/<pid>/fd} links, read right after the start; a plugin that exits before they can be
 * read (within microseconds) escapes this: its leftovers are not touched, and the pipe threads (daemon
 * threads) end when the leftovers close the pipes. That is logged at WARNING.
 */
final class ProcessRun {

    /** Stdin up to this size is written by the calling thread: an empty pipe always takes one page. */
    static final int INLINE_STDIN_MAX = 4096;

    private static final System.Logger LOG = System.getLogger(ProcessPluginExecutor.class.getName());

    private final Process process;
    private final Path executable;
    private final long graceNanos;
    private final Set<String> pipeLinks;
    private final CountDownLatch pipesDone = new CountDownLatch(3);
    private OutputReader stdout;
    private OutputReader stderr;
    private boolean terminated;

    private ProcessRun(Process process, Path executable, long graceNanos) {
        this.process = process;
        this.executable = executable;
        this.graceNanos = graceNanos;
        this.pipeLinks = ProcessTree.pipeLinks(process.pid());
    }

    /**
     * Runs a started plugin to its end.
     *
     * @param process the plugin, just started
     * @param executable its path, for messages
     * @param stdin the bytes for its stdin
     * @param maxOutputBytes the bound for stdout and for stderr
     * @param graceNanos the time between SIGTERM and SIGKILL
     * @param startNanos when the run started ({@link System#nanoTime()})
     * @param timeout the run's timeout
     * @param timeoutNanos the timeout in nanoseconds (saturated)
     * @return how the plugin ended
     */
    static ExecResult complete(Process process, Path executable, byte[] stdin, long maxOutputBytes, long graceNanos,
                               long startNanos, Duration timeout, long timeoutNanos)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        ProcessRun run = new ProcessRun(process, executable, graceNanos);
        run.startPipes(stdin, maxOutputBytes);
        return run.await(startNanos, timeout, timeoutNanos);
    }

    private void startPipes(byte[] stdin, long maxOutputBytes) {
        long pid = process.pid();
        stdout = OutputReader.start("stdout", process.getInputStream(), maxOutputBytes, this::terminate, pipesDone, pid);
        stderr = OutputReader.start("stderr", process.getErrorStream(), maxOutputBytes, this::terminate, pipesDone, pid);
        OutputStream in = process.getOutputStream();
        if (stdin.length <= INLINE_STDIN_MAX) {
            writeAndClose(in, stdin);
            pipesDone.countDown();
        } else {
            Thread writer = new Thread(() -> {
                try {
                    writeAndClose(in, stdin);
                } finally {
                    pipesDone.countDown();
                }
            }, "cni4j-plugin-" + pid + "-stdin");
            writer.setDaemon(true);
            writer.start();
        }
    }

    /**
     * Writes stdin and closes it. A plugin that exits or closes stdin before reading everything makes
     * the write fail with a broken pipe; that is the plugin's choice, not an error.
     */
    private static void writeAndClose(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            // the plugin did not read all of its stdin
        }
    }

    private ExecResult await(long startNanos, Duration timeout, long timeoutNanos)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        try {
            if (!process.waitFor(timeoutNanos - (System.nanoTime() - startNanos), TimeUnit.NANOSECONDS)) {
                terminate();
                releasePipes();
                checkOverflow();
                throw new CniTimeoutException("plugin " + executable + " timed out after " + describe(timeout)
                        + " and was killed");
            }
            long left = timeoutNanos - (System.nanoTime() - startNanos);
            if (!pipesDone.await(Math.max(0, Math.min(graceNanos, left)), TimeUnit.NANOSECONDS)) {
                releasePipes();
            }
            checkOverflow();
            checkReadFailure();
            return new ExecResult(process.exitValue(), 0, stdout.bytes(), stderr.bytes());
        } catch (InterruptedException e) {
            terminate();
            releasePipes();
            InterruptedException reported = new InterruptedException(
                    "interrupted while plugin " + executable + " was running; it was killed");
            reported.initCause(e);
            throw reported;
        }
    }

    /** Kills the plugin and its descendants once; later calls wait until the first has finished. */
    private synchronized void terminate() {
        if (!terminated) {
            terminated = true;
            ProcessTree.terminate(process, graceNanos);
        }
    }

    /** Makes sure the pipe threads end: waits the grace, then terminates whoever still holds the pipes. */
    private void releasePipes() {
        if (awaitPipes()) {
            return;
        }
        List<ProcessHandle> holders = ProcessTree.pipeHolders(pipeLinks);
        if (!holders.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, () -> "plugin " + executable + " left processes "
                    + holders.stream().map(ProcessHandle::pid).toList() + " holding its pipes open; terminating them");
            ProcessTree.terminateAll(holders, graceNanos);
        }
        if (!awaitPipes()) {
            LOG.log(System.Logger.Level.WARNING, () -> "the pipes of plugin " + executable
                    + " are still open; their threads are left to end on their own");
        }
    }

    /** Waits up to the grace for the pipe threads, uninterruptibly; returns whether they all ended. */
    private boolean awaitPipes() {
        boolean interrupted = false;
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    return pipesDone.await(graceNanos - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkOverflow() throws PluginExecutionException {
        for (OutputReader reader : List.of(stdout, stderr)) {
            if (reader.overflowed()) {
                terminate();
                throw new PluginExecutionException(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED,
                        "plugin " + executable + " wrote more than " + reader.limit() + " bytes to "
                                + reader.streamName() + " and was killed", null);
            }
        }
    }

    private void checkReadFailure() throws PluginExecutionException {
        for (OutputReader reader : List.of(stdout, stderr)) {
            if (reader.failure() != null) {
                throw new PluginExecutionException(PluginExecutionException.Reason.IO_FAILURE,
                        "reading the " + reader.streamName() + " of plugin " + executable + " failed: "
                                + reader.failure().getMessage(), reader.failure());
            }
        }
    }

    /**
     * A timeout as people read it.
     *
     * @param timeout the timeout
     * @return e.g. {@code 1500 ms}
     */
    static String describe(Duration timeout) {
        return timeout.toMillis() + " ms";
    }
}
