package io.cni4j.api;

/**
 * A configuration directory or file could not be read (I/O error, permissions, not a regular file).
 * Go-cni's {@code ErrRead}.
 */
public final class ConfigReadException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public ConfigReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public ConfigReadException(String message) {
        super(message, null);
    }
}
