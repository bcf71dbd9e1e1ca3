package io.cni4j.api;

import java.util.List;
import java.util.Objects;

/**
 * One plugin's (or one network's) result, in the spec's 1.1.0 shape, labelled with the version it is
 * in. Every spec version maps onto this shape without loss of what that version can carry; the
 * engine converts between versions with libcni's rules and writes each version's exact JSON.
 *
 * <p>Lists are immutable copies; interfaces are kept in the order the plugin reported them.
 *
 * @param cniVersion the result's spec version, e.g. {@code 1.0.0}
 * @param interfaces the interfaces (none for 0.1.0/0.2.0 results)
 * @param ips the assigned addresses
 * @param routes the routes
 * @param dns the DNS settings, {@link Dns#EMPTY} when absent
 */
public record CniResult(String cniVersion, List<Interface> interfaces, List<IpConfig> ips, List<Route> routes, Dns dns) {

    /**
     * Copies the lists and normalises {@code null}.
     *
     * @param cniVersion the version
     * @param interfaces the interfaces
     * @param ips the addresses
     * @param routes the routes
     * @param dns the DNS settings
     */
    public CniResult {
        cniVersion = Objects.requireNonNullElse(cniVersion, "");
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        ips = ips == null ? List.of() : List.copyOf(ips);
        routes = routes == null ? List.of() : List.copyOf(routes);
        dns = dns == null ? Dns.EMPTY : dns;
    }
}
