package io.cni4j.api;

import java.util.List;
import java.util.Objects;

/**
 * A read-only view of a loaded network (a configuration list, possibly upgraded from a single
 * {@code .conf}), with its JSON text exactly as read.
 *
 * @param name the network name
 * @param cniVersion the selected spec version (from {@code cniVersion} and {@code cniVersions}), or
 *     empty, which libcni treats as 0.1.0
 * @param disableCheck whether CHECK is disabled for this network
 * @param disableGC whether GC is disabled for this network
 * @param loadOnlyInlinedPlugins whether plugins in {@code <confdir>/<name>/} were ignored
 * @param plugins the plugins in chain order, never empty
 * @param source the list's JSON text: the file's bytes, or for an upgraded {@code .conf}, the list
 *     libcni generates around it
 */
public record NetworkConfigList(String name, String cniVersion, boolean disableCheck, boolean disableGC,
                                boolean loadOnlyInlinedPlugins, List<PluginConfig> plugins, String source) {

    /**
     * Copies the list and normalises {@code null}.
     *
     * @param name the name
     * @param cniVersion the version
     * @param disableCheck disable CHECK
     * @param disableGC disable GC
     * @param loadOnlyInlinedPlugins only inlined plugins
     * @param plugins the plugins
     * @param source the JSON text
     */
    public NetworkConfigList {
        name = Objects.requireNonNullElse(name, "");
        cniVersion = Objects.requireNonNullElse(cniVersion, "");
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        source = Objects.requireNonNullElse(source, "");
    }
}
