package io.cni4j.testkit;

import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Route;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/** What the assertion classes share: parsing expectations and printing values for messages. */
final class AssertSupport {

    private AssertSupport() {
    }

    /**
     * Tells whether a route matches an expected destination and (optionally) gateway.
     *
     * @param route the route
     * @param dst the expected destination in CIDR notation
     * @param gw the expected gateway, or {@code null} for any
     * @return {@code true} on a match
     */
    static boolean matches(Route route, String dst, String gw) {
        return route.dst().equals(IpPrefix.parse(dst))
                && (gw == null || Objects.equals(route.gw(), IpAddresses.parse(gw)));
    }

    /**
     * @param routes routes
     * @return e.g. {@code [0.0.0.0/0 via 10.22.0.1, 10.0.0.0/8]}
     */
    static String describeRoutes(List<Route> routes) {
        return routes.stream().map(r -> r.dst() + (r.gw() == null ? "" : " via " + format(r.gw()))).toList().toString();
    }

    /**
     * @param address an address or {@code null}
     * @return its literal, or {@code none}
     */
    static String format(InetAddress address) {
        return address == null ? "none" : IpAddresses.format(address);
    }
}
