package io.cni4j.api;

/**
 * The CNI operations ({@code CNI_COMMAND} values) that cni4j sends to plugins.
 */
public enum Verb {
    /** Attach a container to a network. */
    ADD,
    /** Detach a container from a network; must tolerate repeats and missing state. */
    DEL,
    /** Verify that a container's networking is as it was set up (spec 0.4.0 and later). */
    CHECK,
    /** Release resources of attachments that are no longer valid (spec 1.1.0). */
    GC,
    /** Ask whether the plugin is ready to service ADD (spec 1.1.0). */
    STATUS,
    /** Ask which spec versions the plugin supports. */
    VERSION;

    /**
     * The word libcni uses for this verb in error messages ({@code add}, {@code delete},
     * {@code check}, ...), as in {@code plugin type="bridge" failed (delete): ...}.
     *
     * @return the lower-case description
     */
    public String description() {
        return this == DEL ? "delete" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
