package io.cni4j.core;

import static io.cni4j.core.ResultExamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.Result;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** go-cni's {@code createResult} (§1.13, A28) and the D6 index checks. */
class CniResultsMergeTest {

    private static CniResult parse(String json) throws InvalidResultException {
        return CniResults.parse(bytes(json));
    }

    private static List<String> addresses(Result result, String name) {
        return result.interfaces().get(name).addresses().stream().map(a -> a.address().toString()).toList();
    }

    @Test
    @DisplayName("TestLibCNIType020: results without interfaces put every IP on prefix0")
    void type020() throws Exception {
        Result result = CniResults.merge(List.of(
                parse("{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.0.0.1/24\"}}"),
                parse("{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.0.0.2/24\"}}")), "eth");

        assertThat(result.interfaces()).containsOnlyKeys("eth0");
        assertThat(result.interfaces().get("eth0").addresses()).containsExactly(
                new AssignedAddress(IpPrefix.parse("10.0.0.1/24"), null),
                new AssignedAddress(IpPrefix.parse("10.0.0.2/24"), null));
    }

    @Test
    @DisplayName("TestLibCNIType040: an interface index selects the interface name")
    void type040() throws Exception {
        Result result = CniResults.merge(List.of(
                parse("""
                        {"cniVersion":"0.3.1","interfaces":[{"name":"eth0"}],
                         "ips":[{"version":"4","interface":0,"address":"10.0.0.1/24"}]}"""),
                parse("""
                        {"cniVersion":"0.3.1","interfaces":[{"name":"eth1"}],
                         "ips":[{"version":"4","interface":0,"address":"10.0.0.2/24"}]}""")), "eth");

        assertThat(result.interfaces().keySet()).containsExactly("eth0", "eth1");
        assertThat(addresses(result, "eth0")).containsExactly("10.0.0.1/24");
        assertThat(addresses(result, "eth1")).containsExactly("10.0.0.2/24");
    }

    @Test
    @DisplayName("lo + bridge: interfaces in insertion order, default first, fields copied, mtu not kept")
    void loopbackAndBridge() throws Exception {
        CniResult lo = parse("""
                {"cniVersion":"0.3.1","interfaces":[{"name":"lo","mac":"00:00:00:00:00:00","sandbox":"/var/run/netns/x"}],
                 "ips":[{"version":"4","interface":0,"address":"127.0.0.1/8"},{"version":"6","interface":0,"address":"::1/128"}]}""");
        CniResult bridge = parse("""
                {"cniVersion":"1.1.0",
                 "interfaces":[{"name":"cni0","mac":"0e:4a:6b:2a:11:01"},{"name":"vethd3a1f2c4","mac":"5a:1c:33:0a:9e:02"},
                               {"name":"eth0","mac":"b2:a1:c0:16:d5:e2","mtu":1500,"sandbox":"/var/run/netns/x",
                                "pciID":"0000:01:00.0","socketPath":"/sock"}],
                 "ips":[{"interface":2,"address":"10.88.0.5/16","gateway":"10.88.0.1"},
                        {"interface":2,"address":"2001:4860:4860::5/64","gateway":"2001:4860:4860::1"}],
                 "routes":[{"dst":"0.0.0.0/0"},{"dst":"::/0"}]}""");

        Result result = CniResults.merge(List.of(lo, bridge), "eth");

        assertThat(result.interfaces().keySet()).containsExactly("eth0", "lo", "cni0", "vethd3a1f2c4");
        assertThat(result.interfaces().get("eth0")).isEqualTo(new InterfaceConfig(List.of(
                new AssignedAddress(IpPrefix.parse("10.88.0.5/16"), IpAddresses.parse("10.88.0.1")),
                new AssignedAddress(IpPrefix.parse("2001:4860:4860::5/64"), IpAddresses.parse("2001:4860:4860::1"))),
                "b2:a1:c0:16:d5:e2", "/var/run/netns/x", "0000:01:00.0", "/sock"));
        assertThat(addresses(result, "lo")).containsExactly("127.0.0.1/8", "::1/128");
        assertThat(result.interfaces().get("cni0").addresses()).isEmpty();
        assertThat(result.interfaces().get("cni0").mac()).isEqualTo("0e:4a:6b:2a:11:01");
        assertThat(result.dns()).containsExactly(Dns.EMPTY, Dns.EMPTY);
        assertThat(result.routes()).extracting(r -> r.dst().toString()).containsExactly("0.0.0.0/0", "::/0");
    }

    @Test
    @DisplayName("the same interface name in two networks: the later one replaces the earlier entry and its IPs")
    void sameInterfaceNameReplaced() throws Exception {
        CniResult first = parse("""
                {"cniVersion":"1.0.0","interfaces":[{"name":"cni0","mac":"aa:aa:aa:aa:aa:aa"},{"name":"eth0"}],
                 "ips":[{"interface":0,"address":"10.0.0.1/24"},{"interface":1,"address":"10.0.0.5/24"}]}""");
        CniResult second = parse("""
                {"cniVersion":"1.0.0","interfaces":[{"name":"cni0","mac":"bb:bb:bb:bb:bb:bb"},{"name":"eth1"}],
                 "ips":[{"interface":1,"address":"10.1.0.5/24"}]}""");

        Result result = CniResults.merge(List.of(first, second), "eth");

        assertThat(result.interfaces().keySet()).containsExactly("eth0", "cni0", "eth1");
        assertThat(result.interfaces().get("cni0").mac()).isEqualTo("bb:bb:bb:bb:bb:bb");
        assertThat(result.interfaces().get("cni0").addresses()).isEmpty();
        assertThat(addresses(result, "eth0")).containsExactly("10.0.0.5/24");
        assertThat(addresses(result, "eth1")).containsExactly("10.1.0.5/24");
    }

    @Test
    @DisplayName("a network reporting the default interface replaces the pre-seeded entry, IPs already there are lost")
    void defaultInterfaceReplaced() throws Exception {
        CniResult ipam = parse("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"address\":\"10.0.0.1/24\"}]}");
        CniResult main = parse("""
                {"cniVersion":"1.0.0","interfaces":[{"name":"eth0","mac":"cc"}],"ips":[{"interface":0,"address":"10.0.0.9/24"}]}""");

        Result result = CniResults.merge(List.of(ipam, main), "eth");

        assertThat(addresses(result, "eth0")).containsExactly("10.0.0.9/24");
        assertThat(result.interfaces().get("eth0").mac()).isEqualTo("cc");
    }

    @Test
    @DisplayName("DNS has one entry per network, empty ones included; routes are concatenated; raw is 1.1.0 in order")
    void dnsRoutesAndRaw() throws Exception {
        CniResult a = parse("""
                {"cniVersion":"0.4.0","dns":{"nameservers":["10.0.0.53"]},"routes":[{"dst":"10.0.0.0/8"}],
                 "ips":[{"version":"4","address":"10.0.0.2/24"}]}""");
        CniResult b = parse("""
                {"cniVersion":"1.1.0","routes":[{"dst":"0.0.0.0/0","gw":"10.0.0.1"},{"dst":"::/0"}]}""");

        Result result = CniResults.merge(List.of(a, b), "eth");

        assertThat(result.dns()).containsExactly(new Dns(List.of("10.0.0.53"), null, null, null), Dns.EMPTY);
        assertThat(result.routes()).extracting(r -> r.dst().toString()).containsExactly("10.0.0.0/8", "0.0.0.0/0", "::/0");
        assertThat(result.raw()).extracting(CniResult::cniVersion).containsExactly("1.1.0", "1.1.0");
        assertThat(result.raw().get(0)).isEqualTo(CniResults.convert(a, "1.1.0"));
        assertThat(result.raw().get(1)).isSameAs(b);
    }

    @Test
    @DisplayName("the prefix names the default interface; no results still yields it")
    void prefixAndNoResults() throws Exception {
        Result result = CniResults.merge(List.of(), "net");

        assertThat(result.interfaces()).containsOnlyKeys("net0");
        assertThat(result.interfaces().get("net0").addresses()).isEmpty();
        assertThat(result.dns()).isEmpty();
        assertThat(result.raw()).isEmpty();
    }

    @Test
    @DisplayName("D6: an index equal to the number of interfaces fails instead of panicking")
    void indexEqualToSize() throws Exception {
        CniResult result = parse("""
                {"cniVersion":"1.1.0","interfaces":[{"name":"eth0"}],"ips":[{"interface":1,"address":"10.0.0.1/24"}]}""");

        assertThatThrownBy(() -> CniResults.merge(List.of(result), "eth"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("invalid interface config: invalid IP configuration (interface number 1 is > number of interfaces 1)");
    }

    @Test
    @DisplayName("D6: an index beyond the interfaces, or any index without interfaces, fails")
    void indexBeyondSize() throws Exception {
        CniResult beyond = parse("""
                {"cniVersion":"0.4.0","interfaces":[{"name":"a"},{"name":"b"}],
                 "ips":[{"version":"4","interface":5,"address":"10.0.0.1/24"}]}""");
        CniResult none = parse("{\"cniVersion\":\"1.0.0\",\"ips\":[{\"interface\":0,\"address\":\"10.0.0.1/24\"}]}");

        assertThatThrownBy(() -> CniResults.merge(List.of(beyond), "eth"))
                .hasMessage("invalid interface config: invalid IP configuration (interface number 5 is > number of interfaces 2)");
        assertThatThrownBy(() -> CniResults.merge(List.of(none), "eth"))
                .hasMessage("invalid interface config: invalid IP configuration (interface number 0 is > number of interfaces 0)");
    }

    @Test
    @DisplayName("D6: a negative index in a constructed result fails")
    void negativeIndex() {
        CniResult result = new CniResult("1.1.0", List.of(Interface.of("eth0", "", "")),
                List.of(new IpConfig(-1, IpPrefix.parse("10.0.0.1/24"), null)), null, null);

        assertThatThrownBy(() -> CniResults.merge(List.of(result), "eth"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("invalid interface config: invalid IP configuration (interface number -1 is > number of interfaces 1)");
    }

    @Test
    @DisplayName("a result that cannot be converted to 1.1.0, or a missing one, fails the merge")
    void unconvertibleOrMissing() throws Exception {
        CniResult good = parse("{\"cniVersion\":\"1.1.0\"}");

        assertThatThrownBy(() -> CniResults.merge(List.of(good, new CniResult("0.9.0", null, null, null, null)), "eth"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("cannot use the result of network 1: no converter for CNI result version 0.9.0 to 1.1.0");
        assertThatThrownBy(() -> CniResults.merge(Arrays.asList(good, null), "eth"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessage("network 1 has no result");
    }
}
