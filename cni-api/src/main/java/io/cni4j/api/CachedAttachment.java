package io.cni4j.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An attachment recorded in the result cache by a successful ADD (libcni's
 * {@code NetworkAttachment}), used by remove without a loaded config and by GC.
 *
 * @param containerId the container id
 * @param network the network name
 * @param ifName the interface name
 * @param netns the netns path recorded at ADD, or empty
 * @param cniArgs the CNI_ARGS pairs recorded at ADD, in order
 * @param capabilityArgsJson the capability arguments recorded at ADD as JSON, or empty
 * @param configJson the network configuration list used at ADD, as JSON text
 */
public record CachedAttachment(String containerId, String network, String ifName, String netns,
                               List<Map.Entry<String, String>> cniArgs, String capabilityArgsJson,
                               String configJson) {

    /**
     * Copies the list and normalises {@code null}.
     *
     * @param containerId the container id
     * @param network the network
     * @param ifName the interface name
     * @param netns the netns
     * @param cniArgs the args
     * @param capabilityArgsJson the capability args
     * @param configJson the config
     */
    public CachedAttachment {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(ifName, "ifName");
        netns = Objects.requireNonNullElse(netns, "");
        cniArgs = cniArgs == null ? List.of() : cniArgs.stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        capabilityArgsJson = Objects.requireNonNullElse(capabilityArgsJson, "");
        configJson = Objects.requireNonNullElse(configJson, "");
    }
}
