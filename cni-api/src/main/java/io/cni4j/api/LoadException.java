package io.cni4j.api;

/**
 * {@link Cni#load} failed. The cause is the failure of the first option that could not be applied
 * (an {@link InvalidConfigException}, a {@link ConfigReadException}, a {@link NotInitializedException}...);
 * unlike go-cni, which flattens it into the message, the cause is kept.
 */
public final class LoadException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the file, field, network or plugin involved
     * @param cause the underlying failure, or {@code null}
     */
    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public LoadException(String message) {
        super(message, null);
    }
}
