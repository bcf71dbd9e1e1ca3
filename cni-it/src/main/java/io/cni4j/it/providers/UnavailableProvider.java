package io.cni4j.it.providers;

import java.util.Optional;

/** Unavailable, with the highest priority of all: must never be chosen by priority. */
public final class UnavailableProvider extends TestProviderBase {

    /** Its name. */
    public static final String NAME = "it-unavailable";

    /** Why it is unavailable. */
    public static final String CAUSE = "deliberately unavailable for the discovery tests";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.of(new UnsupportedOperationException(CAUSE));
    }
}
