package io.cni4j.api;

/**
 * An operation ran past its deadline (the client's timeout or the call's). The plugin that was
 * running has been killed and reaped before this is thrown.
 */
public final class CniTimeoutException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out, naming the plugin and verb when known
     * @param cause the underlying failure, or {@code null}
     */
    public CniTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what timed out
     */
    public CniTimeoutException(String message) {
        super(message, null);
    }
}
