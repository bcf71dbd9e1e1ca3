package io.cni4j.testkit;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import io.cni4j.testkit.internal.net.Subnets;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one interface of a {@link io.cni4j.api.Result}, reached through
 * {@link ResultAssert#hasInterface(String)}.
 */
public final class InterfaceAssert extends AbstractAssert<InterfaceAssert, InterfaceConfig> {

    private final ResultAssert result;
    private final String name;

    InterfaceAssert(ResultAssert result, String name, InterfaceConfig actual) {
        super(actual, InterfaceAssert.class);
        this.result = result;
        this.name = name;
    }

    /** @return the assertions on the whole result, to go on with another interface */
    public ResultAssert and() {
        return result;
    }

    /**
     * Verifies that one of the interface's addresses lies in a subnet.
     *
     * @param subnet the subnet in CIDR notation, e.g. {@code 10.22.0.0/16}
     * @return this
     */
    public InterfaceAssert withAddressIn(String subnet) {
        IpPrefix prefix = IpPrefix.parse(subnet);
        if (actual.addresses().stream().noneMatch(a -> Subnets.contains(prefix, a.ip()))) {
            failWithMessage("Expecting interface \"%s\" to have an address in %s but its addresses are %s", name,
                    subnet, addresses());
        }
        return this;
    }

    /**
     * Verifies that the interface has exactly this address with this prefix length.
     *
     * @param cidr the address, e.g. {@code 10.22.0.2/16}
     * @return this
     */
    public InterfaceAssert withAddress(String cidr) {
        IpPrefix expected = IpPrefix.parse(cidr);
        if (actual.addresses().stream().noneMatch(a -> a.address().equals(expected))) {
            failWithMessage("Expecting interface \"%s\" to have address %s but its addresses are %s", name, cidr,
                    addresses());
        }
        return this;
    }

    /**
     * Verifies that one of the interface's addresses has this gateway.
     *
     * @param gateway the gateway address, e.g. {@code 10.22.0.1}
     * @return this
     */
    public InterfaceAssert withGateway(String gateway) {
        var expected = IpAddresses.parse(gateway);
        if (actual.addresses().stream().noneMatch(a -> expected.equals(a.gateway()))) {
            failWithMessage("Expecting interface \"%s\" to have gateway %s but its gateways are %s", name, gateway,
                    actual.addresses().stream().map(a -> AssertSupport.format(a.gateway())).toList());
        }
        return this;
    }

    /**
     * Verifies the interface's hardware address.
     *
     * @param mac the expected MAC, e.g. {@code 0a:58:0a:16:00:02}
     * @return this
     */
    public InterfaceAssert withMac(String mac) {
        if (!actual.mac().equalsIgnoreCase(mac)) {
            failWithMessage("Expecting interface \"%s\" to have MAC %s but it has \"%s\"", name, mac, actual.mac());
        }
        return this;
    }

    /**
     * Verifies the interface's sandbox (its netns path).
     *
     * @param sandbox the expected sandbox
     * @return this
     */
    public InterfaceAssert withSandbox(String sandbox) {
        if (!Objects.equals(actual.sandbox(), sandbox)) {
            failWithMessage("Expecting interface \"%s\" to be in sandbox \"%s\" but it is in \"%s\"", name, sandbox,
                    actual.sandbox());
        }
        return this;
    }

    /**
     * Verifies how many addresses the interface has.
     *
     * @param count the expected number
     * @return this
     */
    public InterfaceAssert withAddressCount(int count) {
        if (actual.addresses().size() != count) {
            failWithMessage("Expecting interface \"%s\" to have %s addresses but it has %s: %s", name, count,
                    actual.addresses().size(), addresses());
        }
        return this;
    }

    private List<String> addresses() {
        return actual.addresses().stream().map(AssignedAddress::address).map(IpPrefix::toString).toList();
    }
}
