package io.cni4j.api;

import java.util.Objects;

/**
 * A capability value given as JSON text, sent as parsed JSON (not as a string). The engine refuses
 * text that is not one valid JSON value before any plugin runs.
 *
 * @param json the JSON text, e.g. {@code {"key":"value"}}
 */
public record JsonText(String json) {

    /**
     * Validates the text is present.
     *
     * @param json the JSON text
     */
    public JsonText {
        Objects.requireNonNull(json, "json");
    }
}
