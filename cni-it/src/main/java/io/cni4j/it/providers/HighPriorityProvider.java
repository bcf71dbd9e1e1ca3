package io.cni4j.it.providers;

/** Available, priority 1000: chosen when nothing is named. */
public final class HighPriorityProvider extends TestProviderBase {

    /** Its name. */
    public static final String NAME = "it-high";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1000;
    }
}
