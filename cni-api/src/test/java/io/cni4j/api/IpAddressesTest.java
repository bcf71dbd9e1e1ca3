package io.cni4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "2001:DB8::1, 2001:db8::1",
        "0001:0db8:0000:0000:0000:0000:0000:0001, 1:db8::1",
        "abcd:1234:ffff:0:0:0:0:cdde, abcd:1234:ffff::cdde",
        "1:0:0:1:0:0:0:1, 1:0:0:1::1",
        "1:0:0:0:1:0:0:1, 1::1:0:0:1",
        "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "1:0:2:3:4:5:6:7, 1:0:2:3:4:5:6:7",
        "0:0:0:0:0:0:0:0, ::",
        "::1, ::1",
        "1::, 1::",
        "fe80:0:0:0:0:0:0:1, fe80::1",
        "::1.2.3.4, ::102:304",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    })
    @DisplayName("IPv6 is printed in RFC 5952 form: lower case, no leading zeros, longest zero run (first on a tie) as ::, never for one group")
    void rfc5952(String input, String expected) {
        assertThat(IpAddresses.format(IpAddresses.parse(input))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "10.88.0.5", "255.255.255.255", "127.0.0.1"})
    @DisplayName("dotted-quad IPv4 round-trips")
    void ipv4RoundTrip(String text) {
        assertThat(IpAddresses.parse(text)).isInstanceOf(Inet4Address.class);
        assertThat(IpAddresses.format(IpAddresses.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"01.2.3.4", "1.2.3.04", "1.2.3.00", "::ffff:1.2.3.04", "010.0.0.1"})
    @DisplayName("IPv4 parts with leading zeros are refused, as Go refuses them")
    void leadingZerosRefused(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IP address: \"" + text + "\"");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"fe80::1%eth0", "fe80::1%1", "fe80::1%"})
    @DisplayName("zones are refused")
    void zonesRefused(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4/24",
        "localhost", "example.com", "12345::1", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1::", "1::2:", "[::1]", "::g",
        "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4:", "0x1.2.3.4", "１.2.3.4"})
    @DisplayName("anything but an IP literal is refused without a DNS lookup")
    void invalidRefused(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("null and empty are refused")
    void emptyRefused() {
        assertThatThrownBy(() -> IpAddresses.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAddresses.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an IPv4-mapped IPv6 literal is the IPv4 address, as Go's To4 treats it")
    void mappedIsIpv4() {
        assertThat(IpAddresses.parse("::ffff:10.1.2.3")).isEqualTo(IpAddresses.parse("10.1.2.3"));
        assertThat(IpAddresses.parse("::1.2.3.4")).isInstanceOf(Inet6Address.class);
    }
}
