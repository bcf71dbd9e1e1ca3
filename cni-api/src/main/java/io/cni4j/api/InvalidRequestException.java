package io.cni4j.api;

import java.util.Objects;

/**
 * A per-call argument was refused before any plugin ran: a container id, interface name, network
 * name, CNI_ARGS entry or capability value that breaks the spec's rules or could escape the cache
 * directory. {@link #error()} carries the spec's code where one fits (for example 4 for
 * {@code invalid characters in containerID}, 7 for an invalid network name).
 */
public final class InvalidRequestException extends CniException {

    private static final long serialVersionUID = 1L;

    private final CniError error;

    /**
     * Creates the exception.
     *
     * @param error the spec error object describing the refusal
     */
    public InvalidRequestException(CniError error) {
        super(Objects.requireNonNull(error, "error").message(), null);
        this.error = error;
    }

    /** @return the spec error object (code, msg, details) */
    public CniError error() {
        return error;
    }

    /** @return the spec error code, a shortcut for {@code error().code()} */
    public long code() {
        return error.code();
    }
}
