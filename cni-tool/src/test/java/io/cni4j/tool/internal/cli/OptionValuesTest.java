package io.cni4j.tool.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cni4j.api.Bandwidth;
import io.cni4j.api.DnsCapability;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.IpRange;
import io.cni4j.api.JsonText;
import io.cni4j.api.PortMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionValuesTest {

    @Test
    @DisplayName("--port: HOST:CONTAINER with optional protocol and host IP")
    void ports() throws UsageException {
        assertThat(OptionValues.portMapping("8080:80")).isEqualTo(new PortMapping(8080, 80, "tcp", ""));
        assertThat(OptionValues.portMapping("5353:53/UDP")).isEqualTo(new PortMapping(5353, 53, "udp", ""));
        assertThat(OptionValues.portMapping("9:9/sctp")).isEqualTo(new PortMapping(9, 9, "sctp", ""));
        assertThat(OptionValues.portMapping("8443:443/tcp@127.0.0.1"))
                .isEqualTo(new PortMapping(8443, 443, "tcp", "127.0.0.1"));
        assertThat(OptionValues.portMapping("8080:80@[::1]")).isEqualTo(new PortMapping(8080, 80, "tcp", "::1"));
        assertThat(OptionValues.portMapping("8080:80@2001:DB8:0:0::1"))
                .isEqualTo(new PortMapping(8080, 80, "tcp", "2001:db8::1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080", "8080:", ":80", "0:80", "8080:65536", "80:80/icmp", "80:80@nohost", "a:b",
            "80:80/", "123456:1"})
    @DisplayName("--port: malformed values are usage errors that show the syntax")
    void badPorts(String value) {
        assertThatThrownBy(() -> OptionValues.portMapping(value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--port '" + value + "': ")
                .hasMessageEndingWith("(expected HOST:CONTAINER[/PROTO][@HOSTIP])");
    }

    @Test
    @DisplayName("--label/--arg: K=V, the value may be empty or hold '='")
    void keyValues() throws UsageException {
        assertThat(OptionValues.keyValue("--arg", "K8S_POD_NAME=web")).isEqualTo(Map.entry("K8S_POD_NAME", "web"));
        assertThat(OptionValues.keyValue("--arg", "EMPTY=")).isEqualTo(Map.entry("EMPTY", ""));
        assertThat(OptionValues.keyValue("--label", "a=b=c")).isEqualTo(Map.entry("a", "b=c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"novalue", "=v", "", "a=b;c=d"})
    void badKeyValues(String value) {
        assertThatThrownBy(() -> OptionValues.keyValue("--arg", value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--arg '" + value + "': ");
    }

    @Test
    @DisplayName("--capability: NAME=JSON keeps the JSON text as typed")
    void capabilities() throws UsageException {
        assertThat(OptionValues.capability("mac=\"0a:58:0a:f4:00:05\""))
                .isEqualTo(Map.entry("mac", new JsonText("\"0a:58:0a:f4:00:05\"")));
        assertThat(OptionValues.capability("io.example/x={\"a\": [1, 2.50]}"))
                .isEqualTo(Map.entry("io.example/x", new JsonText("{\"a\": [1, 2.50]}")));
    }

    @Test
    @DisplayName("--capability: invalid JSON, duplicate keys and trailing data are refused before any plugin runs")
    void badCapabilities() {
        assertThatThrownBy(() -> OptionValues.capability("mac=0a:58")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--capability mac: invalid JSON: ");
        assertThatThrownBy(() -> OptionValues.capability("x={\"a\":1,\"a\":2}"))
                .hasMessageContaining("invalid JSON").hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> OptionValues.capability("x=1 2")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> OptionValues.capability("x=")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> OptionValues.capability("={}")).hasMessageStartingWith("--capability '={}'");
    }

    @Test
    @DisplayName("--bandwidth: bits/s with SI suffixes; a missing burst equals its rate")
    void bandwidth() throws UsageException {
        assertThat(OptionValues.bandwidth("in=10m,out=1g"))
                .isEqualTo(new Bandwidth(10_000_000, 10_000_000, 1_000_000_000, 1_000_000_000));
        assertThat(OptionValues.bandwidth("out=512kbit,out-burst=64k"))
                .isEqualTo(new Bandwidth(0, 0, 512_000, 64_000));
        assertThat(OptionValues.bandwidth("in=1000,in-burst=2000"))
                .isEqualTo(new Bandwidth(1000, 2000, 0, 0));
        assertThat(OptionValues.bandwidth("in=1M")).isEqualTo(new Bandwidth(1_000_000, 1_000_000, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "in", "in=", "in=fast", "in=0", "up=1m", "in=1m,in=2m", "in-burst=1k",
            "out=1m,in-burst=1k", "in=1m;out=1m", "in=-5"})
    void badBandwidth(String value) {
        assertThatThrownBy(() -> OptionValues.bandwidth(value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--bandwidth '" + value + "': ")
                .hasMessageEndingWith("(expected " + OptionValues.BANDWIDTH_SYNTAX + ")");
    }

    @Test
    @DisplayName("--dns: items append entries, also across repeated flags")
    void dns() throws UsageException {
        DnsCapability first = OptionValues.dns(null, "servers=10.0.0.53,searches=corp.example,options=ndots:2");
        DnsCapability both = OptionValues.dns(first, "servers=fd00::53,options=edns0");
        assertThat(both).isEqualTo(new DnsCapability(List.of("10.0.0.53", "fd00::53"), List.of("corp.example"),
                List.of("ndots:2", "edns0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"servers", "servers=", "servers=dns.example", "nameservers=1.1.1.1", ""})
    void badDns(String value) {
        assertThatThrownBy(() -> OptionValues.dns(null, value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--dns '" + value + "': ");
    }

    @Test
    @DisplayName("--ip-range: SUBNET with optional start, end and gateway, empty fields allowed")
    void ipRanges() throws UsageException {
        assertThat(OptionValues.ipRange("10.22.0.0/16")).isEqualTo(IpRange.of("10.22.0.0/16"));
        assertThat(OptionValues.ipRange("10.22.0.0/16,10.22.1.0,10.22.1.255,10.22.0.1"))
                .isEqualTo(new IpRange("10.22.0.0/16", "10.22.1.0", "10.22.1.255", "10.22.0.1"));
        assertThat(OptionValues.ipRange("10.22.0.0/16,,,10.22.0.1"))
                .isEqualTo(new IpRange("10.22.0.0/16", "", "", "10.22.0.1"));
        assertThat(OptionValues.ipRange("fd00::/64")).isEqualTo(IpRange.of("fd00::/64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.22.0.0", "10.22.0.0/33", "x/16", "10.22.0.0/16,start", "10.22.0.0/16,,,,",
            "10.22.0.0/16,10.22.0.1,10.22.0.300"})
    void badIpRanges(String value) {
        assertThatThrownBy(() -> OptionValues.ipRange(value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--ip-range '" + value + "': ");
    }

    @Test
    void gcAttachments() throws UsageException {
        assertThat(OptionValues.gcAttachment("c1:eth0")).isEqualTo(new GcAttachment("c1", "eth0"));
        for (String bad : List.of("c1", "c1:", ":eth0", "")) {
            assertThatThrownBy(() -> OptionValues.gcAttachment(bad)).isInstanceOf(UsageException.class)
                    .hasMessageStartingWith("--valid '" + bad + "': ");
        }
    }

    @Test
    @DisplayName("durations are written as Go writes them")
    void durations() throws UsageException {
        assertThat(OptionValues.duration("--timeout", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(OptionValues.duration("--timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(OptionValues.duration("--timeout", "1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(OptionValues.duration("--timeout", "1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(OptionValues.duration("--timeout", "250us")).isEqualTo(Duration.ofNanos(250_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "0s", "s", "30 s", "-5s", "1d", "5s3", "1e3s", "99999999999999h"})
    void badDurations(String value) {
        assertThatThrownBy(() -> OptionValues.duration("--timeout", value)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--timeout '" + value + "': ");
    }

    @Test
    void integers() throws UsageException {
        assertThat(OptionValues.integer("--max-conf", "-1", Integer.MIN_VALUE)).isEqualTo(-1);
        assertThat(OptionValues.integer("--min-networks", "2", 0)).isEqualTo(2);
        assertThatThrownBy(() -> OptionValues.integer("--min-networks", "-1", 0))
                .hasMessage("--min-networks must be at least 0, got -1");
        assertThatThrownBy(() -> OptionValues.integer("--max-conf", "one", 0))
                .hasMessage("--max-conf needs a whole number, got 'one'");
    }
}
