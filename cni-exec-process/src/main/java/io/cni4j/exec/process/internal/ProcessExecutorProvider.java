package io.cni4j.exec.process.internal;

import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code process} executor provider: plugins run with {@link ProcessBuilder}, namespaces made
 * with {@code unshare} and {@code umount}. Priority 10, below native providers. It is always
 * available, since every JDK can start processes; the namespace manager reports missing tools or
 * privileges when it is used.
 *
 * <p>Public with a no-argument constructor because {@link java.util.ServiceLoader} instantiates it
 * (through {@code provides} on the module path and {@code META-INF/services} on the class path); its
 * package is not exported.
 */
public final class ProcessExecutorProvider implements ExecutorProvider {

    /** The provider name, for {@code io.cni4j.executor=process} or the client builder. */
    public static final String NAME = "process";

    /** The priority: lower than the JNA provider's 20. */
    public static final int PRIORITY = 10;

    private static final ProcessPluginExecutor EXECUTOR = new ProcessPluginExecutor();

    /** Creates the provider; cheap and without side effects, as ServiceLoader expects. */
    public ProcessExecutorProvider() {
    }

    /** @return {@value #NAME} */
    @Override
    public String name() {
        return NAME;
    }

    /** @return {@value #PRIORITY} */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /** @return {@code true}: starting processes needs nothing beyond the JDK */
    @Override
    public boolean isAvailable() {
        return true;
    }

    /** @return always empty */
    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    /** @return the shared, thread-safe process executor */
    @Override
    public PluginExecutor executor() {
        return EXECUTOR;
    }

    /**
     * @param directory where namespace files are created
     * @return an {@code unshare}/{@code umount} based manager for that directory
     */
    @Override
    public NetnsManager netnsManager(Path directory) {
        return new ProcessNetnsManager(Objects.requireNonNull(directory, "directory"), EXECUTOR);
    }

    @Override
    public String toString() {
        return "ProcessExecutorProvider[name=" + NAME + ", priority=" + PRIORITY + "]";
    }
}
