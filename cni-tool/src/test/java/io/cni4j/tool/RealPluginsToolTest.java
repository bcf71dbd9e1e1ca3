package io.cni4j.tool;

import static io.cni4j.tool.RealEnvironment.cni4j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.tool.RealEnvironment.Run;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real tool against the real plugins, as root inside the test JVM's private network and mount
 * namespace: setup / check / remove round trips, gc, version, and the exit statuses of real failures.
 */
class RealPluginsToolTest {

    @TempDir
    Path dir;

    private Path confDir;
    private Path cacheDir;
    private final List<String> globals = new ArrayList<>();

    @BeforeEach
    void dirs() throws IOException {
        RealEnvironment.require("bridge", "host-local", "loopback", "portmap");
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = Files.createDirectories(dir.resolve("cache"));
        globals.addAll(List.of("--conf-dir", confDir.toString(), "--cache-dir", cacheDir.toString(),
                "--plugin-dir", RealEnvironment.PLUGINS.toString()));
    }

    private Run tool(String... args) {
        List<String> all = new ArrayList<>(globals);
        all.addAll(List.of(args));
        return cni4j(all.toArray(String[]::new));
    }

    private void writeBridgeNetwork(String bridge, String subnet, boolean portmap) throws IOException {
        String plugins = "{\"type\": \"bridge\", \"bridge\": \"" + bridge + "\", \"isGateway\": true, "
                + "\"ipam\": {\"type\": \"host-local\", \"ranges\": [[{\"subnet\": \"" + subnet + "\"}]], "
                + "\"routes\": [{\"dst\": \"0.0.0.0/0\"}], \"dataDir\": \"" + dir.resolve("ipam") + "\"}}"
                + (portmap ? ", {\"type\": \"portmap\", \"capabilities\": {\"portMappings\": true}}" : "");
        Files.writeString(confDir.resolve("10-tooltest.conflist"),
                "{\"cniVersion\": \"1.0.0\", \"name\": \"tooltest\", \"plugins\": [" + plugins + "]}");
    }

    private static JsonNode json(Run run) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
        return ToolJson.parse(run.out());
    }

    private String createNetns(String name) {
        Run created = tool("netns", "create", name);
        return json(created).get("path").asText();
    }

    @ParameterizedTest(name = "--executor {0}")
    @ValueSource(strings = {"jna", "process"})
    @DisplayName("netns create, setup, check, attachments, config, remove, netns remove: the documented JSON all along")
    void roundTrip(String executor) throws IOException {
        globals.addAll(List.of("--executor", executor));
        writeBridgeNetwork("cni4j-tt0", "10.251.0.0/24", false);
        String netns = createNetns("tooltest-rt");
        assertThat(netns).isEqualTo("/run/netns/tooltest-rt");

        JsonNode result = json(tool("setup", "rt1", netns));
        JsonNode eth0 = result.at("/interfaces/eth0");
        assertThat(eth0.get("sandbox").asText()).isEqualTo(netns);
        assertThat(eth0.get("mac").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(eth0.at("/addresses/0/address").asText()).startsWith("10.251.0.").endsWith("/24");
        assertThat(eth0.at("/addresses/0/gateway").asText()).isEqualTo("10.251.0.1");
        assertThat(result.at("/interfaces/lo/addresses/0/address").asText()).isEqualTo("127.0.0.1/8");
        assertThat(result.get("dns").isArray()).isTrue();
        assertThat(result.get("routes")).extracting(r -> r.get("dst").asText()).contains("0.0.0.0/0");

        assertThat(tool("check", "rt1", "tooltest-rt").status()).isZero();

        JsonNode attachments = json(tool("attachments", "rt1"));
        assertThat(attachments).extracting(a -> a.get("network").asText() + "/" + a.get("ifName").asText())
                .containsExactlyInAnyOrder("cni-loopback/lo", "tooltest/eth0");

        JsonNode config = json(tool("config"));
        assertThat(config.get("networks")).extracting(n -> n.get("name").asText())
                .containsExactly("cni-loopback", "tooltest");
        assertThat(config.get("confDir").asText()).isEqualTo(confDir.toString());

        Run removed = tool("remove", "rt1", netns, "--output", "table");
        assertThat(removed.status()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("removed rt1\n");
        assertThat(json(tool("attachments"))).isEmpty();

        assertThat(tool("netns", "remove", "tooltest-rt").status()).isZero();
        assertThat(json(tool("netns", "list"))).extracting(n -> n.get("name").asText()).doesNotContain("tooltest-rt");
        assertThat(Path.of(netns)).doesNotExist();
    }

    @Test
    @DisplayName("setup --port reaches portmap: the cached capability args hold the mapping")
    void portMappings() throws IOException {
        writeBridgeNetwork("cni4j-tt1", "10.252.0.0/24", true);
        String netns = createNetns("tooltest-pm");
        assertThat(json(tool("setup", "pm1", netns, "--port", "8080:80/tcp")).at("/interfaces/eth0/sandbox").asText())
                .isEqualTo(netns);
        JsonNode attachment = json(tool("attachments", "pm1")).findParent("capabilityArgs");
        assertThat(attachment).isNotNull();
        JsonNode mapping = attachment.at("/capabilityArgs/portMappings/0");
        assertThat(mapping.get("hostPort").asInt()).isEqualTo(8080);
        assertThat(mapping.get("containerPort").asInt()).isEqualTo(80);
        assertThat(mapping.get("protocol").asText()).isEqualTo("tcp");
        assertThat(tool("remove", "pm1", netns, "--port", "8080:80/tcp").status()).isZero();
        assertThat(tool("netns", "remove", netns).status()).isZero();
    }

    @Test
    @DisplayName("gc keeps the attachments listed with --valid and removes the others")
    void gc() throws IOException {
        writeBridgeNetwork("cni4j-tt2", "10.253.0.0/24", false);
        String keep = createNetns("tooltest-gc1");
        String drop = createNetns("tooltest-gc2");
        json(tool("setup", "gc1", keep));
        json(tool("setup", "gc2", drop));
        Run gc = tool("gc", "--valid", "gc1:eth0", "--valid", "gc1:lo");
        assertThat(gc.status()).as(gc.err()).isZero();
        assertThat(json(tool("attachments"))).extracting(a -> a.get("containerId").asText()).containsOnly("gc1");
        assertThat(tool("remove", "gc1", keep).status()).isZero();
        tool("netns", "remove", keep);
        tool("netns", "remove", drop);
    }

    @Test
    @DisplayName("version prints the plugin's VERSION answer")
    void version() {
        JsonNode answer = json(tool("version", "bridge"));
        assertThat(answer.get("supportedVersions")).extracting(JsonNode::asText).contains("0.4.0", "1.0.0");
        Run table = tool("version", "bridge", "--output", "table");
        assertThat(table.out()).contains("bridge").contains("1.0.0");
    }

    @Test
    @DisplayName("an empty conf dir is not initialized: exit 3 with the error JSON")
    void notInitialized() {
        Run run = tool("setup", "x1", "/run/netns/none");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains(confDir.toString());
        assertThat(ToolJson.parse(run.out()).get("exitStatus").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("a plugin failure exits 1 with plugin, verb and code on stderr and in the error JSON")
    void pluginError() throws IOException {
        Files.writeString(confDir.resolve("10-broken.conflist"), "{\"cniVersion\": \"1.0.0\", \"name\": \"broken\", "
                + "\"plugins\": [{\"type\": \"bridge\", \"bridge\": \"this-bridge-name-is-far-too-long\"}]}");
        String netns = createNetns("tooltest-err");
        Run run = tool("setup", "err1", netns);
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("bridge").contains("verb ADD").contains("code ");
        JsonNode error = ToolJson.parse(run.out()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("PluginErrorException");
        assertThat(error.get("plugin").asText()).isEqualTo("bridge");
        assertThat(error.get("verb").asText()).isEqualTo("ADD");
        assertThat(error.get("network").asText()).isEqualTo("broken");
        assertThat(error.has("code")).isTrue();
        tool("remove", "err1", netns);
        tool("netns", "remove", netns);
    }

    @Test
    @DisplayName("a plugin that runs past --timeout exits 4")
    void timeout() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path sleepy = Files.writeString(plugins.resolve("sleepy"), "#!/bin/sh\nexec sleep 30\n");
        assertThat(sleepy.toFile().setExecutable(true)).isTrue();
        Files.writeString(confDir.resolve("10-slow.conflist"), "{\"cniVersion\": \"1.0.0\", \"name\": \"slow\", "
                + "\"plugins\": [{\"type\": \"sleepy\"}]}");
        Run run = cni4j("--conf-dir", confDir.toString(), "--cache-dir", cacheDir.toString(), "--plugin-dir",
                plugins.toString(), "--no-loopback", "--timeout", "1s", "setup", "slow1", "/run/netns/none");
        assertThat(run.status()).as(run.err()).isEqualTo(4);
        assertThat(ToolJson.parse(run.out()).get("exitStatus").asInt()).isEqualTo(4);
    }

    @Test
    @DisplayName("usage errors exit 2 from the real entry point too")
    void usage() {
        Run run = cni4j("setup", "only-an-id");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("cni4j: missing NETNS");
    }
}
