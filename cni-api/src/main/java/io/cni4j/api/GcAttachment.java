package io.cni4j.api;

import java.util.Objects;

/**
 * An attachment that is still in use, for {@link Cni#gc}: GC deletes every cached attachment that is
 * not listed. Sent to plugins as {@code {"containerID": ..., "ifname": ...}}.
 *
 * @param containerId the container id
 * @param ifName the interface name in the container
 */
public record GcAttachment(String containerId, String ifName) {

    /**
     * Validates the components.
     *
     * @param containerId the container id
     * @param ifName the interface name
     */
    public GcAttachment {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(ifName, "ifName");
    }
}
