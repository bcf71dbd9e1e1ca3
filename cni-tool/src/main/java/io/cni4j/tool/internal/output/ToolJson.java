package io.cni4j.tool.internal.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tool's JSON, tree model only: indented writing of what it prints, and reading of JSON it shows
 * or checks. Reading is as strict as the engine's (one value, no duplicate keys, exact numbers) for
 * one reason: a {@code --capability NAME=JSON} the engine would refuse is a usage error (exit 2) here,
 * before anything is loaded or run. The engine offers no public JSON check, and its own refusal comes
 * later, as an {@code InvalidRequestException} (exit 1), so the tool checks the text itself and still
 * passes it on as {@code JsonText}.
 */
public final class ToolJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter()).with(SerializationFeature.INDENT_OUTPUT);

    private ToolJson() {
    }

    /** Two-space indentation, arrays one element a line, {@code "key": value}, {@code []} and {@code {}}. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** @return a new empty object */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty array */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Parses one JSON value strictly.
     *
     * @param text the JSON text
     * @return the tree
     * @throws IllegalArgumentException with a one-line description if it is not one valid JSON value
     */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(e.getOriginalMessage().replace('\n', ' ') + where, e);
        }
    }

    /**
     * Parses JSON if it is valid, else keeps it as a string, so that a stored document is shown as
     * structure when possible and never lost.
     *
     * @param text JSON text or anything else
     * @return the parsed tree, or a text node holding {@code text}
     */
    public static JsonNode parseOrText(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    /**
     * Writes a tree as compact JSON, as a plugin reads it on stdin.
     *
     * @param node the tree
     * @return the UTF-8 bytes
     */
    public static byte[] compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Writes a tree as indented JSON.
     *
     * @param node the tree
     * @return the text, without a trailing newline
     */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
