package io.cni4j.tool.internal.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.CniConfig;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.Dns;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.api.Result;
import io.cni4j.api.Route;
import io.cni4j.api.VersionInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JSON the tool prints for the API's values. These shapes are documented in the tool's README
 * and scripts rely on them: keys are stable and present even when empty, except the optional fields
 * named in each method.
 */
public final class JsonShapes {

    private JsonShapes() {
    }

    /**
     * A setup result:
     * <pre>{@code
     * {"interfaces": {"eth0": {"addresses": [{"address": "10.1.2.3/24", "gateway": "10.1.2.1"}],
     *                          "mac": "..", "sandbox": ".."}},
     *  "dns": [{"nameservers": [..], "domain": "..", "search": [..], "options": [..]}],
     *  "routes": [{"dst": "0.0.0.0/0", "gw": "10.1.2.1"}]}
     * }</pre>
     * Optional: an address's {@code gateway}; an interface's {@code pciID} and {@code socketPath};
     * a route's {@code gw}, and {@code mtu}, {@code advmss}, {@code priority} when not 0,
     * {@code table} and {@code scope} when set.
     *
     * @param result the result
     * @return the JSON tree
     */
    public static ObjectNode result(Result result) {
        ObjectNode out = ToolJson.object();
        ObjectNode interfaces = out.putObject("interfaces");
        for (Map.Entry<String, InterfaceConfig> e : result.interfaces().entrySet()) {
            InterfaceConfig ifc = e.getValue();
            ObjectNode node = interfaces.putObject(e.getKey());
            ArrayNode addresses = node.putArray("addresses");
            for (AssignedAddress a : ifc.addresses()) {
                ObjectNode addr = addresses.addObject().put("address", a.address().toString());
                if (a.gateway() != null) {
                    addr.put("gateway", IpAddresses.format(a.gateway()));
                }
            }
            node.put("mac", ifc.mac());
            node.put("sandbox", ifc.sandbox());
            if (!ifc.pciId().isEmpty()) {
                node.put("pciID", ifc.pciId());
            }
            if (!ifc.socketPath().isEmpty()) {
                node.put("socketPath", ifc.socketPath());
            }
        }
        ArrayNode dns = out.putArray("dns");
        for (Dns d : result.dns()) {
            ObjectNode node = dns.addObject();
            strings(node.putArray("nameservers"), d.nameservers());
            node.put("domain", d.domain());
            strings(node.putArray("search"), d.search());
            strings(node.putArray("options"), d.options());
        }
        ArrayNode routes = out.putArray("routes");
        for (Route r : result.routes()) {
            routes.add(route(r));
        }
        return out;
    }

    private static ObjectNode route(Route r) {
        ObjectNode node = ToolJson.object().put("dst", r.dst().toString());
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

    /**
     * The client's settings and loaded networks (go-cni's GetConfig):
     * <pre>{@code
     * {"pluginDirs": [..], "confDir": "..", "cacheDir": "..", "maxConfNum": 1, "interfacePrefix": "eth",
     *  "networks": [{"ifName": "eth0", "name": "..", "cniVersion": "..", "disableCheck": false,
     *                "disableGC": false, "loadOnlyInlinedPlugins": false,
     *                "plugins": [{"type": "..", "name": "..", "cniVersion": "..", "capabilities": {..},
     *                             "ipamType": "..", "source": {..}}],
     *                "source": {..}}]}
     * }</pre>
     * {@code source} is the JSON as loaded, parsed; a string if it does not parse.
     *
     * @param config the snapshot
     * @return the JSON tree
     */
    public static ObjectNode config(CniConfig config) {
        ObjectNode out = ToolJson.object();
        ArrayNode dirs = out.putArray("pluginDirs");
        config.pluginDirs().forEach(d -> dirs.add(d.toString()));
        out.put("confDir", config.confDir().toString());
        out.put("cacheDir", config.cacheDir().toString());
        out.put("maxConfNum", config.maxConfNum());
        out.put("interfacePrefix", config.interfacePrefix());
        ArrayNode networks = out.putArray("networks");
        for (ConfiguredNetwork n : config.networks()) {
            NetworkConfigList list = n.config();
            ObjectNode node = networks.addObject();
            node.put("ifName", n.ifName());
            node.put("name", list.name());
            node.put("cniVersion", list.cniVersion());
            node.put("disableCheck", list.disableCheck());
            node.put("disableGC", list.disableGC());
            node.put("loadOnlyInlinedPlugins", list.loadOnlyInlinedPlugins());
            ArrayNode plugins = node.putArray("plugins");
            for (PluginConfig p : list.plugins()) {
                ObjectNode pn = plugins.addObject();
                pn.put("type", p.type());
                pn.put("name", p.name());
                pn.put("cniVersion", p.cniVersion());
                ObjectNode caps = pn.putObject("capabilities");
                p.capabilities().forEach(caps::put);
                pn.put("ipamType", p.ipamType());
                pn.set("source", ToolJson.parseOrText(p.source()));
            }
            node.set("source", ToolJson.parseOrText(list.source()));
        }
        return out;
    }

    /**
     * Cached attachments, as an array of
     * <pre>{@code
     * {"containerId": "..", "network": "..", "ifName": "..", "netns": "..", "cniArgs": [["K", "V"]],
     *  "capabilityArgs": {..}, "config": {..}}
     * }</pre>
     * {@code capabilityArgs} and {@code config} are omitted when the cache entry has none.
     *
     * @param attachments the attachments
     * @return the JSON array
     */
    public static ArrayNode attachments(List<CachedAttachment> attachments) {
        ArrayNode out = ToolJson.array();
        for (CachedAttachment a : attachments) {
            ObjectNode node = out.addObject();
            node.put("containerId", a.containerId());
            node.put("network", a.network());
            node.put("ifName", a.ifName());
            node.put("netns", a.netns());
            ArrayNode args = node.putArray("cniArgs");
            a.cniArgs().forEach(e -> args.addArray().add(e.getKey()).add(e.getValue()));
            if (!a.capabilityArgsJson().isEmpty()) {
                node.set("capabilityArgs", ToolJson.parseOrText(a.capabilityArgsJson()));
            }
            if (!a.configJson().isEmpty()) {
                node.set("config", ToolJson.parseOrText(a.configJson()));
            }
        }
        return out;
    }

    /**
     * A plugin's VERSION answer: {@code {"cniVersion": "1.0.0", "supportedVersions": ["0.1.0", ..]}},
     * the versions in the plugin's order.
     *
     * @param info the answer
     * @return the JSON tree
     */
    public static ObjectNode versionInfo(VersionInfo info) {
        ObjectNode out = ToolJson.object().put("cniVersion", info.cniVersion());
        strings(out.putArray("supportedVersions"), info.supportedVersions());
        return out;
    }

    /**
     * A list of paths as a JSON array of strings.
     *
     * @param paths the paths
     * @return the array
     */
    public static ArrayNode paths(List<Path> paths) {
        ArrayNode out = ToolJson.array();
        paths.forEach(p -> out.add(p.toString()));
        return out;
    }

    private static void strings(ArrayNode target, List<String> values) {
        values.forEach(target::add);
    }
}
