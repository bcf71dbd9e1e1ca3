package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.Route;
import io.cni4j.core.internal.json.Json;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces result versions share: interfaces and IPs (0.3.0 and later), routes and DNS (libcni's
 * {@code types.Route} and {@code types.DNS}, the same types in every version) and how values are
 * printed (addresses in canonical form, empty values omitted as Go's {@code omitempty} does).
 */
final class ResultParts {

    private ResultParts() {
    }

    /**
     * Reads {@code interfaces}. Versions before 1.0.0 know only name, MAC and sandbox; the other
     * fields are ignored there, as libcni ignores unknown fields.
     *
     * @param root the result object
     * @param full {@code true} to read the 1.x fields (mtu, socketPath, pciID) too
     * @return the interfaces, empty when absent
     * @throws InvalidResultException naming the first bad field
     */
    static List<Interface> readInterfaces(ObjectNode root, boolean full) throws InvalidResultException {
        List<ObjectNode> nodes = JsonFields.objects(root, "interfaces", FieldPath.ROOT);
        List<Interface> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode node = nodes.get(i);
            FieldPath path = FieldPath.ROOT.field("interfaces").element(i);
            String name = JsonFields.string(node, "name", path);
            String mac = JsonFields.string(node, "mac", path);
            String sandbox = JsonFields.string(node, "sandbox", path);
            if (full) {
                out.add(new Interface(name, mac, JsonFields.intOrZero(node, "mtu", path), sandbox,
                        JsonFields.string(node, "socketPath", path), JsonFields.string(node, "pciID", path)));
            } else {
                out.add(Interface.of(name, mac, sandbox));
            }
        }
        return out;
    }

    /**
     * Reads {@code ips}. The interface index must be a non-negative 32-bit integer (the spec's
     * unsigned index); whether it points at a listed interface is left to the consumer, as in libcni.
     *
     * @param root the result object
     * @param withVersion {@code true} for 0.3.x/0.4.0, whose {@code version} field must be a string
     *     (it is derived from the address when written, so its value is not kept)
     * @return the addresses, empty when absent
     * @throws InvalidResultException naming the first bad field
     */
    static List<IpConfig> readIps(ObjectNode root, boolean withVersion) throws InvalidResultException {
        List<ObjectNode> nodes = JsonFields.objects(root, "ips", FieldPath.ROOT);
        List<IpConfig> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            ObjectNode node = nodes.get(i);
            FieldPath path = FieldPath.ROOT.field("ips").element(i);
            if (withVersion) {
                JsonFields.string(node, "version", path);
            }
            Integer index = JsonFields.integer(node, "interface", path);
            if (index != null && index < 0) {
                throw JsonFields.invalid(path.field("interface"), "interface index " + index + " is negative");
            }
            out.add(new IpConfig(index, JsonFields.prefix(node, "address", path), JsonFields.ip(node, "gateway", path)));
        }
        return out;
    }

    /**
     * Reads a list of routes. Every version reads every route field, as libcni does: its route type
     * is shared by all versions.
     *
     * @param parent the object holding the list
     * @param key the list's field name
     * @param parentPath the parent's path
     * @return the routes, empty when absent
     * @throws InvalidResultException naming the first bad field
     */
    static List<Route> readRoutes(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        FieldPath path = parentPath.field(key);
        List<ObjectNode> nodes = JsonFields.objects(parent, key, parentPath);
        List<Route> routes = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            routes.add(readRoute(nodes.get(i), path.element(i)));
        }
        return routes;
    }

    private static Route readRoute(ObjectNode node, FieldPath path) throws InvalidResultException {
        return new Route(
                JsonFields.prefix(node, "dst", path),
                JsonFields.ip(node, "gw", path),
                JsonFields.intOrZero(node, "mtu", path),
                JsonFields.intOrZero(node, "advmss", path),
                JsonFields.intOrZero(node, "priority", path),
                JsonFields.integer(node, "table", path),
                JsonFields.integer(node, "scope", path));
    }

    /**
     * Reads the {@code dns} object.
     *
     * @param parent the result object
     * @param parentPath the result's path
     * @return the settings, {@link Dns#EMPTY} when absent
     * @throws InvalidResultException naming the first bad field
     */
    static Dns readDns(ObjectNode parent, FieldPath parentPath) throws InvalidResultException {
        ObjectNode node = JsonFields.optionalObject(parent, "dns", parentPath);
        if (node == null) {
            return Dns.EMPTY;
        }
        FieldPath path = parentPath.field("dns");
        return new Dns(
                JsonFields.strings(node, "nameservers", path),
                JsonFields.string(node, "domain", path),
                JsonFields.strings(node, "search", path),
                JsonFields.strings(node, "options", path));
    }

    /**
     * Writes {@code interfaces}: {@code name} always, the rest when set.
     *
     * @param interfaces the interfaces
     * @param full {@code true} to write the 1.x fields (mtu, socketPath, pciID) too
     * @return the JSON array
     */
    static ArrayNode writeInterfaces(List<Interface> interfaces, boolean full) {
        ArrayNode out = Json.nodes().arrayNode(interfaces.size());
        for (Interface intf : interfaces) {
            ObjectNode node = out.addObject();
            node.put("name", intf.name());
            putText(node, "mac", intf.mac());
            if (full) {
                putNonZero(node, "mtu", intf.mtu());
            }
            putText(node, "sandbox", intf.sandbox());
            if (full) {
                putText(node, "socketPath", intf.socketPath());
                putText(node, "pciID", intf.pciId());
            }
        }
        return out;
    }

    /**
     * Writes {@code ips}: the interface index when known (0 included), the address, the gateway
     * when set.
     *
     * @param ips the addresses
     * @param withVersion {@code true} for 0.3.x/0.4.0: {@code version} ("4" or "6") always written
     * @return the JSON array
     */
    static ArrayNode writeIps(List<IpConfig> ips, boolean withVersion) {
        ArrayNode out = Json.nodes().arrayNode(ips.size());
        for (IpConfig ip : ips) {
            ObjectNode node = out.addObject();
            if (withVersion) {
                node.put("version", ip.version());
            }
            if (ip.interfaceIndex() != null) {
                node.put("interface", ip.interfaceIndex().intValue());
            }
            node.put("address", ip.address().toString());
            putIp(node, "gateway", ip.gateway());
        }
        return out;
    }

    /**
     * Writes routes: {@code dst} always, the other fields when set ({@code table} and {@code scope}
     * also when 0).
     *
     * @param routes the routes
     * @return the JSON array
     */
    static ArrayNode writeRoutes(List<Route> routes) {
        ArrayNode out = Json.nodes().arrayNode(routes.size());
        for (Route route : routes) {
            ObjectNode node = out.addObject();
            node.put("dst", route.dst().toString());
            putIp(node, "gw", route.gw());
            putNonZero(node, "mtu", route.mtu());
            putNonZero(node, "advmss", route.advmss());
            putNonZero(node, "priority", route.priority());
            if (route.table() != null) {
                node.put("table", route.table().intValue());
            }
            if (route.scope() != null) {
                node.put("scope", route.scope().intValue());
            }
        }
        return out;
    }

    /**
     * Writes DNS settings, each field only when set ({@code {}} when empty).
     *
     * @param dns the settings
     * @return the JSON object
     */
    static ObjectNode writeDns(Dns dns) {
        ObjectNode node = Json.object();
        putStrings(node, "nameservers", dns.nameservers());
        putText(node, "domain", dns.domain());
        putStrings(node, "search", dns.search());
        putStrings(node, "options", dns.options());
        return node;
    }

    /**
     * Puts an address in canonical form (RFC 5952 for IPv6) unless it is {@code null}.
     *
     * @param node the object
     * @param key the field
     * @param address the address or {@code null}
     */
    static void putIp(ObjectNode node, String key, InetAddress address) {
        if (address != null) {
            node.put(key, IpAddresses.format(address));
        }
    }

    /**
     * Puts a text field unless it is empty (Go's {@code omitempty}).
     *
     * @param node the object
     * @param key the field
     * @param value the value
     */
    static void putText(ObjectNode node, String key, String value) {
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }

    /**
     * Puts a number unless it is 0 (Go's {@code omitempty}).
     *
     * @param node the object
     * @param key the field
     * @param value the value
     */
    static void putNonZero(ObjectNode node, String key, int value) {
        if (value != 0) {
            node.put(key, value);
        }
    }

    private static void putStrings(ObjectNode node, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(key);
            values.forEach(array::add);
        }
    }
}
