package io.cni4j.core;

import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.Result;
import io.cni4j.core.internal.result.ResultConverter;
import io.cni4j.core.internal.result.ResultMerger;
import io.cni4j.core.internal.result.ResultReader;
import io.cni4j.core.internal.result.ResultWriter;
import java.util.List;

/**
 * CNI results of every spec version (0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0): parse them,
 * convert them between versions and write each version's exact JSON, with libcni's rules and error
 * messages; and merge per-network results into the facade's {@link Result} as go-cni does.
 *
 * <p>Every version is held in the 1.1.0 shape of {@link CniResult}, labelled with its version.
 * Parsing reads exactly what the version's JSON carries: 0.1.0/0.2.0 {@code ip4}/{@code ip6} become
 * addresses without an interface index (IPv4 first) and their routes are listed IPv4 first (an
 * address or route of the other family under either is refused, unlike libcni, since it could not be
 * written back as read); the
 * 0.3.x/0.4.0 {@code version} field of an IP is checked to be a string and derived from the address
 * on write; interface MTU, socket path and PCI id are read from 1.x results only. Routes carry every
 * field in every version, as libcni's shared route type does. Unknown fields are ignored, absent and
 * {@code null} fields are empty. Errors name the field, e.g.
 * {@code ips[1].address: invalid CIDR address: "x"}.
 *
 * <p>An IP's interface index must be a non-negative integer when parsed; whether it names an
 * interface of the result is checked by {@link #merge}, where go-cni would panic.
 */
public final class CniResults {

    private CniResults() {
    }

    /**
     * Parses a result in the version its own {@code cniVersion} names, as libcni's
     * {@code CreateFromBytes} does; an absent or empty version means 0.1.0. Use it for results whose
     * version is not known in advance, such as cached ones.
     *
     * @param json the result JSON (UTF-8)
     * @return the result, labelled with its version
     * @throws InvalidResultException if the bytes are not a JSON object, the version is not a
     *     result version ({@code unsupported CNI result version "x"}) or a field is invalid
     */
    public static CniResult parse(byte[] json) throws InvalidResultException {
        return ResultReader.parse(json);
    }

    /**
     * Parses a result that must be of the given version, as libcni's {@code Create} does: the
     * version picks the shape, and the document's own {@code cniVersion} must belong to the same
     * family (for 1.x: {@code result type supports [1.0.0 1.1.0] but unmarshalled CNIVersion is "x"}).
     *
     * @param version the expected version; {@code ""} means 0.1.0
     * @param json the result JSON (UTF-8)
     * @return the result, labelled with the version the document names (an empty one as 0.1.0)
     * @throws InvalidResultException if the version is unknown
     *     ({@code unsupported CNI result version "x"}), the document's version does not match, or the
     *     document is not a valid result
     */
    public static CniResult parse(String version, byte[] json) throws InvalidResultException {
        return ResultReader.parse(version, json);
    }

    /**
     * Reads a plugin's ADD output as libcni's {@code ExecPluginWithResult} does: a result without a
     * {@code cniVersion} (or with an empty one) has the version of the config the plugin was given,
     * not 0.1.0, because plugins that omit it mean the config's version.
     *
     * @param configCniVersion the cniVersion of the plugin's config; empty or {@code null} means 0.1.0
     * @param stdout the plugin's standard output
     * @return the result
     * @throws InvalidResultException {@code failed to unmarshal raw result: ...} if the output is not
     *     a JSON object ({@code null} counts as {@code {}}), otherwise as {@link #parse(String, byte[])}
     */
    public static CniResult fromPluginOutput(String configCniVersion, byte[] stdout) throws InvalidResultException {
        return ResultReader.fromPluginOutput(configCniVersion, stdout);
    }

    /**
     * Converts a result to another version with libcni's rules. Going down to 0.1.0/0.2.0 keeps the
     * first IPv4 and the first IPv6 address and, of the routes, only destination and gateway; going
     * to 0.3.x/0.4.0 loses the interface MTU, socket path and PCI id.
     *
     * @param result the result
     * @param toVersion the target version; {@code ""} means 0.1.0
     * @return {@code result} itself if it already has that version, else a converted copy
     * @throws InvalidResultException {@code no converter for CNI result version x to y} for an
     *     unknown version, {@code cannot convert: no valid IP addresses} for a result without
     *     addresses going down to 0.1.0/0.2.0
     */
    public static CniResult convert(CniResult result, String toVersion) throws InvalidResultException {
        return ResultConverter.convert(result, toVersion);
    }

    /**
     * Writes a result as the exact JSON of the version it is labelled with (an empty label as 0.1.0):
     * 0.1.0/0.2.0 with {@code ip4}/{@code ip6} and {@code dns} always; 0.3.x/0.4.0 with each IP's
     * {@code version} always and its {@code interface} index when known (0 included), {@code dns}
     * always; 1.x leaving out empty lists, an empty {@code dns} and unset fields. IPv6 addresses are
     * printed in RFC 5952 form.
     *
     * @param result the result
     * @return compact UTF-8 JSON
     * @throws IllegalArgumentException if the result's version is not a result version
     */
    public static byte[] write(CniResult result) {
        return ResultWriter.write(result);
    }

    /**
     * Builds the facade's result from each network's result, as go-cni's {@code createResult} does.
     * Each result is converted to 1.1.0 first. The default interface {@code prefix + "0"} is always
     * present, first; an interface reported again by a later network replaces the earlier entry (and
     * its addresses) but keeps its position; an IP without an interface index belongs to the default
     * interface; DNS has one entry per network, even an empty one; routes are concatenated; the raw
     * 1.1.0 results are kept in network order.
     *
     * <p>Unlike go-cni, an IP whose interface index is negative or not below the number of the
     * result's interfaces fails cleanly instead of panicking.
     *
     * @param perNetwork each network's result, in network order
     * @param interfacePrefix the interface prefix, e.g. {@code eth}
     * @return the merged result
     * @throws InvalidResultException if a result cannot be converted to 1.1.0, or with
     *     {@code invalid interface config: invalid IP configuration (interface number N is > number of
     *     interfaces M)} for a bad interface index
     */
    public static Result merge(List<CniResult> perNetwork, String interfacePrefix) throws InvalidResultException {
        return ResultMerger.merge(perNetwork, interfacePrefix);
    }
}
