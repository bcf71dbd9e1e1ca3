package io.cni4j.core.internal.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.core.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Turns result JSON into {@link CniResult}s with libcni's version rules: {@code CreateFromBytes}
 * (version from the document), {@code Create} (version given) and the plugin output fix-up of
 * {@code ExecPluginWithResult} (a result without a version has the config's version).
 */
public final class ResultReader {

    /** How much of a plugin's unreadable output an error message quotes. */
    private static final int QUOTED_OUTPUT_LIMIT = 200;

    private ResultReader() {
    }

    /**
     * Parses a result in the version its {@code cniVersion} names (absent or empty: 0.1.0).
     *
     * @param json the result JSON
     * @return the result
     * @throws InvalidResultException if it is not a valid result of a known version
     */
    public static CniResult parse(byte[] json) throws InvalidResultException {
        return parse(parseObject(json));
    }

    /**
     * Parses an already parsed result as {@link #parse(byte[])} does, for JSON that arrived inside
     * other JSON (a cache record's {@code result}).
     *
     * @param json the result JSON; not changed
     * @return the result
     * @throws InvalidResultException if it is not an object or not a valid result of a known version
     */
    public static CniResult parse(JsonNode json) throws InvalidResultException {
        Objects.requireNonNull(json, "json");
        if (!(json instanceof ObjectNode root)) {
            throw new InvalidResultException("result must be a JSON object, got " + JsonFields.describe(json));
        }
        String version = JsonFields.string(root, "cniVersion", FieldPath.ROOT);
        return create(ResultFamily.normalize(version), root);
    }

    /**
     * Parses a result that must be of the given version's family.
     *
     * @param version the expected version ({@code ""} means 0.1.0)
     * @param json the result JSON
     * @return the result, labelled with the version the document names
     * @throws InvalidResultException if the version is unknown, the document's version does not
     *     belong to its family, or the document is not a valid result
     */
    public static CniResult parse(String version, byte[] json) throws InvalidResultException {
        Objects.requireNonNull(version, "version");
        ResultFamily family = family(version);
        return create(family, parseObject(json));
    }

    /**
     * Reads a plugin's ADD output as libcni does.
     *
     * @param configVersion the cniVersion of the config the plugin was given ({@code ""} or
     *     {@code null}: 0.1.0)
     * @param stdout the plugin's standard output
     * @return the result
     * @throws InvalidResultException if the output is not a JSON object ({@code null} counts as
     *     {@code {}}) or not a valid result
     */
    public static CniResult fromPluginOutput(String configVersion, byte[] stdout) throws InvalidResultException {
        String confVersion = ResultFamily.normalize(configVersion == null ? "" : configVersion);
        JsonNode node;
        try {
            node = Json.parse(stdout);
        } catch (JsonProcessingException e) {
            throw new InvalidResultException("failed to unmarshal raw result: " + Json.describe(e)
                    + quote(stdout), e);
        }
        if (node.isNull()) {
            node = Json.object();
        }
        if (!node.isObject()) {
            throw new InvalidResultException("failed to unmarshal raw result: expected a JSON object, got "
                    + JsonFields.describe(node) + quote(stdout));
        }
        ObjectNode root = (ObjectNode) node;
        JsonNode version = root.get("cniVersion");
        if (version != null && version.isTextual() && !version.textValue().isEmpty()) {
            return create(family(version.textValue()), root);
        }
        root.put("cniVersion", confVersion);
        return create(family(confVersion), root);
    }

    private static ResultFamily family(String version) throws InvalidResultException {
        ResultFamily family = ResultFamily.of(version);
        if (family == null) {
            throw new InvalidResultException("unsupported CNI result version \"" + version + "\"");
        }
        return family;
    }

    private static CniResult create(String version, ObjectNode root) throws InvalidResultException {
        return create(family(version), root);
    }

    private static CniResult create(ResultFamily family, ObjectNode root) throws InvalidResultException {
        String inner = JsonFields.string(root, "cniVersion", FieldPath.ROOT);
        if (!family.accepts(inner)) {
            throw new InvalidResultException("result type supports " + family.versionList()
                    + " but unmarshalled CNIVersion is \"" + inner + "\"");
        }
        return family.codec().read(root, ResultFamily.normalize(inner));
    }

    private static ObjectNode parseObject(byte[] json) throws InvalidResultException {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidResultException("result is not valid JSON: " + Json.describe(e), e);
        }
        if (!node.isObject()) {
            throw new InvalidResultException("result must be a JSON object, got " + JsonFields.describe(node));
        }
        return (ObjectNode) node;
    }

    private static String quote(byte[] output) {
        if (output.length == 0) {
            return "";
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (text.length() > QUOTED_OUTPUT_LIMIT) {
            text = text.substring(0, QUOTED_OUTPUT_LIMIT) + "...";
        }
        return " (output: " + Json.writeString(Json.nodes().textNode(text)) + ")";
    }
}
