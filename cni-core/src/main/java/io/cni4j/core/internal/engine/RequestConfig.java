package io.cni4j.core.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the configuration a plugin reads on stdin (libcni's {@code buildOneConfig} and
 * {@code InjectConf}, §2.4): the plugin's own JSON with the list's {@code name} and {@code cniVersion},
 * the previous result, and a {@code runtimeConfig} holding only the capabilities the plugin declares.
 * Output keys are sorted, as Go's encoder writes them.
 *
 * <p>Each plugin's JSON is parsed and written once and kept (by its source text, at most
 * {@link #MAX_KEPT} of them) as its sorted top-level keys with each value already written sorted; a
 * request merges the injected fields into those keys and copies the rest as written. Thread-safe; one
 * instance serves an engine.
 */
public final class RequestConfig {

    /** How many plugin configurations are kept; past that the store starts again empty. */
    static final int MAX_KEPT = 1024;

    private final Map<String, Template> kept = new ConcurrentHashMap<>();

    /** Creates a request builder with nothing kept yet. */
    public RequestConfig() {
    }

    /**
     * A plugin's JSON ready to be written into requests.
     *
     * @param keys the top-level keys, sorted
     * @param values each key's value as sorted JSON
     */
    private record Template(String[] keys, SerializableString[] values) {
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
        Template template = template(listName, plugin);
        Injected injected = new Injected(listName, listVersion);
        if (prevResult != null) {
            injected.put("prevResult", prevResult);
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
            injected.put("runtimeConfig", runtimeConfig);
        }
        return write(template, injected);
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
        return write(template(listName, plugin), new Injected(listName, listVersion));
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
        Template template = template(listName, plugin);
        Injected injected = new Injected(listName, listVersion);
        if (valid != null) {
            ArrayNode list = Json.nodes().arrayNode();
            for (GcAttachment a : valid) {
                list.addObject().put("containerID", a.containerId()).put("ifname", a.ifName());
            }
            injected.put("cni.dev/valid-attachments", list);
            injected.put("cni.dev/attachments", list);
        }
        return write(template, injected);
    }

    /** The plugin's fields and the injected ones (which win), all keys in order, as one object. */
    private static byte[] write(Template template, Injected injected) {
        String[] keys = template.keys();
        return Json.write(g -> {
            g.writeStartObject();
            int i = 0;
            int j = 0;
            while (i < keys.length || j < injected.size()) {
                int order = i == keys.length ? 1 : j == injected.size() ? -1 : keys[i].compareTo(injected.key(j));
                if (order < 0) {
                    g.writeFieldName(keys[i]);
                    g.writeRawValue(template.values()[i]);
                    i++;
                } else {
                    g.writeFieldName(injected.key(j));
                    Json.writeSorted(g, injected.value(j));
                    j++;
                    if (order == 0) {
                        i++; // the plugin's own field of that name is replaced
                    }
                }
            }
            g.writeEndObject();
        });
    }

    private Template template(String listName, PluginConfig plugin) throws InvalidConfigException {
        Template template = kept.get(plugin.source());
        if (template != null) {
            return template;
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
        String[] keys = new String[conf.size()];
        int n = 0;
        for (Map.Entry<String, JsonNode> field : conf.properties()) {
            keys[n++] = field.getKey();
        }
        Arrays.sort(keys);
        SerializableString[] values = new SerializableString[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = new SerializedString(new String(Json.writeSorted(conf.get(keys[i])), StandardCharsets.UTF_8));
        }
        template = new Template(keys, values);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(plugin.source(), template);
        return template;
    }

    /** The injected fields, kept in key order (a handful: name, version, previous result, runtimeConfig). */
    private static final class Injected {
        private final List<String> keys = new ArrayList<>(4);
        private final List<JsonNode> values = new ArrayList<>(4);

        Injected(String listName, String listVersion) {
            put("name", Json.nodes().textNode(listName));
            put("cniVersion", Json.nodes().textNode(listVersion));
        }

        void put(String key, JsonNode value) {
            int at = 0;
            while (at < keys.size() && keys.get(at).compareTo(key) < 0) {
                at++;
            }
            if (at < keys.size() && keys.get(at).equals(key)) {
                values.set(at, value);
            } else {
                keys.add(at, key);
                values.add(at, value);
            }
        }

        int size() {
            return keys.size();
        }

        String key(int i) {
            return keys.get(i);
        }

        JsonNode value(int i) {
            return values.get(i);
        }
    }
}
