package io.cni4j.api;

/**
 * The result cache could not be written, or a cached result that an operation needs (CHECK) could
 * not be read or used. The message names the network and the cache file; the cause is the I/O or
 * parse failure.
 */
public final class ResultCacheException extends CniException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the network and file
     * @param cause the underlying failure, or {@code null}
     */
    public ResultCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
