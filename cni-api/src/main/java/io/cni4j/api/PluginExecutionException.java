package io.cni4j.api;

import java.util.Objects;

/**
 * A plugin could not be run to completion for a reason other than its own error report: it could
 * not be found or started, the executable was busy being written, it wrote more output than allowed,
 * or its pipes failed. {@link #reason()} tells which.
 */
public final class PluginExecutionException extends CniException {

    private static final long serialVersionUID = 1L;

    /** Why the execution failed. */
    public enum Reason {
        /** The plugin executable was not found in any plugin directory. */
        NOT_FOUND,
        /** The executable exists but could not be started (permissions, bad format, ...). */
        START_FAILED,
        /** The kernel refused to execute the file because it is open for writing ("text file busy"). */
        TEXT_FILE_BUSY,
        /** The plugin wrote more to stdout or stderr than the configured limit; it was killed. */
        OUTPUT_LIMIT_EXCEEDED,
        /** Reading or writing the plugin's pipes failed. */
        IO_FAILURE
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason why the execution failed
     * @param message what failed, naming the executable path
     * @param cause the underlying failure, or {@code null}
     */
    public PluginExecutionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the execution failed */
    public Reason reason() {
        return reason;
    }
}
