package io.cni4j.testkit.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubnetsTest {

    @Test
    @DisplayName("membership compares the prefix bits of the same family")
    void contains() {
        assertThat(Subnets.contains(IpPrefix.parse("10.22.0.0/16"), IpAddresses.parse("10.22.255.1"))).isTrue();
        assertThat(Subnets.contains(IpPrefix.parse("10.22.0.0/16"), IpAddresses.parse("10.23.0.1"))).isFalse();
        assertThat(Subnets.contains(IpPrefix.parse("10.22.7.9/16"), IpAddresses.parse("10.22.0.1"))).as("host bits ignored").isTrue();
        assertThat(Subnets.contains(IpPrefix.parse("0.0.0.0/0"), IpAddresses.parse("::1"))).as("other family").isFalse();
        assertThat(Subnets.contains(IpPrefix.parse("fd00::/8"), IpAddresses.parse("fdff::1"))).isTrue();
    }

    @Test
    @DisplayName("addressAt counts from the network address and stays inside the subnet")
    void addressAt() {
        IpPrefix subnet = IpPrefix.parse("10.22.0.0/30");
        assertThat(IpAddresses.format(Subnets.addressAt(subnet, BigInteger.TWO))).isEqualTo("10.22.0.2");
        assertThat(Subnets.addressAt(subnet, BigInteger.valueOf(4))).isNull();
        assertThat(IpAddresses.format(Subnets.addressAt(IpPrefix.parse("fd00::/64"), BigInteger.valueOf(258))))
                .isEqualTo("fd00::102");
        assertThat(IpAddresses.format(Subnets.addressAt(IpPrefix.parse("255.255.255.0/24"), BigInteger.valueOf(255))))
                .isEqualTo("255.255.255.255");
        assertThat(Subnets.size(subnet)).isEqualTo(BigInteger.valueOf(4));
    }
}
