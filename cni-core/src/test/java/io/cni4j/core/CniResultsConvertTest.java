package io.cni4j.core;

import static io.cni4j.core.ResultExamples.bytes;
import static io.cni4j.core.ResultExamples.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The §4.6 conversion matrix for every pair of the seven versions, and its failures. */
class CniResultsConvertTest {

    static List<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (String from : ResultExamples.VERSIONS) {
            for (String to : ResultExamples.VERSIONS) {
                out.add(Arguments.of(from, to));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    @DisplayName("every version converts to every version with libcni's rules")
    void matrix(String from, String to) throws Exception {
        CniResult source = CniResults.parse(bytes(ResultExamples.example(from)));
        String expected = ResultExamples.converted(from, to);

        CniResult converted = CniResults.convert(source, to);

        assertThat(converted.cniVersion()).isEqualTo(to);
        assertThat(tree(CniResults.write(converted))).isEqualTo(tree(expected));
        assertThat(converted).isEqualTo(CniResults.parse(bytes(expected)));
        if (from.equals(to)) {
            assertThat(converted).isSameAs(source);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"})
    @DisplayName("a result without IP addresses cannot go down to 0.1.0 or 0.2.0 (A19, containerd#2540)")
    void noAddressesCannotGoDown(String version) throws Exception {
        CniResult loopback = CniResults.parse(bytes("""
                {"cniVersion":"%s","interfaces":[{"name":"lo"}],"routes":[{"dst":"0.0.0.0/0"}]}""".formatted(version)));

        for (String target : List.of("0.1.0", "0.2.0", "")) {
            assertThatThrownBy(() -> CniResults.convert(loopback, target))
                    .isInstanceOf(InvalidResultException.class)
                    .hasMessage("cannot convert: no valid IP addresses");
        }
    }

    @Test
    @DisplayName("an empty 0.2.0 result still converts up (nothing to lose)")
    void empty020ConvertsUp() throws Exception {
        CniResult converted = CniResults.convert(CniResults.parse(bytes("{\"cniVersion\":\"0.2.0\"}")), "1.1.0");

        assertThat(tree(CniResults.write(converted))).isEqualTo(tree("{\"cniVersion\":\"1.1.0\"}"));
    }

    @ParameterizedTest(name = "to {0}")
    @ValueSource(strings = {"1.2.0", "0.4567.0", "2", "0.5.0", "x"})
    @DisplayName("an unknown target version fails with libcni's message")
    void unknownTarget(String target) throws Exception {
        CniResult result = CniResults.parse(bytes(ResultExamples.v100("1.1.0")));

        assertThatThrownBy(() -> CniResults.convert(result, target))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("no converter for CNI result version 1.1.0 to " + target);
    }

    @Test
    @DisplayName("a result labelled with an unknown version cannot be converted")
    void unknownSource() {
        CniResult result = new CniResult("0.5.0", null, null, null, null);

        assertThatThrownBy(() -> CniResults.convert(result, "1.1.0"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("no converter for CNI result version 0.5.0 to 1.1.0");
    }

    @Test
    @DisplayName("an empty target version means 0.1.0")
    void emptyTargetIs010() throws Exception {
        CniResult v010 = CniResults.parse(bytes(ResultExamples.v020("0.1.0")));
        CniResult v100 = CniResults.parse(bytes(ResultExamples.v100("1.0.0")));

        assertThat(CniResults.convert(v010, "")).isSameAs(v010);
        CniResult down = CniResults.convert(v100, "");
        assertThat(down.cniVersion()).isEqualTo("0.1.0");
        assertThat(tree(CniResults.write(down))).isEqualTo(tree(ResultExamples.v020("0.1.0")));
    }

    @Test
    @DisplayName("down to 0.2.0: first IPv4 and first IPv6 address, routes by destination family, dst and gw only")
    void downTo020Rules() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"1.1.0","interfaces":[{"name":"eth0"}],
                 "ips":[{"interface":0,"address":"10.0.0.2/24","gateway":"10.0.0.1"},
                        {"interface":0,"address":"10.0.1.2/24"},
                        {"interface":0,"address":"2001:db8::2/64"},
                        {"interface":0,"address":"2001:db8:1::2/64"}],
                 "routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.1","mtu":1400,"table":5,"scope":0},
                           {"dst":"::/0","priority":10},
                           {"dst":"192.168.0.0/16"}]}"""));

        CniResult down = CniResults.convert(result, "0.2.0");

        assertThat(tree(CniResults.write(down))).isEqualTo(tree("""
                {"cniVersion":"0.2.0",
                 "ip4":{"ip":"10.0.0.2/24","gateway":"10.0.0.1","routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.1"},{"dst":"192.168.0.0/16"}]},
                 "ip6":{"ip":"2001:db8::2/64","routes":[{"dst":"::/0"}]},
                 "dns":{}}"""));
    }

    @Test
    @DisplayName("down to 0.2.0: routes of a family without an address are dropped")
    void downTo020DropsOrphanRoutes() throws Exception {
        CniResult result = CniResults.parse(bytes("""
                {"cniVersion":"0.4.0","ips":[{"version":"6","address":"2001:db8::2/64"}],
                 "routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.1"},{"dst":"::/0"}]}"""));

        CniResult down = CniResults.convert(result, "0.2.0");

        assertThat(down.ips()).extracting(ip -> ip.address().toString()).containsExactly("2001:db8::2/64");
        assertThat(down.routes()).extracting(r -> r.dst().toString()).containsExactly("::/0");
    }

    @Test
    @DisplayName("1.x to 0.4.0 and back loses interface mtu, socketPath and pciID but nothing else")
    void roundTripThrough040() throws Exception {
        CniResult original = CniResults.parse(bytes(ResultExamples.v100("1.1.0")));

        CniResult back = CniResults.convert(CniResults.convert(original, "0.4.0"), "1.1.0");

        assertThat(back.interfaces()).containsExactly(Interface.of("eth0", "00:11:22:33:44:55", "/proc/3553/ns/net"));
        assertThat(back.ips()).isEqualTo(original.ips());
        assertThat(back.routes()).isEqualTo(original.routes());
        assertThat(back.dns()).isEqualTo(original.dns());
    }

    @Test
    @DisplayName("1.0.0 and 1.1.0 convert into each other without change")
    void within1x() throws Exception {
        CniResult v100 = CniResults.parse(bytes(ResultExamples.v100("1.0.0")));

        CniResult v110 = CniResults.convert(v100, "1.1.0");

        assertThat(v110).isEqualTo(CniResults.parse(bytes(ResultExamples.v100("1.1.0"))));
        assertThat(CniResults.convert(v110, "1.0.0")).isEqualTo(v100);
    }

    @Test
    @DisplayName("0.2.0 up: addresses without interface index, IPv4 routes before IPv6 routes")
    void upFrom020() throws Exception {
        CniResult constructed = new CniResult("0.2.0", null, List.of(
                new IpConfig(null, IpPrefix.parse("2001:db8::1/64"), null),
                new IpConfig(null, IpPrefix.parse("10.0.0.1/24"), null)), List.of(
                Route.of(IpPrefix.parse("::/0"), null),
                Route.of(IpPrefix.parse("0.0.0.0/0"), null)), null);

        CniResult up = CniResults.convert(constructed, "0.4.0");

        assertThat(tree(CniResults.write(up))).isEqualTo(tree("""
                {"cniVersion":"0.4.0",
                 "ips":[{"version":"4","address":"10.0.0.1/24"},{"version":"6","address":"2001:db8::1/64"}],
                 "routes":[{"dst":"0.0.0.0/0"},{"dst":"::/0"}],"dns":{}}"""));
    }
}
