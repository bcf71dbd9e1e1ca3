package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads from a JSON tree with the path of every field in the error, e.g.
 * {@code ips[1].address: invalid CIDR address: "x"}.
 *
 * <p>Absent fields and JSON {@code null} read as the field's zero value, as Go's decoder does for
 * strings, numbers, lists and optional objects. Unknown fields are ignored.
 */
final class JsonFields {

    private JsonFields() {
    }

    /**
     * Makes an exception whose message starts with the path.
     *
     * @param path the field path, {@link FieldPath#ROOT} for the whole result
     * @param message what is wrong
     * @return the exception
     */
    static InvalidResultException invalid(FieldPath path, String message) {
        String text = path.toString();
        return new InvalidResultException(text.isEmpty() ? message : text + ": " + message);
    }

    /**
     * Requires an object.
     *
     * @param node the node
     * @param path its path
     * @return the object
     * @throws InvalidResultException if it is not an object
     */
    static ObjectNode object(JsonNode node, FieldPath path) throws InvalidResultException {
        if (node == null || !node.isObject()) {
            throw invalid(path, "expected an object, got " + describe(node));
        }
        return (ObjectNode) node;
    }

    /**
     * Reads an optional object field.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the object, or {@code null} when absent or {@code null}
     * @throws InvalidResultException if present and not an object
     */
    static ObjectNode optionalObject(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        return object(node, parentPath.field(key));
    }

    /**
     * Reads an optional array field whose elements must be objects.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the elements, empty when absent or {@code null}
     * @throws InvalidResultException if present and not an array of objects
     */
    static List<ObjectNode> objects(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        FieldPath path = parentPath.field(key);
        JsonNode node = array(parent.get(key), path);
        if (node == null) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(object(node.get(i), path.element(i)));
        }
        return out;
    }

    /**
     * Reads an optional array of strings; {@code null} elements read as empty strings (Go's rule).
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the strings, empty when absent or {@code null}
     * @throws InvalidResultException if present and not an array of strings
     */
    static List<String> strings(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        FieldPath path = parentPath.field(key);
        JsonNode node = array(parent.get(key), path);
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(text(node.get(i), path.element(i)));
        }
        return out;
    }

    private static JsonNode array(JsonNode node, FieldPath path) throws InvalidResultException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid(path, "expected an array, got " + describe(node));
        }
        return node;
    }

    /**
     * Reads an optional string field.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the string, empty when absent or {@code null}
     * @throws InvalidResultException if present and not a string
     */
    static String string(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        JsonNode node = parent.get(key);
        if (node != null && node.isTextual()) {
            return node.textValue(); // the common case, without building the field's path
        }
        return text(node, parentPath.field(key));
    }

    private static String text(JsonNode node, FieldPath path) throws InvalidResultException {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw invalid(path, "expected a string, got " + describe(node));
        }
        return node.textValue();
    }

    /**
     * Reads an optional integer field.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the value, or {@code null} when absent or {@code null}
     * @throws InvalidResultException if present and not an integer in the 32-bit range
     */
    static Integer integer(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        FieldPath path = parentPath.field(key);
        if (!node.isIntegralNumber()) {
            throw invalid(path, "expected an integer, got " + (node.isNumber() ? node.asText() : describe(node)));
        }
        if (!node.canConvertToInt()) {
            throw invalid(path, "integer " + node.asText() + " is out of range");
        }
        return node.intValue();
    }

    /**
     * Reads an optional integer field whose absence means 0.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the value, 0 when absent or {@code null}
     * @throws InvalidResultException if present and not an integer in the 32-bit range
     */
    static int intOrZero(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        Integer value = integer(parent, key, parentPath);
        return value == null ? 0 : value;
    }

    /**
     * Reads a required CIDR field, keeping the host bits.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the prefix
     * @throws InvalidResultException if absent, not a string or not valid CIDR notation
     */
    static IpPrefix prefix(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        JsonNode node = parent.get(key);
        if (node == null) {
            throw invalid(parentPath.field(key), "missing");
        }
        if (!node.isTextual()) {
            throw invalid(parentPath.field(key), "expected a CIDR string, got " + describe(node));
        }
        try {
            return IpPrefix.parse(node.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(parentPath.field(key), e.getMessage());
        }
    }

    /**
     * Reads an optional IP address field. An empty string means absent, as for Go's {@code net.IP}.
     *
     * @param parent the parent object
     * @param key the field
     * @param parentPath the parent's path
     * @return the address, or {@code null} when absent, {@code null} or empty
     * @throws InvalidResultException if present and not an IP address literal
     */
    static InetAddress ip(ObjectNode parent, String key, FieldPath parentPath) throws InvalidResultException {
        String text = string(parent, key, parentPath);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return IpAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(parentPath.field(key), e.getMessage());
        }
    }

    /**
     * Names a node's JSON type for error messages.
     *
     * @param node the node, or {@code null} for an absent value
     * @return e.g. {@code a number}
     */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case NULL:
                return "null";
            case BOOLEAN:
                return "a boolean";
            case NUMBER:
                return "a number";
            case STRING:
                return "a string";
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            default:
                return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
