package io.cni4j.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestConfigTest {

    private static final String PREV = "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"eth0\",\"mac\":\"0a:58\"}],"
            + "\"ips\":[{\"interface\":0,\"address\":\"10.1.0.2/16\",\"gateway\":\"10.1.0.1\"}],\"dns\":{}}";

    private static PluginConfig plugin(String source, Map<String, Boolean> capabilities) throws Exception {
        return new PluginConfig(Json.parse(source).path("type").asText(""), "", "", capabilities, "", source);
    }

    /** The request as a sorted copy of the whole tree, what RequestConfig wrote before it kept plugin JSON. */
    private static String reference(String listName, String version, PluginConfig plugin, JsonNode prev,
                                    RuntimeConf rt, List<GcAttachment> valid, boolean gc) throws Exception {
        ObjectNode conf = (ObjectNode) Json.parse(plugin.source());
        conf.put("name", listName);
        conf.put("cniVersion", version);
        if (prev != null) {
            conf.set("prevResult", prev);
        }
        if (rt != null) {
            ObjectNode runtimeConfig = Json.object();
            plugin.capabilities().forEach((cap, on) -> {
                if (on && rt.capability(cap) != null) {
                    runtimeConfig.set(cap, rt.capability(cap));
                }
            });
            if (!runtimeConfig.isEmpty()) {
                conf.set("runtimeConfig", runtimeConfig);
            }
        }
        if (gc && valid != null) {
            ArrayNode list = Json.nodes().arrayNode();
            valid.forEach(a -> list.addObject().put("containerID", a.containerId()).put("ifname", a.ifName()));
            conf.set("cni.dev/valid-attachments", list);
            conf.set("cni.dev/attachments", list.deepCopy());
        }
        return new String(Json.write(Json.sorted(conf)), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"bridge\",\"bridge\":\"cni0\",\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"10.1.0.0/16\","
                + "\"gateway\":\"10.1.0.1\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]},\"isGateway\":true,\"mtu\":1500}",
        "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true,\"bandwidth\":false},\"snat\":true}",
        "{\"type\":\"x\",\"name\":\"own\",\"cniVersion\":\"0.3.1\",\"prevResult\":{\"own\":1},\"runtimeConfig\":{\"own\":2},"
                + "\"a\":1,\"nameA\":[1,{\"z\":1,\"b\":null}],\"prevResult0\":\"p\",\"Z\":-1.50e+3,\"é\":\"\\u00e9\\n\"}",
        "{\"type\":\"tuning\"}",
        "{}",
    })
    @DisplayName("requests are the plugin's JSON with the injected fields, keys sorted, as a sorted copy of it would be")
    void sameAsSortedCopy(String source) throws Exception {
        PluginConfig plugin = plugin(source, Map.of("portMappings", true, "bandwidth", false, "own", true));
        ObjectNode caps = (ObjectNode) Json.parse("{\"portMappings\":[{\"hostPort\":8080,\"containerPort\":80}],"
                + "\"bandwidth\":{\"ingressRate\":1},\"own\":{\"b\":1,\"a\":2}}");
        RuntimeConf rt = new RuntimeConf("c1", "/run/netns/c1", "eth0", List.of(), caps);
        RuntimeConf none = new RuntimeConf("c1", "/run/netns/c1", "eth0", List.of(), Json.object());
        JsonNode prev = Json.parse(PREV);
        RequestConfig requests = new RequestConfig();
        List<GcAttachment> valid = List.of(new GcAttachment("c2", "eth0"), new GcAttachment("c1", "eth1"));

        for (int round = 0; round < 2; round++) { // the second round uses the kept plugin JSON
            assertThat(text(requests.forAttachment("net", "1.0.0", plugin, null, rt)))
                    .isEqualTo(reference("net", "1.0.0", plugin, null, rt, null, false));
            assertThat(text(requests.forAttachment("net", "1.0.0", plugin, prev, rt)))
                    .isEqualTo(reference("net", "1.0.0", plugin, prev, rt, null, false));
            assertThat(text(requests.forAttachment("other", "0.4.0", plugin, prev, none)))
                    .isEqualTo(reference("other", "0.4.0", plugin, prev, none, null, false));
            assertThat(text(requests.forStatus("net", "1.1.0", plugin)))
                    .isEqualTo(reference("net", "1.1.0", plugin, null, null, null, false));
            assertThat(text(requests.forGc("net", "1.1.0", plugin, valid)))
                    .isEqualTo(reference("net", "1.1.0", plugin, null, null, valid, true));
            assertThat(text(requests.forGc("net", "1.1.0", plugin, null)))
                    .isEqualTo(reference("net", "1.1.0", plugin, null, null, null, true));
        }
        assertThat(prev).isEqualTo(Json.parse(PREV));
    }

    @Test
    @DisplayName("a plugin JSON that does not parse or is not an object is refused, naming plugin and network, every time")
    void invalidPluginJson() throws Exception {
        RequestConfig requests = new RequestConfig();
        RuntimeConf rt = new RuntimeConf("c1", "", "eth0", List.of(), Json.object());
        PluginConfig broken = new PluginConfig("bridge", "", "", Map.of(), "", "{\"type\":");
        PluginConfig array = new PluginConfig("bridge", "", "", Map.of(), "", "[1]");
        for (int round = 0; round < 2; round++) {
            assertThatThrownBy(() -> requests.forAttachment("net", "1.0.0", broken, null, rt))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageStartingWith("unmarshal existing network bytes of plugin \"bridge\" in network \"net\": ");
            assertThatThrownBy(() -> requests.forStatus("net", "1.0.0", array))
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessage("plugin \"bridge\" in network \"net\" is not a JSON object");
        }
    }
}
