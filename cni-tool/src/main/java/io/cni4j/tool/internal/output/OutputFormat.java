package io.cni4j.tool.internal.output;

import io.cni4j.tool.internal.cli.UsageException;
import java.util.Locale;

/** How the tool prints what it got: JSON for scripts (the default) or a table for people. */
public enum OutputFormat {
    /** Indented JSON in the documented shapes. */
    JSON,
    /** Aligned text columns. */
    TABLE;

    /**
     * Parses {@code json} or {@code table}.
     *
     * @param text the option value
     * @return the format
     * @throws UsageException for anything else
     */
    public static OutputFormat parse(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "table" -> TABLE;
            default -> throw new UsageException("--output must be json or table, got '" + text + "'");
        };
    }
}
