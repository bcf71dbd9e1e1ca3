package io.cni4j.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one place where JSON is read and written: Jackson's tree model, strict input, exact numbers.
 *
 * <p>Input rules: one JSON value and nothing after it, UTF-8 only (no byte-order mark), duplicate keys
 * refused, nesting at most {@link #MAX_NESTING_DEPTH} levels, numbers kept exactly (big integers and
 * decimals are not rounded through {@code double} as Go does).
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 256;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Duplicate keys are caught by the tree reader (the key's second put finds the first),
            // not by the parser's STRICT_DUPLICATE_DETECTION, which keeps a set of names per object.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private Json() {
    }

    /** @return the node factory, for building trees */
    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses one JSON value.
     *
     * @param bytes UTF-8 JSON
     * @return the tree; never {@code null} (empty input is an error)
     * @throws JsonProcessingException with Jackson's description of the first problem
     */
    public static JsonNode parse(byte[] bytes) throws JsonProcessingException {
        refuseOtherEncodings(bytes);
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new JsonParseFailure("unexpected end of JSON input");
            }
            return node;
        } catch (MismatchedInputException e) {
            throw duplicateField(e);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseFailure(e.getMessage());
        } catch (NumberFormatException e) {
            // Jackson lets this escape for a decimal whose exponent does not fit in an int (1e9999999999).
            String msg = String.valueOf(e.getMessage());
            throw new JsonParseFailure("invalid number: " + (msg.length() > 120 ? msg.substring(0, 120) + "..." : msg));
        }
    }

    /**
     * The tree reader's duplicate key failure says {@code Duplicate field 'x' for `ObjectNode`: not
     * allowed when `DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY` enabled}: shortened to the
     * parser's wording, {@code Duplicate field 'x'}, location kept. Any other mismatch as it is.
     */
    private static JsonProcessingException duplicateField(MismatchedInputException e) {
        String msg = e.getOriginalMessage();
        if (msg == null || !msg.startsWith(DUPLICATE_FIELD)) {
            return e;
        }
        int end = msg.lastIndexOf("' for `ObjectNode`");
        return new JsonParseFailure(end < 0 ? msg : msg.substring(0, end + 1), e.getLocation(), e);
    }

    /**
     * Jackson guesses UTF-16 and UTF-32 from a byte-order mark or from zero bytes at the start; we
     * accept UTF-8 only. UTF-8 JSON text never holds a 0x00, 0xFE or 0xFF byte, so one of those in
     * the first four bytes means another encoding (later ones are refused by the UTF-8 parser).
     * Jackson also skips a UTF-8 byte-order mark, which Go's decoder refuses: refused here too, so that
     * cni4j and Go runtimes accept the same files.
     */
    private static void refuseOtherEncodings(byte[] bytes) throws JsonProcessingException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new JsonParseFailure("input starts with a byte-order mark (0xEF 0xBB 0xBF)");
        }
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0x00 || b == 0xFE || b == 0xFF) {
                throw new JsonParseFailure(String.format("input is not UTF-8 (byte 0x%02x at offset %d)", b, i));
            }
        }
    }

    /**
     * Parses one JSON value from text.
     *
     * @param text the JSON text
     * @return the tree
     * @throws JsonProcessingException if it is not one valid JSON value
     */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A short, one-line description of a parse failure, without Jackson's source excerpt.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (e.getLocation() != null) {
            msg = msg + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return msg.replace('\n', ' ');
    }

    /**
     * Writes a tree as compact JSON, keys in the tree's order.
     *
     * @param node the tree
     * @return UTF-8 bytes
     */
    public static byte[] write(JsonNode node) {
        return writeTree(node, false);
    }

    /**
     * Writes a tree as compact JSON text.
     *
     * @param node the tree
     * @return the text
     */
    public static String writeString(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    /**
     * Writes a tree as compact JSON with every object's keys sorted, as Go's {@code json.Marshal} of a
     * map does: the bytes of {@code write(sorted(node))} without building the sorted copy.
     *
     * @param node the tree; not changed
     * @return UTF-8 bytes
     */
    public static byte[] writeSorted(JsonNode node) {
        return writeTree(node, true);
    }

    /** A document written field by field, for one that is not held as a tree (a result cache record). */
    @FunctionalInterface
    public interface Document {
        /**
         * Writes the document.
         *
         * @param g the generator, compact output
         * @throws IOException never for in-memory output, but the generator declares it
         */
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * Writes a document field by field with the mapper's generator.
     *
     * @param document what to write
     * @return UTF-8 bytes
     */
    public static byte[] write(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            document.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a tree inside a {@link Document}, keys in the tree's order.
     *
     * @param g the document's generator
     * @param node the tree
     * @throws IOException as the generator does
     */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        writeNode(g, node, false);
    }

    /**
     * Writes a tree inside a {@link Document}, every object's keys sorted.
     *
     * @param g the document's generator
     * @param node the tree
     * @throws IOException as the generator does
     */
    public static void writeSorted(JsonGenerator g, JsonNode node) throws IOException {
        writeNode(g, node, true);
    }

    /**
     * Writes a tree with the mapper's generator, walking it here rather than through the mapper's
     * serializers: the same bytes (the generator does all quoting and number formatting), without a
     * serializer provider and lookup per call or, when sorted, a sorted map per object.
     */
    private static byte[] writeTree(JsonNode node, boolean sorted) {
        return write(g -> writeNode(g, node, sorted));
    }

    private static void writeNode(JsonGenerator g, JsonNode node, boolean sorted) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node, node.size());
                if (sorted && node.size() > 1) {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, JsonNode>[] fields = node.properties().toArray(new Map.Entry[0]);
                    Arrays.sort(fields, Map.Entry.comparingByKey());
                    for (Map.Entry<String, JsonNode> field : fields) {
                        g.writeFieldName(field.getKey());
                        writeNode(g, field.getValue(), true);
                    }
                } else {
                    for (Map.Entry<String, JsonNode> field : node.properties()) {
                        g.writeFieldName(field.getKey());
                        writeNode(g, field.getValue(), sorted);
                    }
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode child : node) {
                    writeNode(g, child, sorted);
                }
                g.writeEndArray();
            }
            case STRING, NUMBER, BOOLEAN -> ((ValueNode) node).serialize(g, null); // none of them needs a provider
            case NULL -> g.writeNull();
            case POJO -> {
                Object value = ((POJONode) node).getPojo();
                if (value instanceof RawValue raw && raw.rawValue() instanceof SerializableString text) {
                    g.writeRawValue(text); // what sortedRaw made
                } else {
                    MAPPER.writeValue(g, node);
                }
            }
            default -> MAPPER.writeValue(g, node); // binary, missing: as the mapper writes them
        }
    }

    /**
     * A tree written once, sorted, as a node that {@link #write} and {@link #writeSorted} copy as those
     * bytes: for a tree that goes into several documents (a cached result into the DEL request of each
     * plugin of a network).
     *
     * @param node the tree; not changed, and not referenced by the result
     * @return a node holding the tree's sorted JSON
     */
    public static JsonNode sortedRaw(JsonNode node) {
        return nodes().rawValueNode(new RawValue(new SerializedString(new String(writeSorted(node),
                StandardCharsets.UTF_8))));
    }

    /**
     * {@link #writeSorted} of each element of an array, as text, through one generator (a
     * configuration list's plugins are written this way, and a generator costs more to set up than
     * a small plugin costs to write).
     *
     * @param array the array; another node counts as no elements
     * @return the texts, in the array's order
     */
    public static List<String> writeEachSorted(JsonNode array) {
        List<String> texts = new ArrayList<>(array.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (JsonNode element : array) {
                writeNode(g, element, true);
                g.flush();
                texts.add(out.toString(StandardCharsets.UTF_8));
                out.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * Copies a tree with every object's keys sorted, as Go's {@code json.Marshal} of a map does.
     *
     * @param node the tree
     * @return a sorted deep copy
     */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = object();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            for (JsonNode child : node) {
                out.add(sorted(child));
            }
            return out;
        }
        return node;
    }

    /**
     * Converts a JSON-like Java tree ({@link Map}, {@link List}, {@link String}, {@link Number},
     * {@link Boolean}, {@code null}, {@link io.cni4j.api.JsonText}) to a JSON tree.
     *
     * @param value the value
     * @return the JSON tree
     * @throws IllegalArgumentException if the value holds anything else, or invalid JSON text
     */
    public static JsonNode fromJava(Object value) {
        return fromJava(value, 0);
    }

    private static JsonNode fromJava(Object value, int depth) {
        if (depth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_NESTING_DEPTH + " levels");
        }
        JsonNodeFactory f = nodes();
        if (value == null) {
            return f.nullNode();
        } else if (value instanceof String s) {
            return f.textNode(s);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return f.numberNode(((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger bi) {
            return f.numberNode(bi);
        } else if (value instanceof java.math.BigDecimal bd) {
            return f.numberNode(bd);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a JSON number: " + d);
            }
            return f.numberNode(d);
        } else if (value instanceof io.cni4j.api.JsonText text) {
            try {
                return parse(text.json());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("invalid JSON text: " + describe(e), e);
            }
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode out = object();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    // The key's class only: its toString may recurse forever (a cyclic list) or be a secret.
                    throw new IllegalArgumentException("JSON object keys must be strings, got "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
                }
                out.set(key, fromJava(e.getValue(), depth + 1));
            }
            return out;
        } else if (value instanceof Iterable<?> list) {
            ArrayNode out = MAPPER.createArrayNode();
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                out.add(fromJava(it.next(), depth + 1));
            }
            return out;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** A parse failure raised by this class itself (empty input, I/O). */
    private static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String msg) {
            super(msg);
        }

        JsonParseFailure(String msg, JsonLocation location, Throwable cause) {
            super(msg, location, cause);
        }
    }
}
