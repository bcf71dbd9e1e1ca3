package io.cni4j.tool.internal.bench;

import java.util.Locale;

/** What the bench times in each cycle. */
public enum Operation {
    /** Attaching the container to every network. */
    SETUP,
    /** CHECK on the networks that support it (bridge chain only). */
    CHECK,
    /** Detaching the container from every network. */
    REMOVE,
    /** The whole cycle: setup, check (when measured) and remove. */
    CYCLE;

    /** @return the name in the output, e.g. {@code setup} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
