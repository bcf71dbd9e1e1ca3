package io.cni4j.testkit.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The testkit's JSON access: Jackson's tree model only. The testkit cannot use the engine's
 * {@code Json} (it must not depend on cni-core), so this is the small subset that fake plugins need:
 * read stdin leniently (a plugin that gets garbage must be able to say so) and write compact JSON.
 */
public final class JsonTrees {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonTrees() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses bytes as one JSON value.
     *
     * @param bytes UTF-8 JSON, possibly not JSON at all
     * @return the tree, or a {@link MissingNode} when the bytes are empty or not one JSON value
     */
    public static JsonNode parseOrMissing(byte[] bytes) {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * Parses JSON text that must be valid.
     *
     * @param json the text
     * @return the tree
     * @throws IllegalArgumentException if the text is not one JSON value
     */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("not JSON: empty text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + ": " + json, e);
        }
    }

    /**
     * Writes a tree as compact UTF-8 JSON.
     *
     * @param node the tree
     * @return the bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a tree as compact JSON text.
     *
     * @param node the tree
     * @return the text
     */
    public static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }
}
