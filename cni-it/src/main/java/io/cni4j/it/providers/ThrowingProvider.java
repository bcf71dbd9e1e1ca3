package io.cni4j.it.providers;

/** Its constructor throws, so ServiceLoader cannot instantiate it: discovery must skip it. */
public final class ThrowingProvider extends TestProviderBase {

    /** The name it would have. */
    public static final String NAME = "it-throwing";

    /** Always throws. */
    public ThrowingProvider() {
        throw new IllegalStateException("ThrowingProvider refuses to be constructed");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 3000;
    }
}
