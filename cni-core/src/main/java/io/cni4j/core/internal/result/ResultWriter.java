package io.cni4j.core.internal.result;

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
        String version = ResultFamily.normalize(result.cniVersion());
        ResultFamily family = ResultFamily.of(version);
        if (family == null) {
            throw new IllegalArgumentException("unsupported CNI result version \"" + version + "\"");
        }
        CniResult labelled = version.equals(result.cniVersion()) ? result : ResultConverter.relabel(result, version);
        return Json.write(family.codec().write(labelled));
    }
}
