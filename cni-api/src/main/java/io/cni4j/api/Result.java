package io.cni4j.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link Cni#setup}: every network's result merged by interface name, as go-cni's
 * {@code Result} does, plus each network's own result.
 *
 * <p>Merge rules (go-cni's {@code createResult}): the default interface ({@code prefix + "0"}) is
 * always present; an interface reported by a network replaces an earlier entry of the same name;
 * an IP without an interface index belongs to the default interface; DNS has one entry per network;
 * routes are concatenated. Unlike go-cni, {@link #interfaces()} keeps insertion order and the
 * addresses keep their prefix length.
 *
 * @param interfaces interface name to its configuration, in insertion order
 * @param dns one DNS entry per network, in network order
 * @param routes every network's routes, in network order
 * @param raw each network's result converted to 1.1.0, in network order
 */
public record Result(Map<String, InterfaceConfig> interfaces, List<Dns> dns, List<Route> routes, List<CniResult> raw) {

    /**
     * Copies the collections, keeping the interface order.
     *
     * @param interfaces the interfaces
     * @param dns the DNS entries
     * @param routes the routes
     * @param raw the per-network results
     */
    public Result {
        interfaces = interfaces == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        interfaces.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new NullPointerException("null interface name or config");
            }
        });
        dns = dns == null ? List.of() : List.copyOf(dns);
        routes = routes == null ? List.of() : List.copyOf(routes);
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /**
     * Looks up one interface.
     *
     * @param name the interface name, e.g. {@code eth0}
     * @return its configuration, if the result has it
     */
    public Optional<InterfaceConfig> interfaceNamed(String name) {
        return Optional.ofNullable(interfaces.get(name));
    }
}
