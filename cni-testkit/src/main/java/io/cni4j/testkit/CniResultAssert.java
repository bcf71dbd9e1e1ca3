package io.cni4j.testkit;

import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpConfig;
import io.cni4j.api.IpPrefix;
import io.cni4j.testkit.internal.net.Subnets;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one plugin's or network's {@link CniResult}. Get one from
 * {@link CniAssertions#assertThat(CniResult)}.
 */
public final class CniResultAssert extends AbstractAssert<CniResultAssert, CniResult> {

    CniResultAssert(CniResult actual) {
        super(actual, CniResultAssert.class);
    }

    /**
     * Verifies the result's spec version.
     *
     * @param cniVersion the expected version, e.g. {@code 1.0.0}
     * @return this
     */
    public CniResultAssert hasCniVersion(String cniVersion) {
        isNotNull();
        if (!actual.cniVersion().equals(cniVersion)) {
            failWithMessage("Expecting result to have cniVersion \"%s\" but it has \"%s\"", cniVersion, actual.cniVersion());
        }
        return this;
    }

    /**
     * Verifies that the result reports an interface of that name.
     *
     * @param name the interface name
     * @return this
     */
    public CniResultAssert hasInterface(String name) {
        isNotNull();
        if (actual.interfaces().stream().noneMatch(i -> i.name().equals(name))) {
            failWithMessage("Expecting result to have interface \"%s\" but its interfaces are %s", name, interfaceNames());
        }
        return this;
    }

    /**
     * Verifies the interface names, exactly and in order.
     *
     * @param names the expected names
     * @return this
     */
    public CniResultAssert hasInterfaceNames(String... names) {
        isNotNull();
        if (!interfaceNames().equals(List.of(names))) {
            failWithMessage("Expecting result to have exactly the interfaces %s in this order but they are %s",
                    List.of(names), interfaceNames());
        }
        return this;
    }

    /**
     * Verifies that the result has exactly this address with this prefix length.
     *
     * @param cidr the address, e.g. {@code 10.22.0.2/16}
     * @return this
     */
    public CniResultAssert hasAddress(String cidr) {
        isNotNull();
        IpPrefix expected = IpPrefix.parse(cidr);
        if (actual.ips().stream().noneMatch(ip -> ip.address().equals(expected))) {
            failWithMessage("Expecting result to have address %s but its addresses are %s", cidr, addresses());
        }
        return this;
    }

    /**
     * Verifies that some address of the result lies in a subnet.
     *
     * @param subnet the subnet in CIDR notation
     * @return this
     */
    public CniResultAssert hasAddressIn(String subnet) {
        isNotNull();
        IpPrefix prefix = IpPrefix.parse(subnet);
        if (actual.ips().stream().noneMatch(ip -> Subnets.contains(prefix, ip.address().address()))) {
            failWithMessage("Expecting result to have an address in %s but its addresses are %s", subnet, addresses());
        }
        return this;
    }

    /**
     * Verifies that some address of the result has this gateway.
     *
     * @param gateway the gateway address
     * @return this
     */
    public CniResultAssert hasGateway(String gateway) {
        isNotNull();
        var expected = IpAddresses.parse(gateway);
        if (actual.ips().stream().noneMatch(ip -> expected.equals(ip.gateway()))) {
            failWithMessage("Expecting result to have gateway %s but its gateways are %s", gateway,
                    actual.ips().stream().map(ip -> AssertSupport.format(ip.gateway())).toList());
        }
        return this;
    }

    /**
     * Verifies that the result has no addresses (as loopback-less or chained results may).
     *
     * @return this
     */
    public CniResultAssert hasNoAddresses() {
        isNotNull();
        if (!actual.ips().isEmpty()) {
            failWithMessage("Expecting result to have no addresses but it has %s", addresses());
        }
        return this;
    }

    /**
     * Verifies that some route has this destination.
     *
     * @param dst the destination in CIDR notation
     * @return this
     */
    public CniResultAssert hasRoute(String dst) {
        return hasRoute(dst, null);
    }

    /**
     * Verifies that some route has this destination and gateway.
     *
     * @param dst the destination in CIDR notation
     * @param gw the gateway, or {@code null} for any
     * @return this
     */
    public CniResultAssert hasRoute(String dst, String gw) {
        isNotNull();
        if (actual.routes().stream().noneMatch(r -> AssertSupport.matches(r, dst, gw))) {
            failWithMessage("Expecting result to have a route to %s%s but its routes are %s", dst,
                    gw == null ? "" : " via " + gw, AssertSupport.describeRoutes(actual.routes()));
        }
        return this;
    }

    /**
     * Verifies that the result's DNS settings list this name server.
     *
     * @param nameserver the name server
     * @return this
     */
    public CniResultAssert hasNameserver(String nameserver) {
        isNotNull();
        if (!actual.dns().nameservers().contains(nameserver)) {
            failWithMessage("Expecting result to have name server %s but its name servers are %s", nameserver,
                    actual.dns().nameservers());
        }
        return this;
    }

    private List<String> interfaceNames() {
        return actual.interfaces().stream().map(Interface::name).toList();
    }

    private List<String> addresses() {
        return actual.ips().stream().map(IpConfig::address).map(IpPrefix::toString).toList();
    }
}
