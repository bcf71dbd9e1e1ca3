package io.cni4j.it.providers;

/** Constructs fine but throws when asked whether it is available: discovery must skip it. */
public final class MisbehavingProvider extends TestProviderBase {

    /** Its name. */
    public static final String NAME = "it-misbehaving";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 4000;
    }

    @Override
    public boolean isAvailable() {
        throw new IllegalStateException("MisbehavingProvider breaks the isAvailable contract");
    }
}
