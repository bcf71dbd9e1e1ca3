package io.cni4j.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of one plugin's configuration inside a network: the typed fields libcni reads
 * ({@code types.PluginConf}) and the plugin's JSON exactly as it will be sent.
 *
 * @param type the plugin type, the executable's name (never empty)
 * @param name the plugin's own {@code name}, or empty
 * @param cniVersion the plugin's own {@code cniVersion}, or empty (the list's version wins at run time)
 * @param capabilities the declared capabilities, in file order ({@code "portMappings": true}, ...)
 * @param ipamType the {@code ipam.type}, or empty
 * @param source the plugin's JSON text as libcni keeps it (for list entries, re-serialised with
 *     sorted keys; for {@code .conf} files and subdirectory plugins, the file's bytes)
 */
public record PluginConfig(String type, String name, String cniVersion, Map<String, Boolean> capabilities,
                           String ipamType, String source) {

    /**
     * Copies the map and normalises {@code null}.
     *
     * @param type the type
     * @param name the name
     * @param cniVersion the version
     * @param capabilities the capabilities
     * @param ipamType the IPAM type
     * @param source the JSON text
     */
    public PluginConfig {
        type = Objects.requireNonNullElse(type, "");
        name = Objects.requireNonNullElse(name, "");
        cniVersion = Objects.requireNonNullElse(cniVersion, "");
        capabilities = capabilities == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
        ipamType = Objects.requireNonNullElse(ipamType, "");
        source = Objects.requireNonNullElse(source, "");
    }

    /**
     * Tells whether the plugin declares a capability as {@code true}.
     *
     * @param capability the capability name, e.g. {@code portMappings}
     * @return {@code true} if declared and enabled
     */
    public boolean hasCapability(String capability) {
        return Boolean.TRUE.equals(capabilities.get(capability));
    }
}
