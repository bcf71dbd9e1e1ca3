package io.cni4j.core.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CniError;
import io.cni4j.api.spi.ExecResult;
import java.util.Map;
import java.util.Set;

/**
 * Turns a failed plugin run into the spec's error object exactly as libcni's {@code pluginErr}
 * does (at HEAD):
 * <ul>
 *   <li>stdout present: the plugin's {@code code}, {@code msg} and {@code details} (other keys such
 *       as {@code cniVersion} ignored; valid JSON that is no error object gives code 0 and an empty
 *       msg); stdout that cannot be decoded gives
 *       {@code netplugin failed but error parsing its diagnostic message "<stdout>": <why>};</li>
 *   <li>only stderr: {@code netplugin failed: "<stderr>": exit status N};</li>
 *   <li>neither: {@code netplugin failed with no error message: exit status N}.</li>
 * </ul>
 * Quoting is Go's {@code %q}; the exit is described as Go prints it ({@code exit status 2},
 * {@code signal: killed}). An executor built on {@link ProcessBuilder} cannot tell a kill by a signal
 * from an exit with status 128 + signal; for such a status the description adds which signal it
 * likely was ({@code exit status 137 (128+9: SIGKILL, killed?)}), so that a plugin killed by the
 * OOM killer or an operator is recognisable with every executor.
 */
final class PluginErrors {

    private static final Set<String> ERROR_FIELDS = Set.of("code", "msg", "details");

    private PluginErrors() {
    }

    /**
     * The error a failed run reports.
     *
     * @param result a run that did not succeed
     * @return the error object
     */
    static CniError of(ExecResult result) {
        byte[] stdout = result.stdout();
        byte[] stderr = result.stderr();
        if (stdout.length == 0) {
            if (stderr.length == 0) {
                return new CniError(CniError.UNKNOWN, "netplugin failed with no error message: " + describeExit(result), "");
            }
            return new CniError(CniError.UNKNOWN,
                    "netplugin failed: " + GoQuote.quote(stderr) + ": " + describeExit(result), "");
        }
        try {
            Map<String, JsonNode> fields = GoDecoding.fields(stdout, ERROR_FIELDS, "types.Error");
            return new CniError(GoDecoding.unsigned(fields, "code", "Error"),
                    GoDecoding.string(fields, "msg", "Error"),
                    GoDecoding.string(fields, "details", "Error"));
        } catch (GoDecoding.Failure e) {
            return new CniError(CniError.UNKNOWN, "netplugin failed but error parsing its diagnostic message "
                    + GoQuote.quote(stdout) + ": " + e.getMessage(), "");
        }
    }

    /** Go's names of the signals (syscall.Signal's String on Linux), by number; index 0 unused. */
    private static final String[] SIGNAL_NAMES = {null, "hangup", "interrupt", "quit", "illegal instruction",
        "trace/breakpoint trap", "aborted", "bus error", "floating point exception", "killed",
        "user defined signal 1", "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock",
        "terminated"};
    private static final String[] SIGNAL_CONSTANTS = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
        "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    /**
     * How a failed run ended, as Go's {@code ProcessState.String()} prints it, with a hint for an exit
     * status that is how {@link ProcessBuilder} reports a kill by a well-known signal.
     *
     * @param result the run
     * @return e.g. {@code exit status 1}, {@code signal: killed}, {@code exit status 137 (128+9: SIGKILL, killed?)}
     */
    static String describeExit(ExecResult result) {
        int signal = result.signal();
        if (signal != 0) {
            return "signal: " + (signal > 0 && signal < SIGNAL_NAMES.length ? SIGNAL_NAMES[signal] : "signal " + signal);
        }
        int code = result.exitCode();
        int likely = code - 128;
        if (likely > 0 && likely < SIGNAL_NAMES.length) {
            return "exit status " + code + " (128+" + likely + ": " + SIGNAL_CONSTANTS[likely] + ", "
                    + SIGNAL_NAMES[likely] + "?)";
        }
        return "exit status " + code;
    }
}
