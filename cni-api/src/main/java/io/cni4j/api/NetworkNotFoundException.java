package io.cni4j.api;

/**
 * A named network or an expected default interface is not there. Go-cni's {@code ErrNotFound}.
 */
public final class NetworkNotFoundException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public NetworkNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public NetworkNotFoundException(String message) {
        super(message, null);
    }
}
