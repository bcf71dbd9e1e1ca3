package io.cni4j.testkit;

import static io.cni4j.testkit.FakePluginExecutorTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.testkit.internal.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeBridgePluginTest {

    private final FakeBridgePlugin bridge = FakePlugins.bridge();
    private final FakePluginExecutor executor = new FakePluginExecutor().register("bridge", bridge);

    private static String conf(String version) {
        return "{\"cniVersion\":\"" + version + "\",\"name\":\"net\",\"type\":\"bridge\"}";
    }

    private JsonNode add(String stdin) throws Exception {
        ExecResult result = executor.run(request("bridge", "ADD", stdin));
        assertThat(result.exitCode()).as("exit of ADD: %s", result.stdoutText()).isZero();
        return JsonTrees.parse(result.stdoutText());
    }

    private ExecResult run(String command, String container, String stdin) throws Exception {
        return executor.run(new ExecRequest(Path.of("/bin/bridge"), stdin.getBytes(StandardCharsets.UTF_8),
                List.of("CNI_COMMAND=" + command, "CNI_CONTAINERID=" + container, "CNI_NETNS=/run/netns/" + container,
                        "CNI_IFNAME=eth0"), Duration.ofSeconds(10), 1 << 20));
    }

    @Test
    @DisplayName("1.x: bridge, veth and container interface; address, gateway, default route; no version, no empty dns")
    void resultV1() throws Exception {
        JsonNode result = add(conf("1.0.0"));
        assertThat(result.path("cniVersion").asText()).isEqualTo("1.0.0");
        assertThat(result.path("interfaces")).hasSize(3);
        assertThat(result.at("/interfaces/0/name").asText()).isEqualTo("cni0");
        assertThat(result.at("/interfaces/1/name").asText()).startsWith("veth");
        assertThat(result.at("/interfaces/2/name").asText()).isEqualTo("eth0");
        assertThat(result.at("/interfaces/2/sandbox").asText()).isEqualTo("/run/netns/c1");
        assertThat(result.at("/interfaces/2/mac").asText()).isEqualTo("0a:58:0a:16:00:02");
        assertThat(JsonTrees.text(result.path("ips")))
                .isEqualTo("[{\"interface\":2,\"address\":\"10.22.0.2/16\",\"gateway\":\"10.22.0.1\"}]");
        assertThat(JsonTrees.text(result.path("routes"))).isEqualTo("[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.22.0.1\"}]");
        assertThat(result.has("dns")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.3.0", "0.3.1", "0.4.0"})
    @DisplayName("0.3.x/0.4.0: ips carry version and dns is always present")
    void resultV04(String version) throws Exception {
        JsonNode result = add(conf(version));
        assertThat(result.path("cniVersion").asText()).isEqualTo(version);
        assertThat(JsonTrees.text(result.path("ips")))
                .isEqualTo("[{\"version\":\"4\",\"interface\":2,\"address\":\"10.22.0.2/16\",\"gateway\":\"10.22.0.1\"}]");
        assertThat(JsonTrees.text(result.path("dns"))).isEqualTo("{}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1.0", "0.2.0"})
    @DisplayName("0.1.0/0.2.0: the ip4 shape without interfaces")
    void resultLegacy(String version) throws Exception {
        JsonNode result = add(conf(version));
        assertThat(JsonTrees.text(result)).isEqualTo("{\"cniVersion\":\"" + version + "\",\"ip4\":{\"ip\":\"10.22.0.2/16\","
                + "\"gateway\":\"10.22.0.1\",\"routes\":[{\"dst\":\"0.0.0.0/0\",\"gw\":\"10.22.0.1\"}]},\"dns\":{}}");
    }

    @Test
    @DisplayName("addresses are handed out in order, remembered per container and interface, and released on DEL")
    void pool() throws Exception {
        assertThat(JsonTrees.parse(run("ADD", "a", conf("1.0.0")).stdoutText()).at("/ips/0/address").asText()).isEqualTo("10.22.0.2/16");
        assertThat(JsonTrees.parse(run("ADD", "b", conf("1.0.0")).stdoutText()).at("/ips/0/address").asText()).isEqualTo("10.22.0.3/16");
        assertThat(JsonTrees.parse(run("ADD", "a", conf("1.0.0")).stdoutText()).at("/ips/0/address").asText())
                .as("repeated ADD").isEqualTo("10.22.0.2/16");
        assertThat(bridge.addressOf("b", "eth0")).contains(IpPrefix.parse("10.22.0.3/16"));
        assertThat(run("DEL", "a", conf("1.0.0")).exitCode()).isZero();
        assertThat(run("DEL", "a", conf("1.0.0")).exitCode()).as("repeated DEL").isZero();
        assertThat(bridge.addressOf("a", "eth0")).isEmpty();
        assertThat(JsonTrees.parse(run("ADD", "c", conf("1.0.0")).stdoutText()).at("/ips/0/address").asText())
                .as("released address is reused").isEqualTo("10.22.0.2/16");
        assertThat(bridge.allocationCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("CHECK succeeds for an attached container and fails with code 3 otherwise")
    void check() throws Exception {
        run("ADD", "a", conf("1.0.0"));
        assertThat(run("CHECK", "a", conf("1.0.0")).exitCode()).isZero();
        ExecResult unknown = run("CHECK", "zz", conf("1.0.0"));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(JsonTrees.parse(unknown.stdoutText()).path("code").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("GC releases every address not in cni.dev/valid-attachments")
    void gc() throws Exception {
        run("ADD", "a", conf("1.1.0"));
        run("ADD", "b", conf("1.1.0"));
        ExecResult gc = run("GC", "", "{\"cniVersion\":\"1.1.0\",\"name\":\"net\",\"type\":\"bridge\","
                + "\"cni.dev/valid-attachments\":[{\"containerID\":\"b\",\"ifname\":\"eth0\"}]}");
        assertThat(gc.exitCode()).isZero();
        assertThat(bridge.addressOf("a", "eth0")).isEmpty();
        assertThat(bridge.addressOf("b", "eth0")).isPresent();
    }

    @Test
    @DisplayName("ipam.subnet, bridge and dns come from the config")
    void configKnobs() throws Exception {
        JsonNode result = add("{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"bridge\",\"bridge\":\"br9\","
                + "\"ipam\":{\"subnet\":\"fd00:22::/64\"},\"dns\":{\"nameservers\":[\"fd00:22::1\"],\"search\":[\"x.test\"]}}");
        assertThat(result.at("/interfaces/0/name").asText()).isEqualTo("br9");
        assertThat(result.at("/ips/0/address").asText()).isEqualTo("fd00:22::2/64");
        assertThat(result.at("/ips/0/gateway").asText()).isEqualTo("fd00:22::1");
        assertThat(result.at("/routes/0/dst").asText()).isEqualTo("::/0");
        assertThat(JsonTrees.text(result.path("dns"))).isEqualTo("{\"nameservers\":[\"fd00:22::1\"],\"search\":[\"x.test\"]}");
    }

    @Test
    @DisplayName("chained after another plugin, the prevResult comes first and own indices are shifted")
    void chained() throws Exception {
        JsonNode result = add("{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"type\":\"bridge\",\"prevResult\":{"
                + "\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\"lo\"}],\"ips\":[{\"interface\":0,\"address\":\"127.0.0.1/8\"}],"
                + "\"dns\":{\"nameservers\":[\"1.1.1.1\"]}}}");
        assertThat(result.at("/interfaces/0/name").asText()).isEqualTo("lo");
        assertThat(result.path("interfaces")).hasSize(4);
        assertThat(result.at("/ips/0/address").asText()).isEqualTo("127.0.0.1/8");
        assertThat(result.at("/ips/1/interface").asInt()).isEqualTo(3);
        assertThat(result.at("/dns/nameservers/0").asText()).isEqualTo("1.1.1.1");
    }

    @Test
    @DisplayName("bad input gets the reference plugins' codes: 6 for non-JSON, 1 for a bad version, 4 for missing env, 7 for a bad subnet")
    void errors() throws Exception {
        assertThat(code(executor.run(request("bridge", "ADD", "garbage")))).isEqualTo(6);
        assertThat(code(executor.run(request("bridge", "ADD", conf("9.9.9"))))).isEqualTo(1);
        assertThat(code(run("ADD", "", conf("1.0.0")))).isEqualTo(4);
        assertThat(code(executor.run(request("bridge", "ADD",
                "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"ipam\":{\"subnet\":\"nope\"}}")))).isEqualTo(7);
    }

    @Test
    @DisplayName("an exhausted pool fails with code 999")
    void exhausted() throws Exception {
        FakeBridgePlugin tiny = FakePlugins.bridge("10.9.0.0/30");
        FakePluginExecutor small = new FakePluginExecutor().register("bridge", tiny);
        assertThat(small.run(request("bridge", "ADD", conf("1.0.0"))).exitCode()).isZero();
        ExecResult second = small.run(new ExecRequest(Path.of("/bin/bridge"), conf("1.0.0").getBytes(StandardCharsets.UTF_8),
                List.of("CNI_COMMAND=ADD", "CNI_CONTAINERID=other", "CNI_NETNS=/x", "CNI_IFNAME=eth0"),
                Duration.ofSeconds(5), 1 << 20));
        assertThat(code(second)).isEqualTo(999);
    }

    private static int code(ExecResult result) {
        assertThat(result.exitCode()).as("exit of a failing plugin").isEqualTo(1);
        return JsonTrees.parse(result.stdoutText()).path("code").asInt();
    }
}
