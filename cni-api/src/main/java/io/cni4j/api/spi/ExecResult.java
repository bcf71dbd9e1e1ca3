package io.cni4j.api.spi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a plugin run ended: its exit status and what it wrote.
 *
 * @param exitCode the exit status (0&ndash;255), or -1 when the process was killed by a signal and the
 *     executor can tell (executors built on {@link ProcessBuilder} cannot, and report 128 + signal)
 * @param signal the signal that killed the process, or 0
 * @param stdout everything the plugin wrote to stdout
 * @param stderr everything the plugin wrote to stderr
 */
public record ExecResult(int exitCode, int signal, byte[] stdout, byte[] stderr) {

    /**
     * Copies the output.
     *
     * @param exitCode the exit code
     * @param signal the signal
     * @param stdout the stdout bytes
     * @param stderr the stderr bytes
     */
    public ExecResult {
        stdout = Objects.requireNonNull(stdout, "stdout").clone();
        stderr = Objects.requireNonNull(stderr, "stderr").clone();
    }

    /** @return {@code true} if the plugin exited with status 0 */
    public boolean succeeded() {
        return exitCode == 0 && signal == 0;
    }

    /** @return a copy of stdout */
    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** @return a copy of stderr */
    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** @return stdout decoded as UTF-8 */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** @return stderr decoded as UTF-8 */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** @return how the process ended, as Go prints it: {@code exit status N} or {@code signal: N} */
    public String describeExit() {
        return signal != 0 ? "signal: " + signal : "exit status " + exitCode;
    }
}
