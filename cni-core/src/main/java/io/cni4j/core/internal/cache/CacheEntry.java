package io.cni4j.core.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attachment's record in the result cache, libcni's {@code cniCacheV1} format (§2.8).
 *
 * @param containerId the container id
 * @param config the network configuration bytes used at ADD (stored base64)
 * @param ifName the interface name
 * @param networkName the network name
 * @param netns the netns path, or empty
 * @param cniArgs the CNI_ARGS pairs in order
 * @param capabilityArgs the (unfiltered) capability arguments object, or {@code null}
 * @param result the final ADD result, or {@code null}
 *
 * <p>The two trees are the record's own, not copies: whoever builds a record hands them over and
 * changes them no more (the engine builds them for the record; parsing builds them fresh).
 */
public record CacheEntry(String containerId, byte[] config, String ifName, String networkName, String netns,
                         List<Map.Entry<String, String>> cniArgs, JsonNode capabilityArgs, JsonNode result) {

    /** The {@code kind} of the current cache format. */
    public static final String KIND = "cniCacheV1";

    /**
     * Validates and copies.
     *
     * @param containerId the container id
     * @param config the config bytes
     * @param ifName the interface name
     * @param networkName the network name
     * @param netns the netns
     * @param cniArgs the args
     * @param capabilityArgs the capability args or {@code null}
     * @param result the result or {@code null}
     */
    public CacheEntry {
        Objects.requireNonNull(containerId, "containerId");
        config = Objects.requireNonNull(config, "config").clone();
        Objects.requireNonNull(ifName, "ifName");
        Objects.requireNonNull(networkName, "networkName");
        netns = Objects.requireNonNullElse(netns, "");
        cniArgs = cniArgs == null ? List.of() : List.copyOf(cniArgs);
    }

    /** @return a copy of the config bytes */
    @Override
    public byte[] config() {
        return config.clone();
    }
}
