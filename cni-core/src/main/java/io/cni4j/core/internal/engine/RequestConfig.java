package io.cni4j.core.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.json.Json;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the configuration a plugin reads on stdin (libcni's {@code buildOneConfig} and
 * {@code InjectConf}, §2.4): the plugin's own JSON with the list's {@code name} and {@code cniVersion},
 * the previous result, and a {@code runtimeConfig} holding only the capabilities the plugin declares.
 * Output keys are sorted, as Go's encoder writes them.
 *
 * <p>Each plugin's JSON is parsed once and kept (by its source text, at most {@link #MAX_KEPT}
 * of them): a request is its top-level fields plus the injected ones, written sorted, so the kept
 * tree is never changed and is shared by concurrent requests. Thread-safe; one instance serves an
 * engine.
 */
public final class RequestConfig {

    /** How many parsed plugin configurations are kept; past that the store starts again empty. */
    static final int MAX_KEPT = 1024;

    private final Map<String, ObjectNode> parsed = new ConcurrentHashMap<>();

    /** Creates a request builder with nothing parsed yet. */
    public RequestConfig() {
    }

    /**
     * The stdin of ADD, CHECK and DEL.
     *
     * @param listName the network name
     * @param listVersion the network's selected version
     * @param plugin the plugin
     * @param prevResult the previous or cached result, or {@code null} for none; not changed
     * @param rt the runtime arguments, whose capability arguments are filtered by the plugin's capabilities
     * @return the JSON bytes
     * @throws InvalidConfigException if the plugin's JSON is not an object
     */
    public byte[] forAttachment(String listName, String listVersion, PluginConfig plugin, JsonNode prevResult,
                                RuntimeConf rt) throws InvalidConfigException {
        ObjectNode conf = base(listName, listVersion, plugin);
        if (prevResult != null) {
            conf.set("prevResult", prevResult);
        }
        ObjectNode runtimeConfig = null;
        for (Map.Entry<String, Boolean> cap : plugin.capabilities().entrySet()) {
            JsonNode value = rt.capability(cap.getKey());
            if (Boolean.TRUE.equals(cap.getValue()) && value != null) {
                if (runtimeConfig == null) {
                    runtimeConfig = Json.object();
                }
                runtimeConfig.set(cap.getKey(), value);
            }
        }
        if (runtimeConfig != null) {
            conf.set("runtimeConfig", runtimeConfig);
        }
        return Json.writeSorted(conf);
    }

    /**
     * The stdin of STATUS: the plugin's JSON with the list's name and version.
     *
     * @param listName the network name
     * @param listVersion the version
     * @param plugin the plugin
     * @return the JSON bytes
     * @throws InvalidConfigException if the plugin's JSON is not an object
     */
    public byte[] forStatus(String listName, String listVersion, PluginConfig plugin) throws InvalidConfigException {
        return Json.writeSorted(base(listName, listVersion, plugin));
    }

    /**
     * The stdin of GC: name, version and the valid attachments under both keys libcni sends
     * ({@code cni.dev/valid-attachments} and its compatibility twin {@code cni.dev/attachments}).
     *
     * @param listName the network name
     * @param listVersion the version
     * @param plugin the plugin
     * @param valid the attachments still in use, or {@code null} to send none
     * @return the JSON bytes
     * @throws InvalidConfigException if the plugin's JSON is not an object
     */
    public byte[] forGc(String listName, String listVersion, PluginConfig plugin, Collection<GcAttachment> valid)
            throws InvalidConfigException {
        ObjectNode conf = base(listName, listVersion, plugin);
        if (valid != null) {
            ArrayNode list = Json.nodes().arrayNode();
            for (GcAttachment a : valid) {
                list.addObject().put("containerID", a.containerId()).put("ifname", a.ifName());
            }
            conf.set("cni.dev/valid-attachments", list);
            conf.set("cni.dev/attachments", list);
        }
        return Json.writeSorted(conf);
    }

    /**
     * A new object holding the plugin's top-level fields (their values shared with the kept tree, so
     * to be written, never changed) with the list's name and version.
     */
    private ObjectNode base(String listName, String listVersion, PluginConfig plugin) throws InvalidConfigException {
        ObjectNode conf = Json.object();
        conf.setAll(parsed(listName, plugin));
        conf.put("name", listName);
        conf.put("cniVersion", listVersion);
        return conf;
    }

    private ObjectNode parsed(String listName, PluginConfig plugin) throws InvalidConfigException {
        ObjectNode kept = parsed.get(plugin.source());
        if (kept != null) {
            return kept;
        }
        JsonNode node;
        try {
            node = Json.parse(plugin.source());
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("unmarshal existing network bytes of plugin \"" + plugin.type()
                    + "\" in network \"" + listName + "\": " + Json.describe(e), e);
        }
        if (!(node instanceof ObjectNode conf)) {
            throw new InvalidConfigException("plugin \"" + plugin.type() + "\" in network \"" + listName
                    + "\" is not a JSON object");
        }
        if (parsed.size() >= MAX_KEPT) {
            parsed.clear();
        }
        parsed.put(plugin.source(), conf);
        return conf;
    }
}
