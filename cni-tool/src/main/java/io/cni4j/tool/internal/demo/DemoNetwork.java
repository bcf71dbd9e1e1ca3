package io.cni4j.tool.internal.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.IpPrefix;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's embedded network: loopback (loaded separately) plus a bridge network with host-local
 * IPAM, the firewall plugin and the tuning plugin, in a private IPv4 subnet. Its IPAM and tuning
 * state live in the demo's temp dir.
 *
 * @param name the network name
 * @param bridge the bridge the plugin creates on the host
 * @param subnet the IPv4 subnet containers get addresses from
 */
public record DemoNetwork(String name, String bridge, IpPrefix subnet) {

    /** The network name. */
    public static final String NAME = "cni4j-demo";
    /** The default bridge name. */
    public static final String DEFAULT_BRIDGE = "cni4j-demo0";
    /** The default subnet: private, and rarely used by other software. */
    public static final String DEFAULT_SUBNET = "10.250.0.0/24";
    /** The plugins the network needs. */
    public static final List<String> PLUGINS = List.of("loopback", "bridge", "host-local", "firewall", "tuning");

    /**
     * The demo network with validated settings.
     *
     * @param bridge the bridge name
     * @param subnet the subnet text
     * @return the network
     * @throws UsageException if the bridge name is not a Linux interface name or the subnet is not a
     *     private-sized IPv4 CIDR
     */
    public static DemoNetwork of(String bridge, String subnet) throws UsageException {
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
        return new DemoNetwork(NAME, bridge, prefix);
    }

    /**
     * The network configuration list.
     *
     * @param stateDir the directory for IPAM ({@code ipam}) and tuning ({@code tuning}) state
     * @return the conflist JSON text
     */
    public String confList(Path stateDir) {
        ObjectNode list = ToolJson.object().put("cniVersion", "1.0.0").put("name", name);
        ArrayNode plugins = list.putArray("plugins");
        ObjectNode bridgePlugin = plugins.addObject().put("type", "bridge").put("bridge", bridge)
                .put("isGateway", true).put("ipMasq", false);
        ObjectNode ipam = bridgePlugin.putObject("ipam").put("type", "host-local");
        ipam.putArray("ranges").addArray().addObject().put("subnet", subnet.toString());
        ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
        ipam.put("dataDir", ipamDir(stateDir).toString());
        plugins.addObject().put("type", "firewall");
        plugins.addObject().put("type", "tuning").put("dataDir", stateDir.resolve("tuning").toString());
        return ToolJson.pretty(list) + "\n";
    }

    /**
     * Where host-local keeps its reservations.
     *
     * @param stateDir the demo's state directory
     * @return the IPAM data directory
     */
    public static Path ipamDir(Path stateDir) {
        return stateDir.resolve("ipam");
    }
}
