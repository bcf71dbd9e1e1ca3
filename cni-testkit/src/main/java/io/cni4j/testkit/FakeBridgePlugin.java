package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniError;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Route;
import io.cni4j.testkit.internal.json.JsonTrees;
import io.cni4j.testkit.internal.json.ResultJson;
import io.cni4j.testkit.internal.net.Subnets;
import io.cni4j.testkit.internal.plugins.Preconditions;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A bridge-like fake plugin with its own IP pool, the fake counterpart of {@code bridge} with
 * {@code host-local} IPAM.
 *
 * <ul>
 *   <li>ADD hands out the lowest free address of the subnet (the config's {@code ipam.subnet}, else
 *       the constructor's), gateway {@code .1}, and remembers it per container id and interface
 *       name: a repeated ADD gets the same address. The result has the bridge ({@code bridge} key,
 *       default {@code cni0}), a veth and the container interface with {@code CNI_NETNS} as sandbox,
 *       the address on the container interface, a default route via the gateway and the config's
 *       {@code dns}. It is written in the shape of the config's {@code cniVersion} (0.1.0/0.2.0
 *       {@code ip4}, 0.3.x/0.4.0 with {@code version}, 1.x). When chained after another plugin, the
 *       {@code prevResult}'s interfaces, IPs, routes and DNS come first (0.3.0 and later).</li>
 *   <li>DEL releases the address (repeats are fine); CHECK fails with code 3 unless the container
 *       has an address; STATUS succeeds; GC releases every address not in
 *       {@code cni.dev/valid-attachments}.</li>
 *   <li>Missing {@code CNI_*} variables give code 4, stdin that is not JSON code 6, a bad subnet
 *       code 7, an unknown version code 1, an exhausted pool code 999.</li>
 * </ul>
 */
public final class FakeBridgePlugin implements FakePlugin {

    /** The subnet used when the config has no {@code ipam.subnet}. */
    public static final String DEFAULT_SUBNET = "10.22.0.0/16";

    private static final IpPrefix DEFAULT_V4 = IpPrefix.parse("0.0.0.0/0");
    private static final IpPrefix DEFAULT_V6 = IpPrefix.parse("::/0");

    private record Key(String containerId, String ifName) {
    }

    private final IpPrefix defaultSubnet;
    private final Map<Key, IpPrefix> allocations = new LinkedHashMap<>();

    /** Creates a plugin whose default subnet is {@value #DEFAULT_SUBNET}. */
    public FakeBridgePlugin() {
        this(DEFAULT_SUBNET);
    }

    /**
     * Creates a plugin with a default subnet.
     *
     * @param defaultSubnet CIDR, e.g. {@code 10.88.0.0/16} or {@code fd00:22::/64}
     * @throws IllegalArgumentException if it is not CIDR notation or too small for one address
     */
    public FakeBridgePlugin(String defaultSubnet) {
        this.defaultSubnet = IpPrefix.parse(defaultSubnet);
        if (Subnets.size(this.defaultSubnet).compareTo(BigInteger.valueOf(4)) < 0) {
            throw new IllegalArgumentException("subnet " + defaultSubnet + " is too small for a gateway and an address");
        }
    }

    @Override
    public PluginReply handle(PluginCall call) {
        Optional<PluginReply> bad = Preconditions.badStdin(call);
        if (bad.isPresent()) {
            return bad.get();
        }
        switch (call.verb()) {
            case ADD:
                return add(call);
            case DEL:
                return missingEnv(call, "CNI_CONTAINERID", "CNI_IFNAME").orElseGet(() -> {
                    release(new Key(call.containerId(), call.ifName()));
                    return PluginReply.ok();
                });
            case CHECK:
                return missingEnv(call, "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME").orElseGet(() -> check(call));
            case GC:
                gc(call.configView().path("cni.dev/valid-attachments"));
                return PluginReply.ok();
            default:
                return PluginReply.ok();
        }
    }

    /**
     * The address handed to a container's interface.
     *
     * @param containerId the container id
     * @param ifName the interface name
     * @return the address with its prefix length, if one is allocated
     */
    public synchronized Optional<IpPrefix> addressOf(String containerId, String ifName) {
        return Optional.ofNullable(allocations.get(new Key(containerId, ifName)));
    }

    /** @return how many addresses are handed out */
    public synchronized int allocationCount() {
        return allocations.size();
    }

    private PluginReply add(PluginCall call) {
        Optional<PluginReply> missing = missingEnv(call, "CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME");
        if (missing.isPresent()) {
            return missing.get();
        }
        String version = call.cniVersion();
        JsonNode config = call.configView();
        IpPrefix subnet;
        try {
            subnet = config.path("ipam").hasNonNull("subnet")
                    ? IpPrefix.parse(config.path("ipam").path("subnet").asText()) : defaultSubnet;
        } catch (IllegalArgumentException e) {
            return PluginReply.error(version, CniError.INVALID_NETWORK_CONFIG, "invalid ipam.subnet", e.getMessage());
        }
        IpPrefix address = allocate(new Key(call.containerId(), call.ifName()), subnet);
        if (address == null) {
            return PluginReply.error(version, CniError.INTERNAL, "no IP addresses available in subnet " + subnet,
                    "network " + call.networkName());
        }
        InetAddress gateway = Subnets.addressAt(subnet, BigInteger.ONE);
        String bridge = config.path("bridge").asText("cni0");
        byte[] ip = address.address().getAddress();
        CniResult own = new CniResult(version,
                List.of(Interface.of(bridge, mac(0x58, gateway.getAddress()), ""),
                        Interface.of(vethName(call), mac(0x5a, ip), ""),
                        Interface.of(call.ifName(), mac(0x58, ip), call.netns())),
                List.of(new IpConfig(2, address, gateway)),
                List.of(Route.of(subnet.isIpv4() ? DEFAULT_V4 : DEFAULT_V6, gateway)),
                dns(config.path("dns")));
        ObjectNode out = ResultJson.write(version, own);
        JsonNode prev = config.path("prevResult");
        if (prev.isObject() && ResultJson.Shape.of(version) != ResultJson.Shape.LEGACY) {
            chain(out, prev);
        }
        return PluginReply.ok(out);
    }

    private synchronized PluginReply check(PluginCall call) {
        if (!allocations.containsKey(new Key(call.containerId(), call.ifName()))) {
            return PluginReply.error(call.cniVersion(), CniError.UNKNOWN_CONTAINER,
                    "no address is allocated for container " + call.containerId() + " interface " + call.ifName(), "");
        }
        return PluginReply.ok();
    }

    private synchronized IpPrefix allocate(Key key, IpPrefix subnet) {
        IpPrefix existing = allocations.get(key);
        if (existing != null && existing.prefixLength() == subnet.prefixLength()
                && Subnets.contains(subnet, existing.address())) {
            return existing;
        }
        allocations.remove(key);
        Set<InetAddress> used = new HashSet<>();
        allocations.values().forEach(p -> used.add(p.address()));
        BigInteger last = Subnets.size(subnet).subtract(subnet.isIpv4() ? BigInteger.TWO : BigInteger.ONE);
        for (BigInteger offset = BigInteger.TWO; offset.compareTo(last) <= 0; offset = offset.add(BigInteger.ONE)) {
            InetAddress candidate = Subnets.addressAt(subnet, offset);
            if (!used.contains(candidate)) {
                IpPrefix address = new IpPrefix(candidate, subnet.prefixLength());
                allocations.put(key, address);
                return address;
            }
        }
        return null;
    }

    private synchronized void release(Key key) {
        allocations.remove(key);
    }

    private synchronized void gc(JsonNode validAttachments) {
        Set<Key> valid = new HashSet<>();
        for (JsonNode attachment : validAttachments) {
            valid.add(new Key(attachment.path("containerID").asText(""), attachment.path("ifname").asText("")));
        }
        allocations.keySet().retainAll(valid);
    }

    private static Optional<PluginReply> missingEnv(PluginCall call, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (call.env(name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(PluginReply.error(call.cniVersion(), CniError.INVALID_ENVIRONMENT_VARIABLES,
                        "required env variables [" + String.join(",", missing) + "] missing", ""));
    }

    private static void chain(ObjectNode out, JsonNode prev) {
        int offset = prev.path("interfaces").size();
        ArrayNode interfaces = JsonTrees.object().arrayNode();
        prev.path("interfaces").forEach(interfaces::add);
        out.path("interfaces").forEach(interfaces::add);
        ArrayNode ips = interfaces.arrayNode();
        prev.path("ips").forEach(ips::add);
        for (JsonNode ip : out.path("ips")) {
            ObjectNode copy = ip.deepCopy();
            if (copy.has("interface")) {
                copy.put("interface", copy.path("interface").asInt() + offset);
            }
            ips.add(copy);
        }
        ArrayNode routes = interfaces.arrayNode();
        prev.path("routes").forEach(routes::add);
        out.path("routes").forEach(routes::add);
        out.set("interfaces", interfaces);
        out.set("ips", ips);
        out.set("routes", routes);
        if (out.path("dns").isEmpty() && prev.path("dns").isObject()) {
            out.set("dns", prev.path("dns").deepCopy());
        }
    }

    private static Dns dns(JsonNode dns) {
        return new Dns(strings(dns.path("nameservers")), dns.path("domain").asText(""),
                strings(dns.path("search")), strings(dns.path("options")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** {@code veth} and 8 hex digits of a hash of container id and interface name. */
    private static String vethName(PluginCall call) {
        String hex = Integer.toHexString((call.containerId() + "/" + call.ifName()).hashCode());
        return "veth" + "0".repeat(8 - hex.length()) + hex;
    }

    /** {@code 0a:<second>:} and the address's last four bytes, two hex digits each. */
    private static String mac(int second, byte[] address) {
        int n = address.length;
        StringBuilder sb = new StringBuilder(17).append("0a");
        appendHexByte(sb, second);
        for (int i = n - 4; i < n; i++) {
            appendHexByte(sb, address[i] & 0xff);
        }
        return sb.toString();
    }

    private static void appendHexByte(StringBuilder sb, int b) {
        sb.append(':').append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
}
