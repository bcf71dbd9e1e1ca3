package io.cni4j.exec.jna.internal;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ExecutorProvider} named {@value #NAME}, priority {@value #PRIORITY}: above the process
 * executor, so that adding this module to an application is enough to use it. Found by
 * {@link java.util.ServiceLoader}; construction is cheap and touches nothing native (the probe runs
 * on the first {@link #isAvailable()}).
 */
public final class JnaExecutorProvider implements ExecutorProvider {

    /** The provider's name. */
    public static final String NAME = "jna";

    /** The provider's priority. */
    public static final int PRIORITY = 20;

    private final Availability availability;
    private volatile PluginExecutor executor;

    /** The provider for ServiceLoader, backed by this JVM's probe. */
    public JnaExecutorProvider() {
        this.availability = null;
    }

    /**
     * A provider with a given availability, for tests of the fallbacks and the kill switch.
     *
     * @param availability the availability to report and the features to use
     */
    JnaExecutorProvider(Availability availability) {
        this.availability = Objects.requireNonNull(availability, "availability");
    }

    private Availability availability() {
        return availability != null ? availability : Availability.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return availability().isAvailable();
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return availability().unavailabilityCause();
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsatisfiedLinkError if the module is not available
     */
    @Override
    public PluginExecutor executor() {
        Availability current = availability();
        current.ensureAvailable();
        PluginExecutor result = executor;
        if (result == null) {
            result = new PosixSpawnExecutor(current.features());
            executor = result;
        }
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsatisfiedLinkError if the module is not available
     */
    @Override
    public NetnsManager netnsManager(Path directory) {
        availability().ensureAvailable();
        return new JnaNetnsManager(directory);
    }

    @Override
    public String toString() {
        return "JnaExecutorProvider[" + NAME + ", priority " + PRIORITY + ", "
                + (isAvailable() ? "available" : "unavailable: " + availability().cause()) + "]";
    }
}
