package io.cni4j.api;

/**
 * A plugin's result, or a cached result, is not a valid CNI result or cannot be converted to the
 * version that is needed (for example a 1.x result without IPs requested as 0.2.0).
 */
public final class InvalidResultException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidResultException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public InvalidResultException(String message) {
        super(message, null);
    }
}
