package io.cni4j.core.internal.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.core.internal.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks capability values in text that cni4j is about to log. Capability values can be secrets (a
 * runtime may pass a token in a capability of its own), and plugins may echo the configuration they
 * were given, {@code runtimeConfig} included, on stderr or in their error messages, which cni4j logs
 * (stderr at DEBUG, failed rollbacks at WARNING). cni4j itself never logs capability values, stdin or
 * configurations.
 *
 * <p>Every string value of at least {@value #MIN_LENGTH} characters in the capability arguments is
 * replaced by {@value #MASK}, as it is and as it appears inside JSON text (escaped). Shorter strings
 * ({@code tcp}, {@code ""}) are left alone: masking them would garble every line without hiding
 * anything that could be a secret. Numbers and booleans are not masked. Immutable and thread-safe.
 */
public final class Redaction {

    /** What a masked value becomes. */
    public static final String MASK = "<redacted>";

    /** The shortest string value that is masked. */
    public static final int MIN_LENGTH = 4;

    /** Masks nothing. */
    public static final Redaction NONE = new Redaction(List.of());

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Masks the string values of capability arguments.
     *
     * @param capabilityArgs the capability arguments, or {@code null}
     * @return the redaction
     */
    public static Redaction of(JsonNode capabilityArgs) {
        if (capabilityArgs == null) {
            return NONE;
        }
        Set<String> found = new LinkedHashSet<>();
        collect(capabilityArgs, found);
        List<String> secrets = new ArrayList<>();
        for (String s : found) {
            secrets.add(s);
            String escaped = Json.writeString(Json.nodes().textNode(s));
            escaped = escaped.substring(1, escaped.length() - 1);
            if (!escaped.equals(s)) {
                secrets.add(escaped);
            }
        }
        // The longest first, so that a value containing another is masked whole.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets.isEmpty() ? NONE : new Redaction(List.copyOf(secrets));
    }

    /**
     * Masks the string values of a plugin request's {@code runtimeConfig}, the capability arguments
     * the plugin was given.
     *
     * @param stdin the request configuration the plugin read
     * @return the redaction; {@link #NONE} if the request has no {@code runtimeConfig} or is not JSON
     */
    public static Redaction ofRequest(byte[] stdin) {
        try {
            return of(Json.parse(stdin).get("runtimeConfig"));
        } catch (JsonProcessingException e) {
            return NONE;
        }
    }

    /**
     * Masks every known value in a text.
     *
     * @param text the text, or {@code null}
     * @return the text with each value replaced by {@value #MASK}
     */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            if (node.textValue().length() >= MIN_LENGTH) {
                out.add(node.textValue());
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
