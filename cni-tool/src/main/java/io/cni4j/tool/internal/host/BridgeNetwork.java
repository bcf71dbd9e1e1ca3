package io.cni4j.tool.internal.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.IpPrefix;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.file.Path;
import java.util.List;

/**
 * A private bridge network the demo and the bench write for themselves: the bridge plugin (as the
 * gateway, no masquerading) with host-local IPAM in a private IPv4 subnet, followed by whatever
 * plugins the caller chains after it. Its IPAM state lives in the caller's temp dir, never in
 * {@code /var/lib/cni}.
 *
 * @param name the network name
 * @param bridge the bridge the plugin creates on the host
 * @param subnet the IPv4 subnet containers get addresses from
 */
public record BridgeNetwork(String name, String bridge, IpPrefix subnet) {

    /**
     * The network with validated settings.
     *
     * @param name the network name
     * @param bridge the bridge name
     * @param subnet the subnet text
     * @return the network
     * @throws UsageException if the bridge name is not a Linux interface name or the subnet is not an
     *     IPv4 CIDR from /8 to /29
     */
    public static BridgeNetwork of(String name, String bridge, String subnet) throws UsageException {
        if (!bridge.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new UsageException("--bridge must be an interface name of 1 to 15 letters, digits, '_', '.' or '-'");
        }
        IpPrefix prefix;
        try {
            prefix = IpPrefix.parse(subnet);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--subnet '" + subnet + "' is not a CIDR like 10.250.0.0/24");
        }
        if (!prefix.isIpv4() || prefix.prefixLength() < 8 || prefix.prefixLength() > 29) {
            throw new UsageException("--subnet must be an IPv4 CIDR from /8 to /29, got " + subnet);
        }
        return new BridgeNetwork(name, bridge, prefix);
    }

    /**
     * How many containers can hold an address at once: the subnet's addresses without the network
     * address, the gateway (the bridge) and the broadcast address.
     *
     * @return the number of container addresses
     */
    public long containerAddresses() {
        return (1L << (32 - subnet.prefixLength())) - 3;
    }

    /**
     * The network configuration list, version 1.0.0.
     *
     * @param stateDir the directory for the IPAM state ({@link #ipamDir(Path)})
     * @param chained the plugin objects that follow the bridge plugin, in order
     * @return the conflist JSON text
     */
    public String confList(Path stateDir, List<ObjectNode> chained) {
        ObjectNode list = ToolJson.object().put("cniVersion", "1.0.0").put("name", name);
        ArrayNode plugins = list.putArray("plugins");
        ObjectNode bridgePlugin = plugins.addObject().put("type", "bridge").put("bridge", bridge)
                .put("isGateway", true).put("ipMasq", false);
        ObjectNode ipam = bridgePlugin.putObject("ipam").put("type", "host-local");
        ipam.putArray("ranges").addArray().addObject().put("subnet", subnet.toString());
        ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
        ipam.put("dataDir", ipamDir(stateDir).toString());
        chained.forEach(p -> plugins.add(p.deepCopy()));
        return ToolJson.pretty(list) + "\n";
    }

    /**
     * Where host-local keeps its reservations.
     *
     * @param stateDir the caller's state directory
     * @return the IPAM data directory
     */
    public static Path ipamDir(Path stateDir) {
        return stateDir.resolve("ipam");
    }
}
