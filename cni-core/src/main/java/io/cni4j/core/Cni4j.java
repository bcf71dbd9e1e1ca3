package io.cni4j.core;

import io.cni4j.api.Cni;
import io.cni4j.core.internal.client.ClientBuilder;

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
}
