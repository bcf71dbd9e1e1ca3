package io.cni4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.1.2.3/24, 10.1.2.3/24",
        "10.88.0.5/16, 10.88.0.5/16",
        "0.0.0.0/0, 0.0.0.0/0",
        "255.255.255.255/32, 255.255.255.255/32",
        "2001:db8::5/64, 2001:db8::5/64",
        "2001:DB8:0:0:0:0:0:5/64, 2001:db8::5/64",
        "abcd:1234:ffff::cdde/64, abcd:1234:ffff::cdde/64",
        "::/0, ::/0",
        "::1/128, ::1/128",
    })
    @DisplayName("CIDR text keeps the host bits and prints IPv6 in RFC 5952 form")
    void parseAndPrint(String input, String expected) {
        assertThat(IpPrefix.parse(input).toString()).isEqualTo(expected);
    }

    @Test
    @DisplayName("host bits are kept: 10.1.2.3/24 is not 10.1.2.0/24")
    void hostBitsKept() {
        IpPrefix prefix = IpPrefix.parse("10.1.2.3/24");

        assertThat(prefix.address()).isEqualTo(IpAddresses.parse("10.1.2.3"));
        assertThat(prefix.prefixLength()).isEqualTo(24);
        assertThat(prefix).isNotEqualTo(IpPrefix.parse("10.1.2.0/24"));
    }

    @Test
    @DisplayName("the family is told by the address")
    void family() {
        assertThat(IpPrefix.parse("10.0.0.1/8").isIpv4()).isTrue();
        assertThat(IpPrefix.parse("2001:db8::1/64").isIpv4()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10.0.0.1", "10.0.0.1/", "/24", "10.0.0.1/33", "2001:db8::1/129", "10.0.0.1/-1", "10.0.0.1/+1",
        "10.0.0.1/ 1", "10.0.0.1/1/2", "10.0.0.1/a", "01.2.3.4/8", "10.0.0.1/01", "10.0.0.1/0024", "fe80::1%eth0/64",
        "x", "", "10.0.0.1/24 ", "host/24"})
    @DisplayName("invalid CIDR text is refused with Go's message")
    void invalidRefused(String text) {
        assertThatThrownBy(() -> IpPrefix.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: \"" + text + "\"");
    }

    @Test
    @DisplayName("null is refused")
    void nullRefused() {
        assertThatThrownBy(() -> IpPrefix.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an IPv4-mapped IPv6 CIDR counts its length over 128 bits, as Go prints it")
    void mappedPrefixLength() {
        assertThat(IpPrefix.parse("::ffff:10.1.2.3/120")).isEqualTo(IpPrefix.parse("10.1.2.3/24"));
        assertThat(IpPrefix.parse("::ffff:10.1.2.3/128").toString()).isEqualTo("10.1.2.3/32");
        assertThatThrownBy(() -> IpPrefix.parse("::ffff:10.1.2.3/24"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid CIDR address: \"::ffff:10.1.2.3/24\"");
    }

    @Test
    @DisplayName("the constructor checks the length against the family")
    void constructorChecksLength() {
        assertThatThrownBy(() -> new IpPrefix(IpAddresses.parse("10.0.0.1"), 33))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid prefix length 33 for 10.0.0.1");
        assertThatThrownBy(() -> new IpPrefix(IpAddresses.parse("::1"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IpPrefix(IpAddresses.parse("::1"), 128).prefixLength()).isEqualTo(128);
    }
}
