package io.cni4j.core;

import static io.cni4j.core.ResultExamples.bytes;
import static io.cni4j.core.ResultExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Route;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing and writing every result version. A20 (the JSON shapes of §4.3&ndash;4.5): the reference
 * examples round-trip ({@code examplesRoundTrip}), and every optional field is left out or written as
 * libcni does (the other tests whose display names start with A20).
 */
class CniResultsParseWriteTest {

    static List<String> versions() {
        return ResultExamples.VERSIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    @DisplayName("A20: the reference example of each version parses and writes back to the same JSON")
    void examplesRoundTrip(String version) throws Exception {
        String json = ResultExamples.example(version);

        CniResult result = CniResults.parse(bytes(json));

        assertThat(result.cniVersion()).isEqualTo(version);
        assertThat(tree(CniResults.write(result))).isEqualTo(tree(json));
        assertThat(CniResults.parse(version, bytes(json))).isEqualTo(result);
    }

    @Test
    @DisplayName("A20: 0.2.0: ip4 and ip6 become addresses without interface index, IPv4 routes first")
    void reads020() throws Exception {
        CniResult result = CniResults.parse(bytes(ResultExamples.v020("0.2.0")));

        assertThat(result.interfaces()).isEmpty();
        assertThat(result.ips()).containsExactly(
                new IpConfig(null, IpPrefix.parse("1.2.3.30/24"), IpAddresses.parse("1.2.3.1")),
                new IpConfig(null, IpPrefix.parse("abcd:1234:ffff::cdde/64"), IpAddresses.parse("abcd:1234:ffff::1")));
        assertThat(result.routes()).containsExactly(
                Route.of(IpPrefix.parse("15.5.6.0/24"), IpAddresses.parse("15.5.6.8")),
                Route.of(IpPrefix.parse("1111:dddd::/80"), IpAddresses.parse("1111:dddd::aaaa")));
        assertThat(result.dns()).isEqualTo(new Dns(List.of("1.2.3.4", "1::cafe"), "acompany.com",
                List.of("somedomain.com", "otherdomain.net"), List.of("foo", "bar")));
    }

    @Test
    @DisplayName("0.2.0: ip6 listed before ip4 in the document still yields IPv4 first")
    void reads020InFamilyOrder() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"0.2.0","ip6":{"ip":"2001:db8::5/64","routes":[{"dst":"::/0"}]},
                 "ip4":{"ip":"10.0.0.5/24","routes":[{"dst":"0.0.0.0/0"}]}}"""));

        assertThat(result.ips()).extracting(ip -> ip.address().toString()).containsExactly("10.0.0.5/24", "2001:db8::5/64");
        assertThat(result.routes()).extracting(r -> r.dst().toString()).containsExactly("0.0.0.0/0", "::/0");
    }

    @Test
    @DisplayName("A20: 0.2.0 routes without a gateway round-trip")
    void routesWithoutGateway020() throws Exception {
        String json = """
                {"cniVersion":"0.2.0","ip4":{"ip":"10.0.0.5/24","routes":[{"dst":"0.0.0.0/0"},{"dst":"10.1.0.0/16","gw":"10.0.0.1"}]},
                 "dns":{}}""";

        assertThat(tree(CniResults.write(CniResults.parse(bytes(json))))).isEqualTo(tree(json));
    }

    @Test
    @DisplayName("A20: 1.x: every interface and route field is read")
    void reads100() throws Exception {
        CniResult result = CniResults.parse(bytes(ResultExamples.v100("1.1.0")));

        assertThat(result.interfaces()).containsExactly(new Interface("eth0", "00:11:22:33:44:55", 1500,
                "/proc/3553/ns/net", "/path/to/vhost/fd", "8086:9a01"));
        assertThat(result.ips()).extracting(IpConfig::interfaceIndex).containsExactly(0, 0);
        assertThat(result.routes().get(1)).isEqualTo(new Route(IpPrefix.parse("1111:dddd::/80"),
                IpAddresses.parse("1111:dddd::aaaa"), 1400, 1360, 100, 100, 253));
    }

    @Test
    @DisplayName("0.4.0: interface fields of 1.x are not part of the version and are ignored")
    void ignores1xInterfaceFieldsIn040() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"0.4.0","interfaces":[{"name":"eth0","mtu":9000,"pciID":"x","socketPath":"/s"}]}"""));

        assertThat(result.interfaces()).containsExactly(Interface.of("eth0", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"})
    @DisplayName("A20: interface index 0 is kept and written, a missing index stays missing")
    void interfaceIndexZeroAndMissing(String version) throws Exception {
        String versionField = version.startsWith("0.") ? "\"version\":\"4\"," : "";
        String json = """
                {"cniVersion":"%s","interfaces":[{"name":"eth0"}],
                 "ips":[{%s"interface":0,"address":"10.0.0.2/24"},{%s"address":"10.0.0.3/24"}]}"""
                .formatted(version, versionField, versionField);

        CniResult result = CniResults.parse(bytes(json));
        byte[] written = CniResults.write(result);

        assertThat(result.ips()).extracting(IpConfig::interfaceIndex).containsExactly(0, null);
        assertThat(tree(written).get("ips").get(0).get("interface").intValue()).isZero();
        assertThat(tree(written).get("ips").get(1).has("interface")).isFalse();
    }

    @Test
    @DisplayName("A20: 0.4.0: the version field is derived from the address when written")
    void versionFieldDerived() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"0.4.0","ips":[{"version":"6","address":"10.0.0.2/24"},{"address":"2001:db8::2/64"}]}"""));

        assertThat(tree(CniResults.write(result)).get("ips")).isEqualTo(tree("""
                [{"version":"4","address":"10.0.0.2/24"},{"version":"6","address":"2001:db8::2/64"}]"""));
    }

    @Test
    @DisplayName("a missing cniVersion means 0.1.0, and Create labels an empty inner version 0.1.0")
    void missingVersionIs010() throws Exception {
        assertThat(CniResults.parse(bytes("{}")).cniVersion()).isEqualTo("0.1.0");
        assertThat(CniResults.parse(bytes("{\"cniVersion\":\"\"}")).cniVersion()).isEqualTo("0.1.0");
        assertThat(CniResults.parse(bytes("{\"cniVersion\":null}")).cniVersion()).isEqualTo("0.1.0");
        assertThat(CniResults.parse("0.2.0", bytes("{}")).cniVersion()).isEqualTo("0.1.0");
        assertThat(CniResults.parse("", bytes("{\"cniVersion\":\"0.2.0\"}")).cniVersion()).isEqualTo("0.2.0");
    }

    @Test
    @DisplayName("Create takes the label from the document when it belongs to the requested family")
    void createLabelsWithInnerVersion() throws Exception {
        assertThat(CniResults.parse("1.1.0", bytes("{\"cniVersion\":\"1.0.0\"}")).cniVersion()).isEqualTo("1.0.0");
        assertThat(CniResults.parse("0.4.0", bytes("{\"cniVersion\":\"0.3.1\"}")).cniVersion()).isEqualTo("0.3.1");
    }

    @Test
    @DisplayName("Create refuses a document whose version is of another family, with libcni's messages")
    void createRefusesMismatch() {
        assertThatThrownBy(() -> CniResults.parse("1.1.0", bytes("{\"cniVersion\":\"0.4.0\"}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is \"0.4.0\"");
        assertThatThrownBy(() -> CniResults.parse("1.0.0", bytes("{}")))
                .hasMessage("result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is \"\"");
        assertThatThrownBy(() -> CniResults.parse("0.4.0", bytes("{\"cniVersion\":\"1.0.0\"}")))
                .hasMessage("result type supports [0.3.0 0.3.1 0.4.0] but unmarshalled CNIVersion is \"1.0.0\"");
        assertThatThrownBy(() -> CniResults.parse("0.2.0", bytes("{\"cniVersion\":\"0.4.0\"}")))
                .hasMessage("result type supports [ 0.1.0 0.2.0] but unmarshalled CNIVersion is \"0.4.0\"");
    }

    @Test
    @DisplayName("unknown versions are refused by both parse methods")
    void unknownVersions() {
        assertThatThrownBy(() -> CniResults.parse("1.2.0", bytes("{\"cniVersion\":\"1.2.0\"}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("unsupported CNI result version \"1.2.0\"");
        assertThatThrownBy(() -> CniResults.parse(bytes("{\"cniVersion\":\"0.4567.0\"}")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("unsupported CNI result version \"0.4567.0\"");
    }

    @Test
    @DisplayName("unknown fields are ignored and null fields read as absent")
    void lenientFields() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"1.1.0","extra":{"a":[1,2]},
                 "interfaces":[{"name":"eth0","mac":null,"mtu":null,"other":true}],
                 "ips":[{"version":"4","interface":null,"address":"10.0.0.2/24","gateway":null},
                        {"address":"10.0.0.3/24","gateway":""}],
                 "routes":null,"dns":null}"""));

        assertThat(result.interfaces()).containsExactly(Interface.of("eth0", "", ""));
        assertThat(result.ips()).containsExactly(new IpConfig(null, IpPrefix.parse("10.0.0.2/24"), null),
                new IpConfig(null, IpPrefix.parse("10.0.0.3/24"), null));
        assertThat(result.routes()).isEmpty();
        assertThat(result.dns()).isEqualTo(Dns.EMPTY);
    }

    @Test
    @DisplayName("an interface without a name is accepted with an empty name, as libcni does")
    void interfaceWithoutName() throws Exception {
        CniResult result = CniResults.parse(bytes("{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"mac\":\"aa\"}]}"));

        assertThat(result.interfaces()).containsExactly(Interface.of("", "aa", ""));
        assertThat(tree(CniResults.write(result)).get("interfaces").get(0).get("name").textValue()).isEmpty();
    }

    @Test
    @DisplayName("host bits of addresses are kept")
    void hostBitsKept() throws Exception {
        CniResult result = CniResults.parse(bytes("{\"cniVersion\":\"1.1.0\",\"ips\":[{\"address\":\"10.1.2.3/24\"}]}"));

        assertThat(result.ips().get(0).address().toString()).isEqualTo("10.1.2.3/24");
        assertThat(tree(CniResults.write(result))).isEqualTo(tree(
                "{\"cniVersion\":\"1.1.0\",\"ips\":[{\"address\":\"10.1.2.3/24\"}]}"));
    }

    @Test
    @DisplayName("IPv6 addresses are written in RFC 5952 form")
    void ipv6Canonical() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"1.1.0","ips":[{"address":"ABCD:1234:FFFF:0000:0000:0000:0000:CDDE/64",
                 "gateway":"abcd:1234:ffff:0:0:0:0:0001"}],"routes":[{"dst":"2001:0db8:0000:0000:0001:0000:0000:0000/64"}]}"""));

        assertThat(tree(CniResults.write(result))).isEqualTo(tree("""
                {"cniVersion":"1.1.0","ips":[{"address":"abcd:1234:ffff::cdde/64","gateway":"abcd:1234:ffff::1"}],
                 "routes":[{"dst":"2001:db8:0:0:1::/64"}]}"""));
    }

    @Test
    @DisplayName("A20: empty results: dns always in 0.x, nothing but the version in 1.x")
    void emptyShapes() {
        assertThat(tree(CniResults.write(new CniResult("0.2.0", null, null, null, null))))
                .isEqualTo(tree("{\"cniVersion\":\"0.2.0\",\"dns\":{}}"));
        assertThat(tree(CniResults.write(new CniResult("0.4.0", null, null, null, null))))
                .isEqualTo(tree("{\"cniVersion\":\"0.4.0\",\"dns\":{}}"));
        assertThat(tree(CniResults.write(new CniResult("1.1.0", null, null, null, null))))
                .isEqualTo(tree("{\"cniVersion\":\"1.1.0\"}"));
    }

    @Test
    @DisplayName("an empty label is written as 0.1.0; an unknown label cannot be written")
    void writeLabels() {
        assertThat(tree(CniResults.write(new CniResult("", null, null, null, null))))
                .isEqualTo(tree("{\"cniVersion\":\"0.1.0\",\"dns\":{}}"));
        assertThatThrownBy(() -> CniResults.write(new CniResult("2.0.0", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported CNI result version \"2.0.0\"");
    }

    @Test
    @DisplayName("A20: routes: zero mtu/advmss/priority left out, table and scope written when set, 0 included")
    void routeFields() {
        CniResult result = new CniResult("1.1.0", null, null, List.of(
                new Route(IpPrefix.parse("10.0.0.0/8"), null, 0, 0, 0, 0, 0),
                new Route(IpPrefix.parse("10.0.0.0/8"), null, 0, 0, 0, null, null)), null);

        assertThat(tree(CniResults.write(result)).get("routes")).isEqualTo(tree("""
                [{"dst":"10.0.0.0/8","table":0,"scope":0},{"dst":"10.0.0.0/8"}]"""));
    }

    @Test
    @DisplayName("A20: interfaces: 1.x writes mtu only when set; 0.4.0 never writes 1.x fields")
    void interfaceFields() {
        Interface full = new Interface("eth0", "aa:bb", 1500, "/ns", "/sock", "0000:01:00.0");
        Interface bare = new Interface("eth1", "", 0, "", "", "");

        assertThat(tree(CniResults.write(new CniResult("1.0.0", List.of(full, bare), null, null, null))).get("interfaces"))
                .isEqualTo(tree("""
                        [{"name":"eth0","mac":"aa:bb","mtu":1500,"sandbox":"/ns","socketPath":"/sock","pciID":"0000:01:00.0"},
                         {"name":"eth1"}]"""));
        assertThat(tree(CniResults.write(new CniResult("0.4.0", List.of(full, bare), null, null, null))).get("interfaces"))
                .isEqualTo(tree("[{\"name\":\"eth0\",\"mac\":\"aa:bb\",\"sandbox\":\"/ns\"},{\"name\":\"eth1\"}]"));
    }

    @Test
    @DisplayName("A20: 1.x leaves out an empty dns but writes a partial one")
    void dnsIn1x() {
        CniResult result = new CniResult("1.1.0", null, null, null, new Dns(List.of("8.8.8.8"), null, null, null));

        assertThat(tree(CniResults.write(result))).isEqualTo(tree("""
                {"cniVersion":"1.1.0","dns":{"nameservers":["8.8.8.8"]}}"""));
    }

    @Test
    @DisplayName("A20: 0.2.0 written from more addresses than it can hold keeps the first of each family")
    void write020Projection() {
        CniResult result = new CniResult("0.2.0", null, List.of(
                new IpConfig(null, IpPrefix.parse("2001:db8::1/64"), null),
                new IpConfig(null, IpPrefix.parse("10.0.0.1/24"), null),
                new IpConfig(null, IpPrefix.parse("10.0.0.2/24"), null)), List.of(
                Route.of(IpPrefix.parse("::/0"), null),
                Route.of(IpPrefix.parse("0.0.0.0/0"), IpAddresses.parse("10.0.0.254"))), null);

        assertThat(tree(CniResults.write(result))).isEqualTo(tree("""
                {"cniVersion":"0.2.0","ip4":{"ip":"10.0.0.1/24","routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.254"}]},
                 "ip6":{"ip":"2001:db8::1/64","routes":[{"dst":"::/0"}]},"dns":{}}"""));
    }
}
