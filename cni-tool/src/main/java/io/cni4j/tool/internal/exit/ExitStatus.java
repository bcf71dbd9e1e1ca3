package io.cni4j.tool.internal.exit;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.NotInitializedException;
import io.cni4j.tool.internal.cli.UsageException;

/**
 * The tool's exit statuses, for scripts: 0 success, 1 a CNI or plugin error (or any other failure),
 * 2 a usage error, 3 not initialized (no network configuration), 4 a timeout.
 */
public final class ExitStatus {

    /** Success. */
    public static final int OK = 0;
    /** A CNI or plugin error, or another failure that is not one of the statuses below. */
    public static final int ERROR = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** No network configuration: {@link NotInitializedException}. */
    public static final int NOT_INITIALIZED = 3;
    /** A call ran out of time: {@link CniTimeoutException}. */
    public static final int TIMEOUT = 4;

    private ExitStatus() {
    }

    /**
     * The status for a failure. A {@link UsageException} gives 2. Otherwise the exception and its
     * causes are searched in order for a {@link NotInitializedException} (3) or a
     * {@link CniTimeoutException} (4), so that a load failure caused by an empty conf dir still
     * says "not initialized"; anything else gives 1.
     *
     * @param failure the failure
     * @return the exit status
     */
    public static int of(Throwable failure) {
        if (failure instanceof UsageException) {
            return USAGE;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotInitializedException) {
                return NOT_INITIALIZED;
            }
            if (t instanceof CniTimeoutException) {
                return TIMEOUT;
            }
        }
        return ERROR;
    }
}
