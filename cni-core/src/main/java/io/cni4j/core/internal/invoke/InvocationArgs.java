package io.cni4j.core.internal.invoke;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The per-attachment values a plugin gets in its environment: {@code CNI_CONTAINERID},
 * {@code CNI_NETNS}, {@code CNI_IFNAME} and {@code CNI_ARGS}. GC and STATUS use {@link #NONE}.
 *
 * @param containerId the container id
 * @param netns the network namespace path, may be empty
 * @param ifName the interface name inside the container
 * @param pluginArgs the CNI_ARGS entries, kept in insertion order
 */
public record InvocationArgs(String containerId, String netns, String ifName, Map<String, String> pluginArgs) {

    /** No attachment: all four variables set but empty, as libcni does for GC and STATUS. */
    public static final InvocationArgs NONE = new InvocationArgs("", "", "", Map.of());

    /**
     * Replaces {@code null}s by empty values and copies the args in their order.
     *
     * @param containerId the container id
     * @param netns the netns path
     * @param ifName the interface name
     * @param pluginArgs the CNI_ARGS entries
     */
    public InvocationArgs {
        containerId = Objects.requireNonNullElse(containerId, "");
        netns = Objects.requireNonNullElse(netns, "");
        ifName = Objects.requireNonNullElse(ifName, "");
        pluginArgs = pluginArgs == null || pluginArgs.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(pluginArgs));
    }

    /** @return the CNI_ARGS value: {@code K=V} entries joined with {@code ;}, unescaped, as libcni does */
    public String cniArgs() {
        if (pluginArgs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : pluginArgs.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }
}
