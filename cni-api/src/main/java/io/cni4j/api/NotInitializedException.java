package io.cni4j.api;

/**
 * Fewer networks are loaded than the client's minimum network count, so no operation can run.
 * Go-cni's {@code ErrCNINotInitialized}: load configuration first, or check that the conf dir holds one.
 */
public final class NotInitializedException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public NotInitializedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public NotInitializedException(String message) {
        super(message, null);
    }
}
