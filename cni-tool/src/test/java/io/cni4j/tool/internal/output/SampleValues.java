package io.cni4j.tool.internal.output;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.CniConfig;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.Dns;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.api.Result;
import io.cni4j.api.Route;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built API values for output tests. */
public final class SampleValues {

    private SampleValues() {
    }

    /** @return a bridge-like result: a host bridge, a veth, eth0 with v4 and v6, routes and DNS */
    public static Result result() {
        Map<String, InterfaceConfig> interfaces = new LinkedHashMap<>();
        interfaces.put("cni0", new InterfaceConfig(List.of(), "aa:aa:aa:aa:aa:01", "", "", ""));
        interfaces.put("eth0", new InterfaceConfig(List.of(
                new AssignedAddress(IpPrefix.parse("10.1.2.3/24"), IpAddresses.parse("10.1.2.1")),
                new AssignedAddress(IpPrefix.parse("fd00::3/64"), null)),
                "0a:58:0a:01:02:03", "/run/netns/c1", "", ""));
        interfaces.put("net1", new InterfaceConfig(List.of(), "", "/run/netns/c1", "0000:00:1f.6", "/run/vhost.sock"));
        List<Route> routes = List.of(
                Route.of(IpPrefix.parse("0.0.0.0/0"), IpAddresses.parse("10.1.2.1")),
                new Route(IpPrefix.parse("192.168.0.0/16"), null, 1400, 1360, 10, 100, 253));
        List<Dns> dns = List.of(new Dns(List.of("10.1.0.53"), "cluster.local", List.of("svc.cluster.local"),
                List.of("ndots:5")), Dns.EMPTY);
        return new Result(interfaces, dns, routes, List.of());
    }

    /** @return a config with loopback and a bridge network */
    public static CniConfig config() {
        String loSource = "{\"cniVersion\":\"0.3.1\",\"name\":\"cni-loopback\",\"plugins\":[{\"type\":\"loopback\"}]}";
        NetworkConfigList lo = new NetworkConfigList("cni-loopback", "0.3.1", false, false, false,
                List.of(new PluginConfig("loopback", "", "", Map.of(), "", "{\"type\":\"loopback\"}")), loSource);
        String bridgePlugin = "{\"type\":\"bridge\",\"ipam\":{\"type\":\"host-local\"}}";
        NetworkConfigList net = new NetworkConfigList("net", "1.0.0", true, false, false,
                List.of(new PluginConfig("bridge", "", "", Map.of(), "host-local", bridgePlugin),
                        new PluginConfig("portmap", "", "", Map.of("portMappings", true), "", "{\"type\":\"portmap\"}")),
                "not json");
        return new CniConfig(List.of(Path.of("/opt/cni/bin"), Path.of("/usr/lib/cni")), Path.of("/etc/cni/net.d"),
                Path.of("/var/lib/cni"), 1, "eth",
                List.of(new ConfiguredNetwork(lo, "lo"), new ConfiguredNetwork(net, "eth0")));
    }

    /** @return two cached attachments, one with args and capabilities */
    public static List<CachedAttachment> attachments() {
        return List.of(
                new CachedAttachment("c1", "net", "eth0", "/run/netns/c1", List.of(Map.entry("K", "V")),
                        "{\"portMappings\":[]}", "{\"name\":\"net\"}"),
                new CachedAttachment("c2", "net", "eth0", "", List.of(), "", ""));
    }
}
