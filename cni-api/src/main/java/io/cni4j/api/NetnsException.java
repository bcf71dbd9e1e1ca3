package io.cni4j.api;

/**
 * Creating, removing or inspecting a network namespace failed. The message names the path and the
 * operation; the cause carries the system error when there is one.
 */
public final class NetnsException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public NetnsException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public NetnsException(String message) {
        super(message, null);
    }
}
