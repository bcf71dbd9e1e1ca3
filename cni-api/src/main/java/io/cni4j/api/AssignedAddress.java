package io.cni4j.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An address on one of the container's interfaces in a {@link Result} (go-cni's {@code IPConfig}),
 * keeping the prefix length that go-cni drops.
 *
 * @param address the address with its prefix length
 * @param gateway the gateway, or {@code null}
 */
public record AssignedAddress(IpPrefix address, InetAddress gateway) {

    /**
     * Validates the components.
     *
     * @param address the address
     * @param gateway the gateway or {@code null}
     */
    public AssignedAddress {
        Objects.requireNonNull(address, "address");
    }

    /** @return the address without its prefix length */
    public InetAddress ip() {
        return address.address();
    }
}
