package io.cni4j.api;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Result} knows about one interface name (go-cni's {@code Config}).
 *
 * @param addresses the addresses assigned to it, in the order the networks reported them
 * @param mac the hardware address, or empty
 * @param sandbox the netns path, or empty for a host interface
 * @param pciId the PCI id, or empty
 * @param socketPath the vhost-user socket path, or empty
 */
public record InterfaceConfig(List<AssignedAddress> addresses, String mac, String sandbox, String pciId, String socketPath) {

    /**
     * Copies the list and normalises {@code null}.
     *
     * @param addresses the addresses
     * @param mac the MAC
     * @param sandbox the sandbox
     * @param pciId the PCI id
     * @param socketPath the socket path
     */
    public InterfaceConfig {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        mac = Objects.requireNonNullElse(mac, "");
        sandbox = Objects.requireNonNullElse(sandbox, "");
        pciId = Objects.requireNonNullElse(pciId, "");
        socketPath = Objects.requireNonNullElse(socketPath, "");
    }
}
