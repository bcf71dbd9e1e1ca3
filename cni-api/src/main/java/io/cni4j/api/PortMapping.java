package io.cni4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A port mapping for the {@code portMappings} capability. Sent with the CONVENTIONS.md keys
 * {@code hostPort}, {@code containerPort}, {@code protocol} and {@code hostIP} (go-cni sends Go
 * field names; the Go plugins read both).
 *
 * @param hostPort the port on the host, 1&ndash;65535
 * @param containerPort the port in the container, 1&ndash;65535
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}; empty or {@code null} means {@code tcp}
 * @param hostIp the host address to bind, or empty for all
 */
public record PortMapping(int hostPort, int containerPort, String protocol, String hostIp) {

    /**
     * Validates the ports and normalises the protocol.
     *
     * @param hostPort the host port
     * @param containerPort the container port
     * @param protocol the protocol
     * @param hostIp the host IP
     * @throws IllegalArgumentException if a port is out of range
     */
    public PortMapping {
        if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + hostPort + ":" + containerPort);
        }
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol;
        hostIp = Objects.requireNonNullElse(hostIp, "");
    }

    /**
     * A TCP mapping on all host addresses.
     *
     * @param hostPort the host port
     * @param containerPort the container port
     * @return the mapping
     */
    public static PortMapping tcp(int hostPort, int containerPort) {
        return new PortMapping(hostPort, containerPort, "tcp", "");
    }

    /** @return the capability payload as a JSON object tree */
    public Map<String, Object> toJsonObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostPort", hostPort);
        m.put("containerPort", containerPort);
        m.put("protocol", protocol);
        if (!hostIp.isEmpty()) {
            m.put("hostIP", hostIp);
        }
        return m;
    }
}
