package io.cni4j.core;

import static io.cni4j.core.ResultExamples.bytes;
import static io.cni4j.core.ResultExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input for every version: each error names the field and what is wrong with it. */
class CniResultsInvalidInputTest {

    static Stream<Arguments> badFields() {
        return Stream.of(
                // 0.1.0 / 0.2.0
                Arguments.of("0.2.0", "{\"ip4\":{}}", "ip4.ip: missing"),
                Arguments.of("0.1.0", "{\"ip6\":{\"gateway\":\"::1\"}}", "ip6.ip: missing"),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":5}}", "ip4.ip: expected a CIDR string, got a number"),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":null}}", "ip4.ip: expected a CIDR string, got null"),
                Arguments.of("0.2.0", "{\"ip4\":\"10.0.0.1/24\"}", "ip4: expected an object, got a string"),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":\"10.0.0.1\"}}", "ip4.ip: invalid CIDR address: \"10.0.0.1\""),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":\"10.0.0.1/24\",\"gateway\":\"10.0.0\"}}",
                        "ip4.gateway: invalid IP address: \"10.0.0\""),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":\"10.0.0.1/24\",\"routes\":[{\"gw\":\"10.0.0.1\"}]}}",
                        "ip4.routes[0].dst: missing"),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":\"10.0.0.1/24\",\"routes\":{}}}",
                        "ip4.routes: expected an array, got an object"),
                Arguments.of("0.2.0", "{\"ip6\":{\"ip\":\"2001:db8::1/64\",\"routes\":[{\"dst\":\"::/0\"},{\"dst\":\"::/129\"}]}}",
                        "ip6.routes[1].dst: invalid CIDR address: \"::/129\""),
                Arguments.of("0.2.0", "{\"ip6\":{\"ip\":\"10.0.0.1/24\"}}",
                        "ip6.ip: expected an IPv6 address, got \"10.0.0.1/24\""),
                Arguments.of("0.1.0", "{\"ip4\":{\"ip\":\"fd00::1/64\"}}", "ip4.ip: expected an IPv4 address, got \"fd00::1/64\""),
                Arguments.of("0.2.0", "{\"ip4\":{\"ip\":\"10.0.0.1/24\",\"routes\":[{\"dst\":\"10.1.0.0/16\"},{\"dst\":\"::/0\"}]}}",
                        "ip4.routes[1].dst: expected an IPv4 destination, got \"::/0\""),
                Arguments.of("0.2.0", "{\"dns\":[]}", "dns: expected an object, got an array"),
                Arguments.of("0.2.0", "{\"dns\":{\"nameservers\":\"1.1.1.1\"}}", "dns.nameservers: expected an array, got a string"),
                Arguments.of("0.2.0", "{\"dns\":{\"search\":[\"a\",1]}}", "dns.search[1]: expected a string, got a number"),
                // 0.3.x / 0.4.0
                Arguments.of("0.4.0", "{\"ips\":[{\"version\":\"4\",\"address\":5}]}",
                        "ips[0].address: expected a CIDR string, got a number"),
                Arguments.of("0.4.0", "{\"ips\":[{\"version\":4,\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].version: expected a string, got a number"),
                Arguments.of("0.3.1", "{\"ips\":[{\"version\":\"4\"}]}", "ips[0].address: missing"),
                Arguments.of("0.3.0", "{\"ips\":[{\"address\":\"10.0.0.1/24\"},{\"address\":\"x\"}]}",
                        "ips[1].address: invalid CIDR address: \"x\""),
                Arguments.of("0.4.0", "{\"ips\":[{\"interface\":\"0\",\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].interface: expected an integer, got a string"),
                Arguments.of("0.4.0", "{\"ips\":[{\"interface\":1.5,\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].interface: expected an integer, got 1.5"),
                Arguments.of("0.4.0", "{\"ips\":[{\"interface\":-1,\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].interface: interface index -1 is negative"),
                Arguments.of("0.4.0", "{\"ips\":[{\"interface\":2147483648,\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].interface: integer 2147483648 is out of range"),
                Arguments.of("0.4.0", "{\"ips\":[{\"interface\":99999999999999999999999,\"address\":\"10.0.0.1/24\"}]}",
                        "ips[0].interface: integer 99999999999999999999999 is out of range"),
                Arguments.of("0.4.0", "{\"ips\":[null]}", "ips[0]: expected an object, got null"),
                Arguments.of("0.4.0", "{\"ips\":{}}", "ips: expected an array, got an object"),
                Arguments.of("0.4.0", "{\"interfaces\":[{\"name\":1}]}", "interfaces[0].name: expected a string, got a number"),
                Arguments.of("0.4.0", "{\"interfaces\":\"eth0\"}", "interfaces: expected an array, got a string"),
                Arguments.of("0.4.0", "{\"interfaces\":[{\"name\":\"eth0\",\"sandbox\":{}}]}",
                        "interfaces[0].sandbox: expected a string, got an object"),
                Arguments.of("0.4.0", "{\"routes\":[{\"dst\":\"10.0.0.0/8\",\"gw\":\"fe80::1%eth0\"}]}",
                        "routes[0].gw: invalid IP address: \"fe80::1%eth0\""),
                Arguments.of("0.4.0", "{\"routes\":[{\"dst\":\"10.0.0.0/8\",\"table\":true}]}",
                        "routes[0].table: expected an integer, got a boolean"),
                // 1.0.0 / 1.1.0
                Arguments.of("1.1.0", "{\"interfaces\":[{\"name\":\"eth0\",\"mtu\":\"1500\"}]}",
                        "interfaces[0].mtu: expected an integer, got a string"),
                Arguments.of("1.1.0", "{\"interfaces\":[{\"name\":\"eth0\",\"mtu\":1e3}]}",
                        "interfaces[0].mtu: expected an integer, got 1E+3"),
                Arguments.of("1.0.0", "{\"interfaces\":[{\"name\":\"eth0\",\"pciID\":1}]}",
                        "interfaces[0].pciID: expected a string, got a number"),
                Arguments.of("1.0.0", "{\"interfaces\":[{\"name\":\"eth0\",\"socketPath\":[]}]}",
                        "interfaces[0].socketPath: expected a string, got an array"),
                Arguments.of("1.1.0", "{\"routes\":[{\"dst\":\"10.0.0.0/8\",\"scope\":\"link\"}]}",
                        "routes[0].scope: expected an integer, got a string"),
                Arguments.of("1.1.0", "{\"routes\":[{\"dst\":\"10.0.0.0/33\"}]}",
                        "routes[0].dst: invalid CIDR address: \"10.0.0.0/33\""),
                Arguments.of("1.1.0", "{\"routes\":[{\"dst\":\"10.0.0.0/8\",\"priority\":99999999999}]}",
                        "routes[0].priority: integer 99999999999 is out of range"),
                Arguments.of("1.1.0", "{\"routes\":[{\"dst\":\"10.0.0.0/8\",\"advmss\":\"x\"}]}",
                        "routes[0].advmss: expected an integer, got a string"),
                Arguments.of("1.1.0", "{\"ips\":[{\"address\":\"01.2.3.4/8\"}]}", "ips[0].address: invalid CIDR address: \"01.2.3.4/8\""),
                Arguments.of("1.1.0", "{\"ips\":[{\"address\":\"fe80::1%eth0/64\"}]}",
                        "ips[0].address: invalid CIDR address: \"fe80::1%eth0/64\""),
                Arguments.of("1.1.0", "{\"ips\":[{\"address\":\"10.0.0.1/24\",\"gateway\":5}]}",
                        "ips[0].gateway: expected a string, got a number"),
                Arguments.of("1.1.0", "{\"ips\":[{\"address\":\"10.0.0.1/24\",\"gateway\":\"10.0.0.01\"}]}",
                        "ips[0].gateway: invalid IP address: \"10.0.0.01\""),
                Arguments.of("1.1.0", "{\"ips\":[{\"address\":\"10.0.0.1/24\",\"interface\":-3}]}",
                        "ips[0].interface: interface index -3 is negative"),
                Arguments.of("1.0.0", "{\"dns\":{\"domain\":5}}", "dns.domain: expected a string, got a number"),
                Arguments.of("1.0.0", "{\"dns\":{\"options\":[[]]}}", "dns.options[0]: expected a string, got an array"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFields")
    @DisplayName("a bad field is an InvalidResultException naming its path, from every entry point")
    void badField(String version, String body, String message) {
        String json = "{\"cniVersion\":\"" + version + "\"," + body.substring(1);
        assertThatThrownBy(() -> CniResults.parse(bytes(json)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> CniResults.parse(version, bytes(json)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> CniResults.fromPluginOutput(version, bytes(body)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("a cniVersion that is not a string is refused when the version is read from the document")
    void versionNotAString() {
        assertThatThrownBy(() -> CniResults.parse(bytes("{\"cniVersion\":1.1}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("cniVersion: expected a string, got a number");
        assertThatThrownBy(() -> CniResults.parse("1.1.0", bytes("{\"cniVersion\":[]}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("cniVersion: expected a string, got an array");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "not json", "{", "{\"cniVersion\":\"1.1.0\"} {}", "{\"cniVersion\":\"1.1.0\",\"cniVersion\":\"1.0.0\"}",
        "{'cniVersion':'1.1.0'}", "{\"cniVersion\":\"1.1.0\",}"})
    @DisplayName("text that is not one JSON value is refused")
    void notJson(String text) {
        assertThatThrownBy(() -> CniResults.parse(bytes(text)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result is not valid JSON: ");
        assertThatThrownBy(() -> CniResults.parse("1.1.0", bytes(text)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result is not valid JSON: ");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are refused")
    void notUtf8() {
        byte[] latin1 = {'{', '"', 'd', 'n', 's', '"', ':', '{', '"', 'd', 'o', 'm', 'a', 'i', 'n', '"', ':', '"', (byte) 0xe9, '"', '}', '}'};

        assertThatThrownBy(() -> CniResults.parse(latin1))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result is not valid JSON: ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "[]", "[{\"cniVersion\":\"1.1.0\"}]", "\"1.1.0\"", "42", "true"})
    @DisplayName("JSON that is not an object is refused by parse")
    void notAnObject(String text) {
        assertThatThrownBy(() -> CniResults.parse(bytes(text)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result must be a JSON object, got ");
        assertThatThrownBy(() -> CniResults.parse("0.2.0", bytes(text)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result must be a JSON object, got ");
    }

    @Test
    @DisplayName("nesting deeper than the JSON limit is refused, not a stack overflow")
    void deepNesting() {
        String deep = "{\"cniVersion\":\"1.1.0\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> CniResults.parse(bytes(deep)))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("result is not valid JSON: ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.2.0", "0.4.0", "1.1.0"})
    @DisplayName("huge arrays parse and write back")
    void hugeArrays(String version) throws Exception {
        int count = 100_000;
        StringBuilder json = new StringBuilder("{\"cniVersion\":\"").append(version).append('"');
        if (version.equals("0.2.0")) {
            json.append(",\"ip4\":{\"ip\":\"10.0.0.1/8\",\"routes\":[");
            appendRoutes(json, count);
            json.append("]}");
        } else {
            json.append(",\"interfaces\":[{\"name\":\"eth0\"}],\"ips\":[");
            for (int i = 0; i < count; i++) {
                json.append(i == 0 ? "" : ",").append("{\"interface\":0,\"address\":\"10.")
                        .append(i >> 16).append('.').append((i >> 8) & 0xff).append('.').append(i & 0xff).append("/8\"}");
            }
            json.append("],\"routes\":[");
            appendRoutes(json, count);
            json.append("]");
        }
        json.append(",\"dns\":{\"nameservers\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"10.0.0.").append(i % 250).append('"');
        }
        json.append("]}}");

        CniResult result = CniResults.parse(bytes(json.toString()));

        assertThat(result.routes()).hasSize(count);
        assertThat(result.dns().nameservers()).hasSize(count);
        if (!version.equals("0.2.0")) {
            assertThat(result.ips()).hasSize(count);
            assertThat(result.ips().get(count - 1).address().toString()).isEqualTo("10.1.134.159/8");
        }
        String normalized = json.toString().replace("\"interface\":0,", version.equals("0.4.0") ? "\"version\":\"4\",\"interface\":0," : "\"interface\":0,");
        assertThat(tree(CniResults.write(result))).isEqualTo(tree(normalized));
    }

    private static void appendRoutes(StringBuilder json, int count) {
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"dst\":\"192.").append(i >> 16).append('.')
                    .append((i >> 8) & 0xff).append('.').append(i & 0xff).append("/32\"}");
        }
    }

    @Test
    @DisplayName("a result with many interfaces and addresses merges without trouble")
    void hugeMerge() throws Exception {
        StringBuilder json = new StringBuilder("{\"cniVersion\":\"1.1.0\",\"interfaces\":[");
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"if").append(i).append("\"}");
        }
        json.append("],\"ips\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"interface\":").append(i)
                    .append(",\"address\":\"10.0.").append(i >> 8).append('.').append(i & 0xff).append("/16\"}");
        }
        json.append("]}");

        var merged = CniResults.merge(List.of(CniResults.parse(bytes(json.toString()))), "eth");

        assertThat(merged.interfaces()).hasSize(count + 1);
        assertThat(merged.interfaces().get("if9999").addresses()).hasSize(1);
    }
}
