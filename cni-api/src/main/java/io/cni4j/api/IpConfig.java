package io.cni4j.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An address assigned by a plugin ({@code ips[]} in a result).
 *
 * @param interfaceIndex the index into the result's interfaces, or {@code null} when the result does
 *     not say (index 0 is a real index and is kept)
 * @param address the address with its prefix length
 * @param gateway the gateway, or {@code null}
 */
public record IpConfig(Integer interfaceIndex, IpPrefix address, InetAddress gateway) {

    /**
     * Validates the components.
     *
     * @param interfaceIndex the interface index or {@code null}
     * @param address the address
     * @param gateway the gateway or {@code null}
     */
    public IpConfig {
        Objects.requireNonNull(address, "address");
    }

    /** @return {@code "4"} or {@code "6"}, the {@code version} field of 0.3.x/0.4.0 results */
    public String version() {
        return address.isIpv4() ? "4" : "6";
    }
}
