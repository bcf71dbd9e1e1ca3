package io.cni4j.api;

import java.util.Objects;

/**
 * The CNI spec's error object: a numeric {@code code}, a message and optional details, as a plugin
 * prints it on stdout ({@code {"code":7,"msg":"...","details":"..."}}).
 *
 * @param code the error code; 0&ndash;99 are reserved by the spec (see the constants), 100 and up
 *     are plugin-specific
 * @param msg the short message, never {@code null}
 * @param details further details, empty when absent, never {@code null}
 */
public record CniError(long code, String msg, String details) {

    /** Unknown error (libcni's code for failures without a plugin error object). */
    public static final int UNKNOWN = 0;
    /** Incompatible CNI version. */
    public static final int INCOMPATIBLE_CNI_VERSION = 1;
    /** Unsupported field in network configuration. */
    public static final int UNSUPPORTED_FIELD = 2;
    /** Container unknown or does not exist. */
    public static final int UNKNOWN_CONTAINER = 3;
    /** Invalid necessary environment variables. */
    public static final int INVALID_ENVIRONMENT_VARIABLES = 4;
    /** I/O failure. */
    public static final int IO_FAILURE = 5;
    /** Failed to decode content. */
    public static final int DECODING_FAILURE = 6;
    /** Invalid network config. */
    public static final int INVALID_NETWORK_CONFIG = 7;
    /** Invalid network namespace (libcni's types.go; not in the spec's table). */
    public static final int INVALID_NETNS = 8;
    /** Try again later. */
    public static final int TRY_AGAIN_LATER = 11;
    /** STATUS: the plugin is not available and cannot service ADD. */
    public static final int PLUGIN_NOT_AVAILABLE = 50;
    /** STATUS: the plugin is not available and existing containers may have limited connectivity. */
    public static final int LIMITED_CONNECTIVITY = 51;
    /** Internal error (libcni's types.go). */
    public static final int INTERNAL = 999;

    /**
     * Validates the components.
     *
     * @param code the error code
     * @param msg the message; {@code null} becomes empty
     * @param details the details; {@code null} becomes empty
     */
    public CniError {
        msg = Objects.requireNonNullElse(msg, "");
        details = Objects.requireNonNullElse(details, "");
    }

    /**
     * The error's text as libcni prints it: {@code msg}, or {@code msg; details} when there are
     * details.
     *
     * @return the formatted message
     */
    public String message() {
        return details.isEmpty() ? msg : msg + "; " + details;
    }

    @Override
    public String toString() {
        return message();
    }
}
