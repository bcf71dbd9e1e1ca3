package io.cni4j.core.internal.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.core.internal.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads plugin output the way libcni's {@code json.Unmarshal} into a Go struct does: {@code null}
 * decodes to the zero value, object keys match field names case-insensitively (the last matching
 * key wins), unknown keys are ignored, and a value of the wrong type is an error. Unlike Go, input
 * with duplicate keys is refused, since all JSON goes through {@link Json}'s strict parser.
 */
final class GoDecoding {

    private GoDecoding() {
    }

    /** A decoding failure; its message is the detail that follows libcni's prefix. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses the bytes and picks the named fields of the object.
     *
     * @param bytes the JSON
     * @param fieldNames the Go struct's JSON field names
     * @param target the struct, for messages
     * @return the fields present, keyed by their declared names; empty for {@code null}
     * @throws Failure if the bytes are not JSON or not an object
     */
    static Map<String, JsonNode> fields(byte[] bytes, Set<String> fieldNames, String target) throws Failure {
        JsonNode node;
        try {
            node = Json.parse(bytes);
        } catch (JsonProcessingException e) {
            throw new Failure(Json.describe(e), e);
        }
        Map<String, JsonNode> fields = new HashMap<>();
        if (node.isNull()) {
            return fields;
        }
        if (!node.isObject()) {
            throw new Failure("cannot unmarshal " + kind(node) + " into " + target, null);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            for (String name : fieldNames) {
                if (name.equalsIgnoreCase(e.getKey())) {
                    fields.put(name, e.getValue());
                }
            }
        }
        return fields;
    }

    /** A string field: absent or {@code null} is empty. */
    static String string(Map<String, JsonNode> fields, String name, String target) throws Failure {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new Failure("cannot unmarshal " + kind(v) + " into field " + target + "." + name + " of type string", null);
        }
        return v.textValue();
    }

    /** An unsigned integer field: absent or {@code null} is 0; limited to {@link Long#MAX_VALUE}. */
    static long unsigned(Map<String, JsonNode> fields, String name, String target) throws Failure {
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || !v.canConvertToLong()) {
            throw new Failure("cannot unmarshal " + kind(v) + " " + v + " into field " + target + "." + name
                    + " of type uint", null);
        }
        return v.longValue();
    }

    /** A list of strings: absent or {@code null} is empty, {@code null} elements are empty strings. */
    static List<String> strings(Map<String, JsonNode> fields, String name, String target) throws Failure {
        JsonNode v = fields.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new Failure("cannot unmarshal " + kind(v) + " into field " + target + "." + name + " of type []string", null);
        }
        for (JsonNode element : v) {
            if (element.isNull()) {
                out.add("");
            } else if (element.isTextual()) {
                out.add(element.textValue());
            } else {
                throw new Failure("cannot unmarshal " + kind(element) + " into field " + target + "." + name
                        + " of type string", null);
            }
        }
        return out;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "bool";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
