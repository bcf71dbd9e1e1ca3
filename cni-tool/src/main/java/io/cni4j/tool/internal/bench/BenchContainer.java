package io.cni4j.tool.internal.bench;

import io.cni4j.api.PortMapping;
import java.nio.file.Path;
import java.util.List;

/**
 * The container one bench worker sets up and removes, cycle after cycle: its id, its network
 * namespace, and its port mappings (one on the portmap chain, with a host port of its own).
 *
 * @param id the container id, also the namespace's name
 * @param netns the namespace path
 * @param ports the port mappings passed as the {@code portMappings} capability; empty for none
 */
public record BenchContainer(String id, Path netns, List<PortMapping> ports) {

    /**
     * Copies the port list.
     *
     * @param id the id
     * @param netns the namespace
     * @param ports the port mappings
     */
    public BenchContainer {
        ports = List.copyOf(ports);
    }
}
