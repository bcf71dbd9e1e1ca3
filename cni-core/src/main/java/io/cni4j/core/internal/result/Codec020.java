package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Route;
import io.cni4j.core.internal.json.Json;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Results 0.1.0 and 0.2.0: at most one IPv4 and one IPv6 configuration, each with its own routes,
 * and DNS (always written, {@code {}} when empty).
 *
 * <pre>{@code
 * {"cniVersion":"0.2.0",
 *  "ip4":{"ip":"1.2.3.30/24","gateway":"1.2.3.1","routes":[{"dst":"15.5.6.0/24","gw":"15.5.6.8"}]},
 *  "ip6":{"ip":"abcd:1234:ffff::cdde/64", ...},
 *  "dns":{...}}
 * }</pre>
 *
 * <p>Mapped onto the 1.1.0 shape as libcni's 0.2.0-to-0.4.0 conversion does: the IPv4 then the IPv6
 * address, both without an interface index, and the IPv4 routes followed by the IPv6 routes. Unlike
 * libcni, an {@code ip4} (or its routes) of the IPv6 family, or the reverse, is refused: the result
 * could not be written back as it was read.
 */
final class Codec020 implements ResultCodec {

    /**
     * What a result looks like as 0.2.0: the first IPv4 and the first IPv6 address, and the routes
     * sorted under them by destination family (a route without an address of its family is lost).
     *
     * @param ip4 the IPv4 configuration, or {@code null}
     * @param ip6 the IPv6 configuration, or {@code null}
     * @param routes4 the routes listed under {@code ip4}
     * @param routes6 the routes listed under {@code ip6}
     * @param dns the DNS settings
     */
    record View(IpConfig ip4, IpConfig ip6, List<Route> routes4, List<Route> routes6, Dns dns) {

        /**
         * Projects a result of any shape onto 0.2.0.
         *
         * @param result the result
         * @return the view
         */
        static View of(CniResult result) {
            IpConfig ip4 = null;
            IpConfig ip6 = null;
            for (IpConfig ip : result.ips()) {
                if (ip.address().isIpv4() && ip4 == null) {
                    ip4 = new IpConfig(null, ip.address(), ip.gateway());
                } else if (!ip.address().isIpv4() && ip6 == null) {
                    ip6 = new IpConfig(null, ip.address(), ip.gateway());
                }
                if (ip4 != null && ip6 != null) {
                    break;
                }
            }
            List<Route> routes4 = new ArrayList<>();
            List<Route> routes6 = new ArrayList<>();
            for (Route route : result.routes()) {
                if (route.dst().isIpv4()) {
                    if (ip4 != null) {
                        routes4.add(route);
                    }
                } else if (ip6 != null) {
                    routes6.add(route);
                }
            }
            return new View(ip4, ip6, routes4, routes6, result.dns());
        }

        /** @return {@code true} if neither an IPv4 nor an IPv6 address is present */
        boolean hasNoAddress() {
            return ip4 == null && ip6 == null;
        }

        /**
         * The view in the 1.1.0 shape.
         *
         * @param version the label
         * @return the result
         */
        CniResult toResult(String version) {
            List<IpConfig> ips = new ArrayList<>(2);
            List<Route> routes = new ArrayList<>(routes4.size() + routes6.size());
            if (ip4 != null) {
                ips.add(ip4);
                routes.addAll(routes4);
            }
            if (ip6 != null) {
                ips.add(ip6);
                routes.addAll(routes6);
            }
            return new CniResult(version, List.of(), ips, routes, dns);
        }
    }

    @Override
    public CniResult read(ObjectNode root, String version) throws InvalidResultException {
        IpConfig ip4 = null;
        IpConfig ip6 = null;
        List<Route> routes4 = List.of();
        List<Route> routes6 = List.of();
        ObjectNode node4 = JsonFields.optionalObject(root, "ip4", FieldPath.ROOT);
        if (node4 != null) {
            ip4 = readIp(node4, FieldPath.ROOT.field("ip4"), true);
            routes4 = readRoutes(node4, FieldPath.ROOT.field("ip4"), true);
        }
        ObjectNode node6 = JsonFields.optionalObject(root, "ip6", FieldPath.ROOT);
        if (node6 != null) {
            ip6 = readIp(node6, FieldPath.ROOT.field("ip6"), false);
            routes6 = readRoutes(node6, FieldPath.ROOT.field("ip6"), false);
        }
        return new View(ip4, ip6, routes4, routes6, ResultParts.readDns(root, FieldPath.ROOT)).toResult(version);
    }

    /*
     * An address or route destination of the other family is refused: this shape keeps one address per
     * family, so it would be moved or lost when the result is written back (to the cache, for instance).
     */
    private static IpConfig readIp(ObjectNode node, FieldPath path, boolean ipv4) throws InvalidResultException {
        IpPrefix address = JsonFields.prefix(node, "ip", path);
        if (address.isIpv4() != ipv4) {
            throw JsonFields.invalid(path.field("ip"), "expected an " + family(ipv4) + " address, got \""
                    + address + "\"");
        }
        InetAddress gateway = JsonFields.ip(node, "gateway", path);
        return new IpConfig(null, address, gateway);
    }

    private static List<Route> readRoutes(ObjectNode node, FieldPath path, boolean ipv4) throws InvalidResultException {
        List<Route> routes = ResultParts.readRoutes(node, "routes", path);
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).dst().isIpv4() != ipv4) {
                throw JsonFields.invalid(path.field("routes").element(i).field("dst"),
                        "expected an " + family(ipv4) + " destination, got \"" + routes.get(i).dst() + "\"");
            }
        }
        return routes;
    }

    private static String family(boolean ipv4) {
        return ipv4 ? "IPv4" : "IPv6";
    }

    @Override
    public ObjectNode write(CniResult result) {
        View view = View.of(result);
        ObjectNode root = Json.object();
        root.put("cniVersion", result.cniVersion());
        if (view.ip4() != null) {
            root.set("ip4", writeIp(view.ip4(), view.routes4()));
        }
        if (view.ip6() != null) {
            root.set("ip6", writeIp(view.ip6(), view.routes6()));
        }
        root.set("dns", ResultParts.writeDns(result.dns()));
        return root;
    }

    private static ObjectNode writeIp(IpConfig ip, List<Route> routes) {
        ObjectNode node = Json.object();
        node.put("ip", ip.address().toString());
        ResultParts.putIp(node, "gateway", ip.gateway());
        if (!routes.isEmpty()) {
            node.set("routes", ResultParts.writeRoutes(routes));
        }
        return node;
    }
}
