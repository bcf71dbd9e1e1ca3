package io.cni4j.tool.internal.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The printed JSON parses back into the shapes the README documents. */
class JsonShapesTest {

    private static JsonNode printedAndParsed(JsonNode node) {
        return ToolJson.parse(ToolJson.pretty(node));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("result: interfaces by name with addresses, mac and sandbox; dns; routes")
    void result() {
        JsonNode json = printedAndParsed(JsonShapes.result(SampleValues.result()));
        assertThat(fieldNames(json)).containsExactly("interfaces", "dns", "routes");
        assertThat(fieldNames(json.get("interfaces"))).containsExactly("cni0", "eth0", "net1");
        JsonNode eth0 = json.at("/interfaces/eth0");
        assertThat(fieldNames(eth0)).containsExactly("addresses", "mac", "sandbox");
        assertThat(eth0.at("/addresses/0/address").asText()).isEqualTo("10.1.2.3/24");
        assertThat(eth0.at("/addresses/0/gateway").asText()).isEqualTo("10.1.2.1");
        assertThat(eth0.at("/addresses/1/address").asText()).isEqualTo("fd00::3/64");
        assertThat(eth0.at("/addresses/1").has("gateway")).isFalse();
        assertThat(eth0.get("mac").asText()).isEqualTo("0a:58:0a:01:02:03");
        assertThat(eth0.get("sandbox").asText()).isEqualTo("/run/netns/c1");
        assertThat(json.at("/interfaces/cni0/addresses").isArray()).isTrue();
        assertThat(json.at("/interfaces/cni0/addresses")).isEmpty();
        assertThat(json.at("/interfaces/cni0/sandbox").asText()).isEmpty();
        assertThat(json.at("/interfaces/net1/pciID").asText()).isEqualTo("0000:00:1f.6");
        assertThat(json.at("/interfaces/net1/socketPath").asText()).isEqualTo("/run/vhost.sock");

        assertThat(json.get("dns")).hasSize(2);
        JsonNode dns = json.at("/dns/0");
        assertThat(fieldNames(dns)).containsExactly("nameservers", "domain", "search", "options");
        assertThat(dns.at("/nameservers/0").asText()).isEqualTo("10.1.0.53");
        assertThat(dns.get("domain").asText()).isEqualTo("cluster.local");
        assertThat(dns.at("/search/0").asText()).isEqualTo("svc.cluster.local");
        assertThat(dns.at("/options/0").asText()).isEqualTo("ndots:5");
        assertThat(json.at("/dns/1/nameservers")).isEmpty();

        assertThat(fieldNames(json.at("/routes/0"))).containsExactly("dst", "gw");
        assertThat(json.at("/routes/0/dst").asText()).isEqualTo("0.0.0.0/0");
        assertThat(json.at("/routes/0/gw").asText()).isEqualTo("10.1.2.1");
        JsonNode route = json.at("/routes/1");
        assertThat(fieldNames(route)).containsExactly("dst", "mtu", "advmss", "priority", "table", "scope");
        assertThat(route.get("mtu").asInt()).isEqualTo(1400);
        assertThat(route.get("advmss").asInt()).isEqualTo(1360);
        assertThat(route.get("priority").asInt()).isEqualTo(10);
        assertThat(route.get("table").asInt()).isEqualTo(100);
        assertThat(route.get("scope").asInt()).isEqualTo(253);
    }

    @Test
    @DisplayName("an empty result still has its three keys")
    void emptyResult() {
        JsonNode json = printedAndParsed(JsonShapes.result(new io.cni4j.api.Result(null, null, null, null)));
        assertThat(fieldNames(json)).containsExactly("interfaces", "dns", "routes");
        assertThat(json.get("interfaces").isObject()).isTrue();
        assertThat(json.get("dns").isArray()).isTrue();
    }

    @Test
    @DisplayName("config: settings, then networks with their plugins and parsed sources")
    void config() {
        JsonNode json = printedAndParsed(JsonShapes.config(SampleValues.config()));
        assertThat(fieldNames(json)).containsExactly("pluginDirs", "confDir", "cacheDir", "maxConfNum",
                "interfacePrefix", "networks");
        assertThat(json.get("pluginDirs")).extracting(JsonNode::asText).containsExactly("/opt/cni/bin", "/usr/lib/cni");
        assertThat(json.get("confDir").asText()).isEqualTo("/etc/cni/net.d");
        assertThat(json.get("cacheDir").asText()).isEqualTo("/var/lib/cni");
        assertThat(json.get("maxConfNum").asInt()).isEqualTo(1);
        assertThat(json.get("interfacePrefix").asText()).isEqualTo("eth");
        JsonNode lo = json.at("/networks/0");
        assertThat(fieldNames(lo)).containsExactly("ifName", "name", "cniVersion", "disableCheck", "disableGC",
                "loadOnlyInlinedPlugins", "plugins", "source");
        assertThat(lo.get("ifName").asText()).isEqualTo("lo");
        assertThat(lo.at("/source/plugins/0/type").asText()).isEqualTo("loopback");
        JsonNode net = json.at("/networks/1");
        assertThat(net.get("disableCheck").asBoolean()).isTrue();
        assertThat(net.at("/plugins/0/ipamType").asText()).isEqualTo("host-local");
        assertThat(net.at("/plugins/0/source/ipam/type").asText()).isEqualTo("host-local");
        assertThat(net.at("/plugins/1/capabilities/portMappings").asBoolean()).isTrue();
        assertThat(net.get("source").isTextual()).as("a source that is not JSON is kept as a string").isTrue();
        assertThat(net.get("source").asText()).isEqualTo("not json");
    }

    @Test
    @DisplayName("attachments: an array; capabilityArgs and config only when cached")
    void attachments() {
        JsonNode json = printedAndParsed(JsonShapes.attachments(SampleValues.attachments()));
        assertThat(json.isArray()).isTrue();
        JsonNode first = json.get(0);
        assertThat(fieldNames(first)).containsExactly("containerId", "network", "ifName", "netns", "cniArgs",
                "capabilityArgs", "config");
        assertThat(first.at("/cniArgs/0/0").asText()).isEqualTo("K");
        assertThat(first.at("/cniArgs/0/1").asText()).isEqualTo("V");
        assertThat(first.at("/capabilityArgs/portMappings").isArray()).isTrue();
        assertThat(first.at("/config/name").asText()).isEqualTo("net");
        assertThat(fieldNames(json.get(1))).containsExactly("containerId", "network", "ifName", "netns", "cniArgs");
    }

    @Test
    @DisplayName("printed JSON is indented with two spaces and \"key\": value")
    void prettyFormat() {
        String text = ToolJson.pretty(ToolJson.object().put("a", 1).set("b", ToolJson.array().add("x")));
        assertThat(text).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}");
        assertThat(ToolJson.pretty(ToolJson.object().set("e", ToolJson.array()))).isEqualTo("{\n  \"e\": []\n}");
    }
}
