package io.cni4j.core.internal.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CniResult;
import io.cni4j.core.internal.json.Json;

/** Writes a {@link CniResult} as the exact JSON shape of the version it is labelled with. */
public final class ResultWriter {

    private ResultWriter() {
    }

    /**
     * Writes a result. An empty label is written as 0.1.0.
     *
     * @param result the result
     * @return compact UTF-8 JSON
     * @throws IllegalArgumentException if the label is not a known result version
     */
    public static byte[] write(CniResult result) {
        return Json.write(tree(result));
    }

    /**
     * The tree that {@link #write} writes: for the engine, which passes a result on as JSON (a
     * {@code prevResult}, a cache record) and need not write it to bytes and parse it back for that.
     *
     * @param result the result
     * @return a new JSON object, the caller's to keep
     * @throws IllegalArgumentException if the label is not a known result version
     */
    public static ObjectNode tree(CniResult result) {
        String version = ResultFamily.normalize(result.cniVersion());
        ResultFamily family = ResultFamily.of(version);
        if (family == null) {
            throw new IllegalArgumentException("unsupported CNI result version \"" + version + "\"");
        }
        CniResult labelled = version.equals(result.cniVersion()) ? result : ResultConverter.relabel(result, version);
        return family.codec().write(labelled);
    }
}
