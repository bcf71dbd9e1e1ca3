package io.cni4j.core.internal.result;

import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts results between spec versions with libcni's converters and their failures.
 *
 * <ul>
 *   <li>to 0.1.0/0.2.0 from a later version: the first IPv4 and the first IPv6 address, routes
 *       sorted under them by destination family with only {@code dst} and {@code gw}, interfaces
 *       dropped; no address at all fails with {@code cannot convert: no valid IP addresses};</li>
 *   <li>from 0.1.0/0.2.0 to a later version: the addresses without interface index, IPv4 routes then
 *       IPv6 routes;</li>
 *   <li>to or from 0.3.x/0.4.0: interfaces keep only name, MAC and sandbox;</li>
 *   <li>within a family: the same content, relabelled.</li>
 * </ul>
 */
public final class ResultConverter {

    private ResultConverter() {
    }

    /**
     * Converts a result.
     *
     * @param result the result ({@code ""} label means 0.1.0)
     * @param toVersion the target version ({@code ""} means 0.1.0)
     * @return {@code result} itself when it already has that version, else a converted copy
     * @throws InvalidResultException with libcni's message when there is no converter or the result
     *     cannot be expressed in the target version
     */
    public static CniResult convert(CniResult result, String toVersion) throws InvalidResultException {
        String to = ResultFamily.normalize(toVersion);
        if (result.cniVersion().equals(to)) {
            return result;
        }
        String from = ResultFamily.normalize(result.cniVersion());
        ResultFamily fromFamily = ResultFamily.of(from);
        ResultFamily toFamily = ResultFamily.of(to);
        if (fromFamily == null || toFamily == null) {
            throw new InvalidResultException("no converter for CNI result version " + from + " to " + to);
        }
        if (toFamily == ResultFamily.V020) {
            return fromFamily == ResultFamily.V020 ? Codec020.View.of(result).toResult(to) : down020(result, to);
        }
        CniResult source = fromFamily == ResultFamily.V020 ? Codec020.View.of(result).toResult(to) : result;
        boolean strip = fromFamily == ResultFamily.V040 || toFamily == ResultFamily.V040;
        return strip ? stripInterfaces(source, to) : relabel(source, to);
    }

    /**
     * The same content with another label.
     *
     * @param result the result
     * @param version the new label
     * @return the relabelled result
     */
    static CniResult relabel(CniResult result, String version) {
        return new CniResult(version, result.interfaces(), result.ips(), result.routes(), result.dns());
    }

    private static CniResult stripInterfaces(CniResult result, String version) {
        List<Interface> interfaces = new ArrayList<>(result.interfaces().size());
        for (Interface intf : result.interfaces()) {
            interfaces.add(Interface.of(intf.name(), intf.mac(), intf.sandbox()));
        }
        return new CniResult(version, interfaces, result.ips(), result.routes(), result.dns());
    }

    private static CniResult down020(CniResult result, String version) throws InvalidResultException {
        Codec020.View view = Codec020.View.of(result);
        if (view.hasNoAddress()) {
            throw new InvalidResultException("cannot convert: no valid IP addresses");
        }
        return new Codec020.View(view.ip4(), view.ip6(), destinationAndGateway(view.routes4()),
                destinationAndGateway(view.routes6()), view.dns()).toResult(version);
    }

    private static List<Route> destinationAndGateway(List<Route> routes) {
        List<Route> out = new ArrayList<>(routes.size());
        for (Route route : routes) {
            out.add(Route.of(route.dst(), route.gw()));
        }
        return out;
    }
}
