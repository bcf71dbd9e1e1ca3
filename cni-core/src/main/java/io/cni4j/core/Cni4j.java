package io.cni4j.core;

import io.cni4j.api.Cni;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.internal.client.ClientBuilder;
import io.cni4j.core.internal.exec.ExecutorDiscovery;

/**
 * The entry point of the engine: makes {@link Cni} clients.
 *
 * <pre>{@code
 * try (Cni cni = Cni4j.newBuilder().confDir(Path.of("/etc/cni/net.d")).build()) {
 *     cni.load(LoadOption.loopback(), LoadOption.defaultConf());
 *     ...
 * }
 * }</pre>
 */
public final class Cni4j {

    private Cni4j() {
    }

    /**
     * A builder with every default documented on {@link Cni.Builder}.
     *
     * @return a new builder
     */
    public static Cni.Builder newBuilder() {
        return new ClientBuilder();
    }

    /**
     * Selects an executor provider as {@link Cni.Builder#build()} does, for callers that need one
     * directly (to manage network namespaces, for example): the provider with this name, else the one
     * the system property {@code io.cni4j.executor} names, else the available provider with the
     * highest non-negative priority.
     *
     * @param name a provider name, or {@code null} for the default selection
     * @return the selected provider, available
     * @throws IllegalStateException if the named provider is missing or unavailable, or none is
     *     available; the message lists the providers found
     */
    public static ExecutorProvider executorProvider(String name) {
        return ExecutorDiscovery.select(name);
    }
}
