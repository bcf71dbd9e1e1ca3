package io.cni4j.tool.internal.output;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.CniConfig;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.Dns;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.PluginConfig;
import io.cni4j.api.Result;
import io.cni4j.api.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable forms of the API's values, for {@code --output table} and the demo. */
public final class Tables {

    private Tables() {
    }

    /**
     * A setup result: one row per interface address (an interface without addresses gets one row),
     * then the routes and the DNS settings when there are any.
     *
     * @param result the result
     * @return the text, ending in a newline
     */
    public static String result(Result result) {
        Table interfaces = new Table("INTERFACE", "ADDRESS", "GATEWAY", "MAC", "SANDBOX");
        for (Map.Entry<String, InterfaceConfig> e : result.interfaces().entrySet()) {
            InterfaceConfig ifc = e.getValue();
            if (ifc.addresses().isEmpty()) {
                interfaces.row(e.getKey(), "", "", ifc.mac(), ifc.sandbox());
            }
            for (AssignedAddress a : ifc.addresses()) {
                interfaces.row(e.getKey(), a.address().toString(),
                        a.gateway() == null ? "" : IpAddresses.format(a.gateway()), ifc.mac(), ifc.sandbox());
            }
        }
        StringBuilder sb = new StringBuilder(interfaces.render());
        if (!result.routes().isEmpty()) {
            Table routes = new Table("ROUTE", "GATEWAY", "DETAILS");
            for (Route r : result.routes()) {
                routes.row(r.dst().toString(), r.gw() == null ? "" : IpAddresses.format(r.gw()), routeDetails(r));
            }
            sb.append('\n').append(routes.render());
        }
        List<String> dns = new ArrayList<>();
        for (Dns d : result.dns()) {
            if (!d.isEmpty()) {
                dns.add(dns(d));
            }
        }
        if (!dns.isEmpty()) {
            sb.append('\n');
            dns.forEach(line -> sb.append("DNS  ").append(line).append('\n'));
        }
        return sb.toString();
    }

    private static String routeDetails(Route r) {
        List<String> parts = new ArrayList<>();
        if (r.mtu() != 0) {
            parts.add("mtu " + r.mtu());
        }
        if (r.advmss() != 0) {
            parts.add("advmss " + r.advmss());
        }
        if (r.priority() != 0) {
            parts.add("priority " + r.priority());
        }
        if (r.table() != null) {
            parts.add("table " + r.table());
        }
        if (r.scope() != null) {
            parts.add("scope " + r.scope());
        }
        return String.join(", ", parts);
    }

    private static String dns(Dns d) {
        List<String> parts = new ArrayList<>();
        if (!d.nameservers().isEmpty()) {
            parts.add("nameservers " + String.join(" ", d.nameservers()));
        }
        if (!d.domain().isEmpty()) {
            parts.add("domain " + d.domain());
        }
        if (!d.search().isEmpty()) {
            parts.add("search " + String.join(" ", d.search()));
        }
        if (!d.options().isEmpty()) {
            parts.add("options " + String.join(" ", d.options()));
        }
        return String.join("; ", parts);
    }

    /**
     * The client's settings, then one row per loaded network with its plugins (IPAM in
     * parentheses).
     *
     * @param config the snapshot
     * @return the text
     */
    public static String config(CniConfig config) {
        StringBuilder sb = new StringBuilder();
        sb.append("conf dir:     ").append(config.confDir()).append('\n');
        sb.append("plugin dirs:  ").append(config.pluginDirs().stream().map(Object::toString)
                .collect(Collectors.joining(" "))).append('\n');
        sb.append("cache dir:    ").append(config.cacheDir()).append('\n');
        sb.append("max conf:     ").append(config.maxConfNum()).append('\n');
        sb.append("prefix:       ").append(config.interfacePrefix()).append("\n\n");
        Table networks = new Table("NETWORK", "IFNAME", "VERSION", "PLUGINS");
        for (ConfiguredNetwork n : config.networks()) {
            List<String> plugins = new ArrayList<>();
            for (PluginConfig p : n.config().plugins()) {
                plugins.add(p.ipamType().isEmpty() ? p.type() : p.type() + "(" + p.ipamType() + ")");
            }
            networks.row(n.config().name(), n.ifName(), n.config().cniVersion(), String.join(", ", plugins));
        }
        return sb.append(networks.render()).toString();
    }

    /**
     * Cached attachments, one row each.
     *
     * @param attachments the attachments
     * @return the text
     */
    public static String attachments(List<CachedAttachment> attachments) {
        Table table = new Table("CONTAINER", "NETWORK", "IFNAME", "NETNS");
        for (CachedAttachment a : attachments) {
            table.row(a.containerId(), a.network(), a.ifName(), a.netns());
        }
        return table.render();
    }
}
