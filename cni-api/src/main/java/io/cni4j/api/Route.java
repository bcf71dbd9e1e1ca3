package io.cni4j.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A route in a CNI result, with every field of spec 1.1.0. Zero means "not set" for {@code mtu},
 * {@code advmss} and {@code priority}; {@code null} means "not set" for {@code table} and
 * {@code scope} (where 0 is a real value).
 *
 * @param dst the destination
 * @param gw the gateway, or {@code null}
 * @param mtu the route MTU, or 0
 * @param advmss the advertised MSS, or 0
 * @param priority the route priority (metric), or 0
 * @param table the routing table, or {@code null}
 * @param scope the scope (0 global, 253 link, 254 host), or {@code null}
 */
public record Route(IpPrefix dst, InetAddress gw, int mtu, int advmss, int priority, Integer table, Integer scope) {

    /**
     * Validates the components.
     *
     * @param dst the destination
     * @param gw the gateway
     * @param mtu the MTU
     * @param advmss the advertised MSS
     * @param priority the priority
     * @param table the table
     * @param scope the scope
     */
    public Route {
        Objects.requireNonNull(dst, "dst");
    }

    /**
     * A route with only a destination and a gateway, the fields every version has.
     *
     * @param dst the destination
     * @param gw the gateway, or {@code null}
     * @return the route
     */
    public static Route of(IpPrefix dst, InetAddress gw) {
        return new Route(dst, gw, 0, 0, 0, null, null);
    }
}
