package io.cni4j.api;

import java.util.List;
import java.util.Objects;

/**
 * A plugin's answer to VERSION (libcni's {@code PluginInfo}).
 *
 * @param cniVersion the spec version of the answer itself
 * @param supportedVersions the spec versions the plugin supports, in the order it listed them
 */
public record VersionInfo(String cniVersion, List<String> supportedVersions) {

    /**
     * Copies the list.
     *
     * @param cniVersion the answer's version
     * @param supportedVersions the supported versions
     */
    public VersionInfo {
        Objects.requireNonNull(cniVersion, "cniVersion");
        supportedVersions = List.copyOf(supportedVersions);
    }
}
