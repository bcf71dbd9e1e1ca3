package io.cni4j.core.internal.result;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.CniResult;
import io.cni4j.api.Dns;
import io.cni4j.api.Interface;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpConfig;
import io.cni4j.api.Result;
import io.cni4j.api.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the facade's {@link Result} from each network's result, as go-cni's {@code createResult}
 * does, except that a bad interface index is an {@link InvalidResultException} instead of a panic
 * and the interfaces keep their insertion order.
 */
public final class ResultMerger {

    private static final String TARGET_VERSION = "1.1.0";

    private ResultMerger() {
    }

    /**
     * Merges per-network results.
     *
     * @param perNetwork each network's result, in network order, of any version
     * @param interfacePrefix the interface prefix; {@code prefix + "0"} is the default interface
     * @return the merged result
     * @throws InvalidResultException if a result cannot be converted to 1.1.0 or an IP names an
     *     interface index the result does not have
     */
    public static Result merge(List<CniResult> perNetwork, String interfacePrefix) throws InvalidResultException {
        Objects.requireNonNull(perNetwork, "perNetwork");
        String defaultInterface = Objects.requireNonNull(interfacePrefix, "interfacePrefix") + "0";
        Map<String, Entry> interfaces = new LinkedHashMap<>();
        interfaces.put(defaultInterface, new Entry("", "", "", ""));
        List<Dns> dns = new ArrayList<>(perNetwork.size());
        List<Route> routes = new ArrayList<>();
        List<CniResult> raw = new ArrayList<>(perNetwork.size());
        for (int n = 0; n < perNetwork.size(); n++) {
            CniResult result = toCurrent(perNetwork.get(n), n);
            for (Interface intf : result.interfaces()) {
                interfaces.put(intf.name(), new Entry(intf.mac(), intf.sandbox(), intf.pciId(), intf.socketPath()));
            }
            checkInterfaceIndexes(result);
            for (IpConfig ip : result.ips()) {
                Integer index = ip.interfaceIndex();
                String name = index == null ? defaultInterface : result.interfaces().get(index).name();
                interfaces.get(name).addresses.add(new AssignedAddress(ip.address(), ip.gateway()));
            }
            dns.add(result.dns());
            routes.addAll(result.routes());
            raw.add(result);
        }
        Map<String, InterfaceConfig> configs = new LinkedHashMap<>();
        interfaces.forEach((name, entry) -> configs.put(name, entry.toConfig()));
        return new Result(configs, dns, routes, raw);
    }

    /**
     * Checks that every IP's interface index names an interface of the result (go-cni panics on one
     * that does not).
     *
     * @param result the result
     * @throws InvalidResultException with go-cni's {@code invalid interface config: invalid IP
     *     configuration (interface number N is > number of interfaces M)}
     */
    public static void checkInterfaceIndexes(CniResult result) throws InvalidResultException {
        int count = result.interfaces().size();
        for (IpConfig ip : result.ips()) {
            Integer index = ip.interfaceIndex();
            if (index != null && (index < 0 || index >= count)) {
                throw new InvalidResultException("invalid interface config: invalid IP configuration (interface number "
                        + index + " is > number of interfaces " + count + ")");
            }
        }
    }

    private static CniResult toCurrent(CniResult result, int position) throws InvalidResultException {
        if (result == null) {
            throw new InvalidResultException("network " + position + " has no result");
        }
        try {
            return ResultConverter.convert(result, TARGET_VERSION);
        } catch (InvalidResultException e) {
            throw new InvalidResultException("cannot use the result of network " + position + ": " + e.getMessage(), e);
        }
    }

    /** One interface name's data while merging. */
    private static final class Entry {
        private final String mac;
        private final String sandbox;
        private final String pciId;
        private final String socketPath;
        private final List<AssignedAddress> addresses = new ArrayList<>();

        Entry(String mac, String sandbox, String pciId, String socketPath) {
            this.mac = mac;
            this.sandbox = sandbox;
            this.pciId = pciId;
            this.socketPath = socketPath;
        }

        InterfaceConfig toConfig() {
            return new InterfaceConfig(addresses, mac, sandbox, pciId, socketPath);
        }
    }
}
