package io.cni4j.api;

import java.util.Objects;

/**
 * An interface reported in a CNI result ({@code interfaces[]}). Absent text fields are empty strings
 * and an absent MTU is 0, as in libcni, where they are omitted from JSON.
 *
 * @param name the interface name, e.g. {@code eth0}
 * @param mac the hardware address, or empty
 * @param mtu the MTU, or 0 (1.0.0 and later only)
 * @param sandbox the netns path for a container interface, empty for a host interface
 * @param socketPath the vhost-user socket path, or empty (1.0.0 and later only)
 * @param pciId the PCI id of a device, or empty (1.0.0 and later only)
 */
public record Interface(String name, String mac, int mtu, String sandbox, String socketPath, String pciId) {

    /**
     * Normalises {@code null} text to empty strings.
     *
     * @param name the interface name
     * @param mac the hardware address
     * @param mtu the MTU
     * @param sandbox the sandbox
     * @param socketPath the socket path
     * @param pciId the PCI id
     */
    public Interface {
        name = Objects.requireNonNullElse(name, "");
        mac = Objects.requireNonNullElse(mac, "");
        sandbox = Objects.requireNonNullElse(sandbox, "");
        socketPath = Objects.requireNonNullElse(socketPath, "");
        pciId = Objects.requireNonNullElse(pciId, "");
    }

    /**
     * An interface with only a name, a MAC address and a sandbox, the fields every version has.
     *
     * @param name the name
     * @param mac the MAC, or empty
     * @param sandbox the sandbox, or empty
     * @return the interface
     */
    public static Interface of(String name, String mac, String sandbox) {
        return new Interface(name, mac, 0, sandbox, "", "");
    }
}
