package io.cni4j.api;

/**
 * A network configuration is malformed or breaks a rule of the CNI spec or of libcni's loader.
 * The message names the file (when there is one) and the field that is wrong.
 */
public final class InvalidConfigException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public InvalidConfigException(String message) {
        super(message, null);
    }
}
