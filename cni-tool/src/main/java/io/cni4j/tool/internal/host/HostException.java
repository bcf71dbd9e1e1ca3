package io.cni4j.tool.internal.host;

/**
 * A failure of the host rather than of CNI: a missing prerequisite (root, a program, the plugins, a
 * free bridge name or subnet) or something the demo or the bench made that is still there.
 */
public final class HostException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A host failure.
     *
     * @param message what is missing or left, and what to do about it
     */
    public HostException(String message) {
        super(message);
    }
}
