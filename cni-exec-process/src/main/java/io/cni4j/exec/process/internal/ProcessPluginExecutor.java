package io.cni4j.exec.process.internal;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs plugins with {@link ProcessBuilder}: no arguments, exactly the requested environment, stdin
 * written and closed (on its own thread when it is larger than a pipe surely holds), stdout and
 * stderr drained concurrently into bounded buffers.
 *
 * <p>Past the deadline, on interrupt, or when an output bound is exceeded, the plugin and the
 * processes it forked get SIGTERM, then SIGKILL after {@link #DEFAULT_GRACE}; the plugin is reaped
 * before the exception is thrown. Killed plugins are reported with exit status 128 + signal, as
 * {@link Process#exitValue()} gives them.
 *
 * <p>Environment entries without {@code =} cannot be passed through {@link ProcessBuilder} and are
 * dropped; for duplicate names the last entry wins.
 */
final class ProcessPluginExecutor implements PluginExecutor {

    /** The time a plugin has between SIGTERM and SIGKILL. */
    static final Duration DEFAULT_GRACE = Duration.ofMillis(500);

    private final long graceNanos;

    /** An executor with the default grace. */
    ProcessPluginExecutor() {
        this(DEFAULT_GRACE);
    }

    /**
     * @param grace the time between SIGTERM and SIGKILL
     */
    ProcessPluginExecutor(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    @Override
    public ExecResult run(ExecRequest request) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        return run(List.of(), request);
    }

    /**
     * Runs the request's executable with arguments; used for the netns tools, never for plugins.
     *
     * @param arguments the arguments after the executable
     * @param request the executable, stdin, environment and limits
     * @return how it ended
     */
    ExecResult run(List<String> arguments, ExecRequest request)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        Path executable = request.executable();
        long startNanos = System.nanoTime();
        long timeoutNanos = saturatedNanos(request.timeout());
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before plugin " + executable + " was started");
        }
        if (timeoutNanos <= 0) {
            throw new CniTimeoutException("plugin " + executable + " was not started: its timeout of "
                    + ProcessRun.describe(request.timeout()) + " had passed");
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Process process = start(command, executable, request.environment());
        return ProcessRun.complete(process, executable, request.stdin(), request.maxOutputBytes(), graceNanos,
                startNanos, request.timeout(), timeoutNanos);
    }

    private static Process start(List<String> command, Path executable, List<String> environment)
            throws PluginExecutionException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        for (String entry : environment) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = entry.substring(0, eq);
            try {
                env.put(name, entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new PluginExecutionException(Reason.START_FAILED, "cannot start plugin " + executable
                        + ": environment variable " + quoted(name) + " cannot be passed: " + e.getMessage(), e);
            }
        }
        try {
            return builder.start();
        } catch (IOException e) {
            if (isTextFileBusy(e)) {
                throw new PluginExecutionException(Reason.TEXT_FILE_BUSY,
                        "cannot start plugin " + executable + ": text file busy", e);
            }
            throw new PluginExecutionException(Reason.START_FAILED,
                    "cannot start plugin " + executable + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PluginExecutionException(Reason.START_FAILED,
                    "cannot start plugin " + executable + ": " + e, e);
        }
    }

    /**
     * Whether a start failure is {@code ETXTBSY}: the file is open for writing (typically a plugin
     * binary being installed while it is run).
     *
     * @param e the start failure
     * @return {@code true} for "text file busy"
     */
    static boolean isTextFileBusy(IOException e) {
        // JDK 17: "error=26, Text file busy"; JDK 25: "Exec failed, error: 26 (Text file busy)". The
        // errno is matched too because the text follows the locale.
        String msg = String.valueOf(e.getMessage());
        return msg.contains("Text file busy") || msg.contains("error=26,") || msg.contains("error: 26 ");
    }

    private static String quoted(String name) {
        return '"' + name.replace("\0", "\\0") + '"';
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
