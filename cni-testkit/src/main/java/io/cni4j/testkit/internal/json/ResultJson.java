package io.cni4j.testkit.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.Route;
import java.util.List;

/**
 * Writes a {@link CniResult} in the JSON shape of one spec version, as a fake plugin prints it:
 * {@code ip4}/{@code ip6} for 0.1.0 and 0.2.0, {@code interfaces}/{@code ips} with {@code version}
 * for 0.3.x and 0.4.0, the same without {@code version} (and with 1.x interface fields) for 1.x.
 * This is plugin-side output for tests, not the engine's result codec.
 */
public final class ResultJson {

    /** Every spec version a result can be written in, oldest first. */
    public static final List<String> VERSIONS = List.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

    /** The result shapes of the spec versions. */
    public enum Shape {
        /** 0.1.0 and 0.2.0 (and an empty version): {@code ip4}, {@code ip6}, {@code dns}. */
        LEGACY,
        /** 0.3.0, 0.3.1, 0.4.0: interfaces, ips with {@code version}, routes, dns. */
        V04,
        /** 1.0.0 and 1.1.0: like 0.4.0 without {@code version}, with mtu/socketPath/pciID. */
        V1;

        /**
         * The shape of a config's {@code cniVersion}.
         *
         * @param cniVersion the version text; empty means 0.1.0, as libcni reads it
         * @return the shape
         * @throws IllegalArgumentException if the version has no result shape
         */
        public static Shape of(String cniVersion) {
            switch (cniVersion) {
                case "":
                case "0.1.0":
                case "0.2.0":
                    return LEGACY;
                case "0.3.0":
                case "0.3.1":
                case "0.4.0":
                    return V04;
                case "1.0.0":
                case "1.1.0":
                    return V1;
                default:
                    throw new IllegalArgumentException("unsupported CNI result version \"" + cniVersion + "\"");
            }
        }
    }

    private ResultJson() {
    }

    /**
     * Writes a result in the shape of {@code cniVersion}, labelled with that version (an empty version
     * is written as {@code 0.1.0}).
     *
     * @param cniVersion the version to write
     * @param result the result
     * @return the JSON object
     * @throws IllegalArgumentException if the version has no result shape
     */
    public static ObjectNode write(String cniVersion, CniResult result) {
        Shape shape = Shape.of(cniVersion);
        ObjectNode out = JsonTrees.object();
        out.put("cniVersion", cniVersion.isEmpty() ? "0.1.0" : cniVersion);
        if (shape == Shape.LEGACY) {
            writeLegacyIp(out, "ip4", result, true);
            writeLegacyIp(out, "ip6", result, false);
            out.set("dns", dns(result.dns()));
            return out;
        }
        if (!result.interfaces().isEmpty()) {
            ArrayNode interfaces = out.putArray("interfaces");
            result.interfaces().forEach(i -> interfaces.add(iface(i, shape)));
        }
        if (!result.ips().isEmpty()) {
            ArrayNode ips = out.putArray("ips");
            for (IpConfig ip : result.ips()) {
                ObjectNode node = ips.addObject();
                if (shape == Shape.V04) {
                    node.put("version", ip.version());
                }
                if (ip.interfaceIndex() != null) {
                    node.put("interface", ip.interfaceIndex());
                }
                node.put("address", ip.address().toString());
                if (ip.gateway() != null) {
                    node.put("gateway", IpAddresses.format(ip.gateway()));
                }
            }
        }
        if (!result.routes().isEmpty()) {
            ArrayNode routes = out.putArray("routes");
            result.routes().forEach(r -> routes.add(route(r)));
        }
        if (shape == Shape.V04 || !result.dns().isEmpty()) {
            out.set("dns", dns(result.dns()));
        }
        return out;
    }

    private static void writeLegacyIp(ObjectNode out, String field, CniResult result, boolean v4) {
        IpConfig ip = result.ips().stream().filter(c -> c.address().isIpv4() == v4).findFirst().orElse(null);
        if (ip == null) {
            return;
        }
        ObjectNode node = out.putObject(field);
        node.put("ip", ip.address().toString());
        if (ip.gateway() != null) {
            node.put("gateway", IpAddresses.format(ip.gateway()));
        }
        List<Route> routes = result.routes().stream().filter(r -> r.dst().isIpv4() == v4).toList();
        if (!routes.isEmpty()) {
            ArrayNode array = node.putArray("routes");
            for (Route r : routes) {
                ObjectNode route = array.addObject();
                route.put("dst", r.dst().toString());
                if (r.gw() != null) {
                    route.put("gw", IpAddresses.format(r.gw()));
                }
            }
        }
    }

    private static ObjectNode iface(Interface i, Shape shape) {
        ObjectNode node = JsonTrees.object();
        node.put("name", i.name());
        putIfNotEmpty(node, "mac", i.mac());
        if (shape == Shape.V1 && i.mtu() != 0) {
            node.put("mtu", i.mtu());
        }
        putIfNotEmpty(node, "sandbox", i.sandbox());
        if (shape == Shape.V1) {
            putIfNotEmpty(node, "socketPath", i.socketPath());
            putIfNotEmpty(node, "pciID", i.pciId());
        }
        return node;
    }

    private static ObjectNode route(Route r) {
        ObjectNode node = JsonTrees.object();
        node.put("dst", r.dst().toString());
        if (r.gw() != null) {
            node.put("gw", IpAddresses.format(r.gw()));
        }
        if (r.mtu() != 0) {
            node.put("mtu", r.mtu());
        }
        if (r.advmss() != 0) {
            node.put("advmss", r.advmss());
        }
        if (r.priority() != 0) {
            node.put("priority", r.priority());
        }
        if (r.table() != null) {
            node.put("table", r.table());
        }
        if (r.scope() != null) {
            node.put("scope", r.scope());
        }
        return node;
    }

    private static ObjectNode dns(Dns dns) {
        ObjectNode node = JsonTrees.object();
        if (!dns.nameservers().isEmpty()) {
            dns.nameservers().forEach(node.putArray("nameservers")::add);
        }
        putIfNotEmpty(node, "domain", dns.domain());
        if (!dns.search().isEmpty()) {
            dns.search().forEach(node.putArray("search")::add);
        }
        if (!dns.options().isEmpty()) {
            dns.options().forEach(node.putArray("options")::add);
        }
        return node;
    }

    private static void putIfNotEmpty(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
