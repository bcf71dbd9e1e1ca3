package io.cni4j.core.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.json.Json;
import io.cni4j.core.internal.version.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns configuration bytes into the api's config views with libcni's rules ({@code conf.go}):
 * single plugin configurations, configuration lists, and the upgrade of the former to the latter.
 *
 * <p>Messages follow libcni's wording (the list rules print Go's type names, as libcni's
 * {@code %T} does) so that they can be looked up; they never name a file, the file readers add
 * that. Object keys match exactly (Go's decoder would also accept {@code "Type"} for {@code type}).
 */
public final class ConfParser {

    private static final String LIST_ERROR = "error parsing configuration list: ";
    private static final String PLUGIN_ERROR = "error parsing configuration: ";

    private ConfParser() {
    }

    /**
     * libcni's {@code NetworkPluginConfFromBytes}: the typed fields of one plugin configuration.
     *
     * @param json the configuration, kept verbatim as the source
     * @return the plugin view
     * @throws InvalidConfigException if it is not a JSON object, a typed field has the wrong type,
     *     or {@code type} is missing or empty
     */
    public static PluginConfig plugin(byte[] json) throws InvalidConfigException {
        return plugin(parse(json, PLUGIN_ERROR), new String(json, StandardCharsets.UTF_8));
    }

    /**
     * libcni's {@code NetworkConfFromBytes}, but a list without plugins is refused (DESIGN D10:
     * libcni accepts one without a {@code plugins} key, and ADD on it then does nothing).
     *
     * @param json the list, kept verbatim as the source
     * @return the list view, with at least one plugin
     * @throws InvalidConfigException naming the rule that failed
     */
    public static NetworkConfigList list(byte[] json) throws InvalidConfigException {
        NetworkConfigList list = inlineList(json);
        if (list.plugins().isEmpty()) {
            throw new InvalidConfigException(LIST_ERROR + "no 'plugins' key, so the list has no plugins");
        }
        return list;
    }

    /**
     * libcni's {@code NetworkConfFromBytes}, every rule in libcni's order. The result holds the
     * inline plugins only, possibly none (no {@code plugins} key): the file loader may add plugin
     * files to it.
     *
     * @param json the list, kept verbatim as the source
     * @return the list view, possibly without plugins
     * @throws InvalidConfigException naming the rule that failed
     */
    public static NetworkConfigList inlineList(byte[] json) throws InvalidConfigException {
        JsonNode root = parse(json, LIST_ERROR);
        if (!root.isObject()) {
            throw new InvalidConfigException(LIST_ERROR + "expected a JSON object, got " + jsonKind(root));
        }
        JsonNode rawName = root.get("name");
        if (rawName == null) {
            throw new InvalidConfigException(LIST_ERROR + "no name");
        }
        if (!rawName.isTextual()) {
            throw new InvalidConfigException(LIST_ERROR + "invalid name type " + goType(rawName));
        }
        String cniVersion = "";
        JsonNode rawVersion = root.get("cniVersion");
        if (rawVersion != null) {
            if (!rawVersion.isTextual()) {
                throw new InvalidConfigException(LIST_ERROR + "invalid cniVersion type " + goType(rawVersion));
            }
            cniVersion = rawVersion.textValue();
        }
        JsonNode rawVersions = root.get("cniVersions");
        if (rawVersions != null) {
            cniVersion = selectVersion(cniVersion, rawVersions);
        }
        boolean disableCheck = readBool(root, "disableCheck");
        boolean disableGC = readBool(root, "disableGC");
        boolean loadOnlyInlinedPlugins = readBool(root, "loadOnlyInlinedPlugins");

        List<PluginConfig> plugins = new ArrayList<>();
        JsonNode rawPlugins = root.get("plugins");
        if (rawPlugins == null && loadOnlyInlinedPlugins) {
            throw new InvalidConfigException(LIST_ERROR + "`loadOnlyInlinedPlugins` is true, and no 'plugins' key");
        }
        if (rawPlugins != null) {
            if (!rawPlugins.isArray()) {
                throw new InvalidConfigException(LIST_ERROR + "invalid 'plugins' type " + goType(rawPlugins));
            }
            if (rawPlugins.isEmpty()) {
                throw new InvalidConfigException(LIST_ERROR + "no plugins in list");
            }
            List<String> sources = Json.writeEachSorted(rawPlugins);
            for (int i = 0; i < rawPlugins.size(); i++) {
                try {
                    plugins.add(plugin(rawPlugins.get(i), sources.get(i)));
                } catch (InvalidConfigException e) {
                    throw new InvalidConfigException("failed to parse plugin config " + i + ": " + e.getMessage(), e);
                }
            }
        }
        return new NetworkConfigList(rawName.textValue(), cniVersion, disableCheck, disableGC,
                loadOnlyInlinedPlugins, plugins, new String(json, StandardCharsets.UTF_8));
    }

    /**
     * libcni's {@code ConfListFromConf}: wraps a plugin configuration in a list named after it,
     * {@code {"cniVersion":..,"name":..,"plugins":[<conf>]}} with sorted keys, which becomes the
     * list's source (and what the result cache stores for it).
     *
     * @param conf the plugin configuration
     * @return the one-plugin list
     * @throws InvalidConfigException if the plugin's source is not a valid plugin configuration
     */
    public static NetworkConfigList upgrade(PluginConfig conf) throws InvalidConfigException {
        JsonNode raw = parse(conf.source().getBytes(StandardCharsets.UTF_8), PLUGIN_ERROR);
        ObjectNode generated = Json.object();
        generated.put("name", conf.name());
        generated.put("cniVersion", conf.cniVersion());
        generated.putArray("plugins").add(raw);
        return list(Json.writeSorted(generated));
    }

    private static JsonNode parse(byte[] json, String prefix) throws InvalidConfigException {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(prefix + Json.describe(e), e);
        }
    }

    /**
     * The highest of {@code cniVersions} and {@code cniVersion} that is not newer than the spec
     * version cni4j implements; {@code cniVersion} unchanged when none qualifies.
     */
    private static String selectVersion(String cniVersion, JsonNode rawVersions) throws InvalidConfigException {
        if (!rawVersions.isArray()) {
            throw new InvalidConfigException(LIST_ERROR + "invalid type for cniVersions: " + goType(rawVersions));
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < rawVersions.size(); i++) {
            JsonNode entry = rawVersions.get(i);
            if (!entry.isTextual()) {
                throw new InvalidConfigException(LIST_ERROR + "invalid type for cniVersions index " + i + ": "
                        + goType(entry));
            }
            checkVersion(entry.textValue(), "invalid cniVersions entry " + entry.textValue() + " at index " + i);
            candidates.add(entry.textValue());
        }
        if (!cniVersion.isEmpty()) {
            checkVersion(cniVersion, "invalid cniVersion " + cniVersion);
            candidates.add(cniVersion);
        }
        SpecVersion current = SpecVersion.parse(SpecVersion.CURRENT);
        String best = null;
        SpecVersion bestVersion = null;
        for (String candidate : candidates) {
            SpecVersion v = SpecVersion.parse(candidate);
            // Versions newer than ours are skipped; among equal ones the later wins, as in libcni.
            if (v.compareTo(current) <= 0 && (bestVersion == null || v.compareTo(bestVersion) >= 0)) {
                best = candidate;
                bestVersion = v;
            }
        }
        return best == null ? cniVersion : best;
    }

    private static void checkVersion(String text, String context) throws InvalidConfigException {
        try {
            SpecVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(LIST_ERROR + context + ": " + e.getMessage(), e);
        }
    }

    /** libcni's {@code readBool}: absent is false, a JSON bool as is, a string "true"/"false" in any case. */
    private static boolean readBool(JsonNode root, String key) throws InvalidConfigException {
        JsonNode raw = root.get(key);
        if (raw == null) {
            return false;
        }
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        if (!raw.isTextual()) {
            throw new InvalidConfigException(LIST_ERROR + "invalid type " + goType(raw) + " for " + key);
        }
        String value = raw.textValue().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigException(LIST_ERROR + "invalid value " + goQuote(value) + " for " + key);
        };
    }

    /**
     * Reads the typed fields of libcni's {@code types.PluginConf} from a node, checking their types
     * as Go's decoder does ({@code null} leaves a field at its zero value).
     */
    private static PluginConfig plugin(JsonNode node, String source) throws InvalidConfigException {
        if (node.isNull()) {
            throw new InvalidConfigException(PLUGIN_ERROR + "missing 'type'");
        }
        if (!node.isObject()) {
            throw new InvalidConfigException(PLUGIN_ERROR + "expected a JSON object, got " + jsonKind(node));
        }
        String type = string(node, "type", "type");
        String name = string(node, "name", "name");
        String cniVersion = string(node, "cniVersion", "cniVersion");
        Map<String, Boolean> capabilities = null; // the record makes that Map.of(), and copies any other map
        JsonNode caps = object(node, "capabilities", "capabilities");
        if (caps != null) {
            capabilities = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = caps.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (!v.isBoolean() && !v.isNull()) {
                    throw wrongType("capabilities." + e.getKey(), "bool", v);
                }
                capabilities.put(e.getKey(), v.booleanValue());
            }
        }
        JsonNode ipam = object(node, "ipam", "ipam");
        String ipamType = ipam == null ? "" : string(ipam, "type", "ipam.type");
        JsonNode dns = object(node, "dns", "dns");
        if (dns != null) {
            stringArray(dns, "nameservers", "dns.nameservers");
            string(dns, "domain", "dns.domain");
            stringArray(dns, "search", "dns.search");
            stringArray(dns, "options", "dns.options");
        }
        object(node, "prevResult", "prevResult");
        JsonNode attachments = array(node, "cni.dev/valid-attachments", "cni.dev/valid-attachments");
        if (attachments != null) {
            for (int i = 0; i < attachments.size(); i++) {
                JsonNode a = attachments.get(i);
                String path = "cni.dev/valid-attachments[" + i + "]";
                if (!a.isObject() && !a.isNull()) {
                    throw wrongType(path, "object", a);
                }
                if (a.isObject()) {
                    string(a, "containerID", path + ".containerID");
                    string(a, "ifname", path + ".ifname");
                }
            }
        }
        if (type.isEmpty()) {
            throw new InvalidConfigException(PLUGIN_ERROR + "missing 'type'");
        }
        return new PluginConfig(type, name, cniVersion, capabilities, ipamType, source);
    }

    private static String string(JsonNode parent, String key, String path) throws InvalidConfigException {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw wrongType(path, "string", v);
        }
        return v.textValue();
    }

    private static JsonNode object(JsonNode parent, String key, String path) throws InvalidConfigException {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(path, "object", v);
        }
        return v;
    }

    private static JsonNode array(JsonNode parent, String key, String path) throws InvalidConfigException {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(path, "array", v);
        }
        return v;
    }

    private static void stringArray(JsonNode parent, String key, String path) throws InvalidConfigException {
        ArrayNode items = (ArrayNode) array(parent, key, path);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isTextual() && !item.isNull()) {
                    throw wrongType(path + "[" + i + "]", "string", item);
                }
            }
        }
    }

    private static InvalidConfigException wrongType(String path, String expected, JsonNode actual) {
        return new InvalidConfigException(PLUGIN_ERROR + "field '" + path + "' must be " + expected + ", got "
                + jsonKind(actual));
    }

    /** The JSON kind of a value, as Go's decoder names it in its errors. */
    private static String jsonKind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        };
    }

    /** The Go type a decoded JSON value has, as libcni's {@code %T} prints it. */
    private static String goType(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "float64";
            case BOOLEAN -> "bool";
            case ARRAY -> "[]interface {}";
            case OBJECT -> "map[string]interface {}";
            default -> "<nil>";
        };
    }

    /** A double-quoted string with escapes, as Go's {@code %q} prints it for ordinary text. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
