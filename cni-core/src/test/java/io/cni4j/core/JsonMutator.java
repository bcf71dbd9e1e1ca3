package io.cni4j.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cni4j.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of JSON documents for the fuzz tests: byte flips and replacements, truncations,
 * deletions, duplicated slices, insertions of structural characters and JSON fragments, and, on
 * documents that still parse, tree mutations: duplicated keys, removed keys, and values swapped for
 * values of other types (huge numbers, long or odd strings, deep nesting). One to three mutations are
 * applied per mutant. The same seed always gives the same mutant.
 */
final class JsonMutator {

    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "\n", "\u0000", "/", "'", "true", "false", "null", "-", "0",
        "1e999", "-0", "NaN", "Infinity", "\\u0000", "\\ud800", "\"\":", "{}", "[]", "\u00e9", "\uD83D\uDE00", "//",
        "/*", "0x10", "+1", ".5", "1.", "01"};

    /** Values to swap in, as JSON text: each kind, extremes of each kind, and text plugins and parsers trip on. */
    private static final String[] VALUES = {
        "0", "-1", "1.5", "1e400", "-1e-400", "2147483648", "9223372036854775808", "123456789012345678901234567890",
        "0.1e1", "1e999999999", "1e9999999999", "true", "false", "null", "\"\"", "\"x\"", "\"1.0.0\"", "\"0.4567.0\"", "\"10.0.0.1/24\"",
        "\"10.0.0.1\"", "\"::1/129\"", "\"fe80::1%eth0\"", "\"a/b\"", "\"..\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"\u00e9\u4e2d\uD83D\uDE00\"", "[]", "{}", "[1,\"a\",null]", "{\"a\":1}", "{\"type\":1}", "[[[[[[[[]]]]]]]]",
        "{\"cniVersion\":\"1.0.0\"}", "\"true\"", "\"TRUE\"", "\"yes\""};

    /** The base seed of every fuzz run: {@code -Dcni4j.fuzz.seed=...} repeats or varies a run. */
    static final long BASE_SEED = Long.getLong("cni4j.fuzz.seed", 0x5EEDC0FFEEL);

    /** Mutants per document: {@code -Dcni4j.fuzz.cases=...}. */
    static final int CASES = Integer.getInteger("cni4j.fuzz.cases", 200);

    private JsonMutator() {
    }

    /** What a fuzz test checks of one mutant; anything it throws is a failure. */
    @FunctionalInterface
    interface Check {
        void accept(byte[] mutant) throws Throwable;
    }

    /**
     * Runs {@code check} on {@code count} mutants of a document and fails on the first that throws,
     * with a message that gives the seeds to replay it: the run's base seed and the case's own seed
     * ({@code mutate(original, new Random(caseSeed))} rebuilds the mutant).
     *
     * @param name the document's name, for the message
     * @param original the document
     * @param count how many mutants
     * @param check the property every mutant must have
     * @return how many mutants were checked
     */
    static int forEachMutant(String name, byte[] original, int count, Check check) {
        Random seeds = new Random(BASE_SEED ^ name.hashCode());
        for (int i = 0; i < count; i++) {
            long caseSeed = seeds.nextLong();
            byte[] mutant = mutate(original, new Random(caseSeed));
            try {
                check.accept(mutant);
            } catch (Throwable t) {
                String text = new String(mutant, StandardCharsets.UTF_8);
                throw new AssertionError("fuzz case " + i + " of " + name + " failed (base seed " + BASE_SEED
                        + ", case seed " + caseSeed + "L): " + t + "\nmutant (" + mutant.length + " bytes): "
                        + (text.length() > 500 ? text.substring(0, 500) + "..." : text), t);
            }
        }
        return count;
    }

    /**
     * Mutates a document.
     *
     * @param original the document
     * @param random the source of every choice
     * @return a new mutant
     */
    static byte[] mutate(byte[] original, Random random) {
        byte[] current = original.clone();
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            current = once(current, random);
        }
        return current;
    }

    private static byte[] once(byte[] doc, Random random) {
        int op = random.nextInt(12);
        if (op >= 7) {
            byte[] tree = treeMutation(doc, op, random);
            if (tree != null) {
                return tree;
            }
            op = random.nextInt(7);
        }
        if (doc.length == 0) {
            return insert(doc, 0, fragment(random));
        }
        int at = random.nextInt(doc.length);
        switch (op) {
            case 0: {
                byte[] out = doc.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: {
                byte[] out = doc.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2:
                return Arrays.copyOf(doc, at);
            case 3: {
                int end = Math.min(doc.length, at + 1 + random.nextInt(16));
                byte[] out = new byte[doc.length - (end - at)];
                System.arraycopy(doc, 0, out, 0, at);
                System.arraycopy(doc, end, out, at, doc.length - end);
                return out;
            }
            case 4: {
                int end = Math.min(doc.length, at + 1 + random.nextInt(64));
                return insert(doc, random.nextInt(doc.length + 1), Arrays.copyOfRange(doc, at, end));
            }
            default:
                return insert(doc, at, fragment(random));
        }
    }

    private static byte[] fragment(Random random) {
        return FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] doc, int at, byte[] piece) {
        byte[] out = new byte[doc.length + piece.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(doc, at, out, at + piece.length, doc.length - at);
        return out;
    }

    /** A tree mutation of a document that parses, or {@code null} when it does not or has nothing to mutate. */
    private static byte[] treeMutation(byte[] doc, int op, Random random) {
        JsonNode root;
        try {
            root = Json.parse(doc);
        } catch (JsonProcessingException e) {
            return null;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return null;
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        switch (op) {
            case 7:
                return duplicateKey(root, target, random);
            case 8:
                if (target instanceof ObjectNode o && !o.isEmpty()) {
                    o.remove(nthName(o, random.nextInt(o.size())));
                    return Json.write(root);
                }
                return null;
            case 9:
                return withValue(root, target, deepOrLong(random), random);
            default:
                return withValue(root, target, VALUES[random.nextInt(VALUES.length)], random);
        }
    }

    /** A value from a few extremes: 10,000 levels, a 100,000-character string, a 1,001-digit number. */
    private static String deepOrLong(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return "[".repeat(10_000) + "]".repeat(10_000);
            case 1:
                return "\"" + "x".repeat(100_000) + "\"";
            default:
                return "1" + "0".repeat(1_000);
        }
    }

    /**
     * The document with a value replaced; the text is spliced in, so that values the strict parser
     * refuses (deep, huge) can be planted too.
     */
    private static byte[] withValue(JsonNode root, JsonNode container, String value, Random random) {
        if (container.isEmpty()) {
            return null;
        }
        String marker = "\"cni4j-fuzz-marker-" + Long.toHexString(random.nextLong()) + "\"";
        int index = random.nextInt(container.size());
        JsonNode placeholder = Json.nodes().rawValueNode(new RawValue(marker));
        if (container instanceof ObjectNode o) {
            o.set(nthName(o, index), placeholder);
        } else {
            ((ArrayNode) container).set(index, placeholder);
        }
        return Json.writeString(root).replace(marker, value).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateKey(JsonNode root, JsonNode container, Random random) {
        if (!(container instanceof ObjectNode o) || o.isEmpty()) {
            return null;
        }
        String name = nthName(o, random.nextInt(o.size()));
        String member = Json.writeString(Json.nodes().textNode(name)) + ":" + Json.writeString(o.get(name)) + ",";
        String marker = "cni4j-fuzz-dup-" + Long.toHexString(random.nextLong());
        o.put(marker, 0);
        String text = Json.writeString(root);
        String markerMember = "\"" + marker + "\":0";
        int at = text.indexOf(markerMember);
        // The marker is the object's last member: put the duplicate in its place.
        String spliced = text.substring(0, at) + member.substring(0, member.length() - 1)
                + text.substring(at + markerMember.length());
        return spliced.getBytes(StandardCharsets.UTF_8);
    }

    private static String nthName(ObjectNode o, int n) {
        Iterator<String> names = o.fieldNames();
        for (int i = 0; i < n; i++) {
            names.next();
        }
        return names.next();
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
