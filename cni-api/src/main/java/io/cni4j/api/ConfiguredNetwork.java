package io.cni4j.api;

import java.util.Objects;

/**
 * A loaded network and the interface name it gives containers (go-cni's {@code ConfNetwork}).
 *
 * @param config the network configuration
 * @param ifName the interface name inside the container, e.g. {@code eth0} or {@code lo}
 */
public record ConfiguredNetwork(NetworkConfigList config, String ifName) {

    /**
     * Validates the components.
     *
     * @param config the configuration
     * @param ifName the interface name
     */
    public ConfiguredNetwork {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(ifName, "ifName");
    }
}
