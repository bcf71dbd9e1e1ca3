package io.cni4j.api.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A source of a {@link PluginExecutor} and a {@link NetnsManager}, found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>The engine selects a provider by an explicit name on the client builder, else by the system
 * property {@code io.cni4j.executor}, else the available provider with the highest
 * {@link #priority()}. Construction must be cheap and side-effect free; a provider reports whether it
 * can work with {@link #isAvailable()} and never throws from it.
 */
public interface ExecutorProvider {

    /** @return the provider's short name, e.g. {@code process} or {@code jna} */
    String name();

    /**
     * The priority among available providers; higher wins. A negative priority means the provider
     * is never selected automatically, only by name (the testkit's fake uses this).
     *
     * @return the priority
     */
    int priority();

    /** @return {@code true} if this provider can work in this JVM on this machine */
    boolean isAvailable();

    /** @return why {@link #isAvailable()} is {@code false}, or empty when available */
    Optional<Throwable> unavailabilityCause();

    /**
     * The plugin executor. Called only when available.
     *
     * @return the executor, thread-safe and shareable
     */
    PluginExecutor executor();

    /**
     * A network namespace manager for namespace files under {@code directory}. Called only when
     * available.
     *
     * @param directory where the namespace files live, e.g. {@link NetnsManager#DEFAULT_DIRECTORY}
     * @return the manager
     */
    NetnsManager netnsManager(Path directory);
}
