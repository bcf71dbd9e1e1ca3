package io.cni4j.testkit;

import io.cni4j.api.Dns;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.Result;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on the facade's merged {@link Result}. Get one from
 * {@link CniAssertions#assertThat(Result)}.
 */
public final class ResultAssert extends AbstractAssert<ResultAssert, Result> {

    ResultAssert(Result actual) {
        super(actual, ResultAssert.class);
    }

    /**
     * Verifies that the result has an interface of that name, and moves on to assertions about it.
     *
     * @param name the interface name, e.g. {@code eth0}
     * @return assertions on that interface ({@link InterfaceAssert#and()} comes back here)
     */
    public InterfaceAssert hasInterface(String name) {
        isNotNull();
        InterfaceConfig config = actual.interfaces().get(name);
        if (config == null) {
            failWithMessage("Expecting result to have interface \"%s\" but its interfaces are %s", name,
                    actual.interfaces().keySet());
        }
        return new InterfaceAssert(this, name, config);
    }

    /**
     * Verifies the interface names, exactly and in order.
     *
     * @param names the expected names
     * @return this
     */
    public ResultAssert hasInterfaceNames(String... names) {
        isNotNull();
        if (!List.copyOf(actual.interfaces().keySet()).equals(List.of(names))) {
            failWithMessage("Expecting result to have exactly the interfaces %s in this order but they are %s",
                    List.of(names), actual.interfaces().keySet());
        }
        return this;
    }

    /**
     * Verifies that the result has no interface of that name.
     *
     * @param name the interface name
     * @return this
     */
    public ResultAssert doesNotHaveInterface(String name) {
        isNotNull();
        if (actual.interfaces().containsKey(name)) {
            failWithMessage("Expecting result not to have interface \"%s\" but it has: %s", name,
                    actual.interfaces().get(name));
        }
        return this;
    }

    /**
     * Verifies that some route has this destination.
     *
     * @param dst the destination in CIDR notation, e.g. {@code 0.0.0.0/0}
     * @return this
     */
    public ResultAssert hasRoute(String dst) {
        return hasRoute(dst, null);
    }

    /**
     * Verifies that some route has this destination and gateway.
     *
     * @param dst the destination in CIDR notation
     * @param gw the gateway address, or {@code null} for any
     * @return this
     */
    public ResultAssert hasRoute(String dst, String gw) {
        isNotNull();
        if (actual.routes().stream().noneMatch(r -> AssertSupport.matches(r, dst, gw))) {
            failWithMessage("Expecting result to have a route to %s%s but its routes are %s", dst,
                    gw == null ? "" : " via " + gw, AssertSupport.describeRoutes(actual.routes()));
        }
        return this;
    }

    /**
     * Verifies that some network's DNS settings list this name server.
     *
     * @param nameserver the name server, e.g. {@code 10.22.0.1}
     * @return this
     */
    public ResultAssert hasNameserver(String nameserver) {
        isNotNull();
        if (actual.dns().stream().noneMatch(d -> d.nameservers().contains(nameserver))) {
            failWithMessage("Expecting result to have name server %s but its DNS entries are %s", nameserver,
                    actual.dns().stream().map(Dns::nameservers).toList());
        }
        return this;
    }

    /**
     * Verifies that some network's DNS settings list this search domain.
     *
     * @param domain the search domain
     * @return this
     */
    public ResultAssert hasSearchDomain(String domain) {
        isNotNull();
        if (actual.dns().stream().noneMatch(d -> d.search().contains(domain))) {
            failWithMessage("Expecting result to have search domain %s but its DNS search lists are %s", domain,
                    actual.dns().stream().map(Dns::search).toList());
        }
        return this;
    }

    /**
     * Verifies how many networks contributed a result.
     *
     * @param count the expected number of per-network results
     * @return this
     */
    public ResultAssert hasNetworkCount(int count) {
        isNotNull();
        if (actual.raw().size() != count) {
            failWithMessage("Expecting result to come from %s networks but it has %s per-network results", count,
                    actual.raw().size());
        }
        return this;
    }
}
