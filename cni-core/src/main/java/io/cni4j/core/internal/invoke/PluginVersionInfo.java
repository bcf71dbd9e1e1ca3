package io.cni4j.core.internal.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.core.internal.version.SpecVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a plugin answered to VERSION.
 *
 * @param cniVersion the version of the answer itself ({@code 1.1.0} when the answer was inferred
 *     from a plugin too old to give one, as libcni's {@code PluginSupports} does)
 * @param supportedVersions the spec versions the plugin supports, in the order it listed them
 */
public record PluginVersionInfo(String cniVersion, List<String> supportedVersions) {

    /** The answer assumed for a plugin that does not know VERSION: {@code 0.1.0} only. */
    static final PluginVersionInfo PRE_VERSION = new PluginVersionInfo(SpecVersion.CURRENT, List.of("0.1.0"));

    private static final Set<String> FIELDS = Set.of("cniVersion", "supportedVersions");

    /**
     * Copies the list.
     *
     * @param cniVersion the answer's version
     * @param supportedVersions the supported versions
     */
    public PluginVersionInfo {
        Objects.requireNonNull(cniVersion, "cniVersion");
        supportedVersions = List.copyOf(supportedVersions);
    }

    /**
     * Decodes a VERSION answer with libcni's {@code PluginDecoder} rules: {@code cniVersion} is
     * required; an empty {@code supportedVersions} means {@code ["0.1.0","0.2.0"]} when
     * {@code cniVersion} is {@code 0.2.0} and is an error otherwise.
     *
     * @param stdout the plugin's output
     * @return the version info
     * @throws GoDecoding.Failure with libcni's message, {@code decoding version info: ...}
     */
    static PluginVersionInfo decode(byte[] stdout) throws GoDecoding.Failure {
        Map<String, JsonNode> fields;
        String cniVersion;
        List<String> supported;
        try {
            fields = GoDecoding.fields(stdout, FIELDS, "version.pluginInfo");
            cniVersion = GoDecoding.string(fields, "cniVersion", "pluginInfo");
            supported = GoDecoding.strings(fields, "supportedVersions", "pluginInfo");
        } catch (GoDecoding.Failure e) {
            throw new GoDecoding.Failure("decoding version info: " + e.getMessage(), e.getCause());
        }
        if (cniVersion.isEmpty()) {
            throw new GoDecoding.Failure("decoding version info: missing field cniVersion", null);
        }
        if (supported.isEmpty()) {
            if (cniVersion.equals("0.2.0")) {
                return new PluginVersionInfo(SpecVersion.CURRENT, List.of("0.1.0", "0.2.0"));
            }
            throw new GoDecoding.Failure("decoding version info: missing field supportedVersions", null);
        }
        return new PluginVersionInfo(cniVersion, supported);
    }
}
