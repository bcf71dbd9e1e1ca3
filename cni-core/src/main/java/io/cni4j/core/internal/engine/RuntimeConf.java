package io.cni4j.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.core.internal.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-attachment arguments of one operation (libcni's {@code RuntimeConf}).
 *
 * @param containerId the container id ({@code CNI_CONTAINERID})
 * @param netns the netns path ({@code CNI_NETNS})
 * @param ifName the interface name ({@code CNI_IFNAME})
 * @param args the CNI_ARGS pairs in order
 * @param capabilityArgs the capability arguments as a JSON object (never {@code null}); taken as it is,
 *     not copied: the client builds one per call and no one changes it afterwards (it is read to build
 *     requests and cache records), and one call builds several of these
 */
public record RuntimeConf(String containerId, String netns, String ifName, List<Map.Entry<String, String>> args,
                          ObjectNode capabilityArgs) {

    /** The empty runtime configuration GC and STATUS run with. */
    public static final RuntimeConf EMPTY = new RuntimeConf("", "", "", List.of(), Json.object());

    /**
     * Checks the components and copies the args.
     *
     * @param containerId the container id
     * @param netns the netns
     * @param ifName the interface name
     * @param args the args
     * @param capabilityArgs the capability args
     */
    public RuntimeConf {
        Objects.requireNonNull(containerId, "containerId");
        netns = Objects.requireNonNullElse(netns, "");
        Objects.requireNonNull(ifName, "ifName");
        args = args == null ? List.of() : List.copyOf(args);
        capabilityArgs = capabilityArgs == null ? Json.object() : capabilityArgs;
    }

    /** @return CNI_ARGS as libcni encodes it: {@code K=V;K2=V2} */
    public String argsString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : args) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /**
     * @param capability a capability name
     * @return the argument for it, or {@code null}
     */
    public JsonNode capability(String capability) {
        return capabilityArgs.get(capability);
    }
}
