package io.cni4j.tool.internal.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.output.ToolJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plugin chains the bench measures. Both are the loopback network plus a bridge network with
 * host-local IPAM; {@link #PORTMAP} chains portmap after the bridge, with one port mapping per
 * container.
 */
public enum Chain {
    /** loopback + bridge/host-local. */
    BRIDGE("bridge", "loopback + bridge/host-local"),
    /** loopback + bridge/host-local + portmap. */
    PORTMAP("portmap", "loopback + bridge/host-local + portmap");

    /**
     * Why CHECK is not measured on the portmap chain: Debian's portmap 1.1.1 fails CHECK for a
     * container with only IPv4 addresses.
     */
    public static final String PORTMAP_CHECK_NOTE = "CHECK not measured: Debian's portmap 1.1.1 fails CHECK for"
            + " IPv4-only containers (containernetworking/plugins#819)";

    private final String label;
    private final String description;

    Chain(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /**
     * Parses an option value.
     *
     * @param text {@code bridge} or {@code portmap}
     * @return the chain
     * @throws UsageException for anything else
     */
    public static Chain parse(String text) throws UsageException {
        for (Chain c : values()) {
            if (c.label.equals(text.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new UsageException("--chain must be bridge or portmap, got '" + text + "'");
    }

    /** @return the name used on the command line and in the output */
    public String label() {
        return label;
    }

    /** @return the networks and plugins, e.g. {@code loopback + bridge/host-local} */
    public String description() {
        return description;
    }

    /** @return whether CHECK is measured (not on the portmap chain, see {@link #PORTMAP_CHECK_NOTE}) */
    public boolean measuresCheck() {
        return this == BRIDGE;
    }

    /** @return the plugin executables the chain runs */
    public List<String> plugins() {
        List<String> plugins = new ArrayList<>(List.of("loopback", "bridge", "host-local"));
        if (this == PORTMAP) {
            plugins.add("portmap");
        }
        return plugins;
    }

    /** @return the plugin objects chained after the bridge plugin in the bench network */
    public List<ObjectNode> chained() {
        if (this == BRIDGE) {
            return List.of();
        }
        ObjectNode portmap = ToolJson.object().put("type", "portmap");
        portmap.putObject("capabilities").put("portMappings", true);
        return List.of(portmap);
    }
}
