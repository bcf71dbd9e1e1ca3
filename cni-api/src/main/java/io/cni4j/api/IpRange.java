package io.cni4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One range for the {@code ipRanges} capability, with the CONVENTIONS.md keys {@code subnet},
 * {@code rangeStart}, {@code rangeEnd} and {@code gateway} (empty ones are omitted).
 *
 * @param subnet the subnet in CIDR notation (required)
 * @param rangeStart the first address to hand out, or empty
 * @param rangeEnd the last address to hand out, or empty
 * @param gateway the gateway, or empty
 */
public record IpRange(String subnet, String rangeStart, String rangeEnd, String gateway) {

    /**
     * Validates the subnet and normalises {@code null}.
     *
     * @param subnet the subnet
     * @param rangeStart the range start
     * @param rangeEnd the range end
     * @param gateway the gateway
     */
    public IpRange {
        Objects.requireNonNull(subnet, "subnet");
        rangeStart = Objects.requireNonNullElse(rangeStart, "");
        rangeEnd = Objects.requireNonNullElse(rangeEnd, "");
        gateway = Objects.requireNonNullElse(gateway, "");
    }

    /**
     * A range covering a whole subnet.
     *
     * @param subnet the subnet
     * @return the range
     */
    public static IpRange of(String subnet) {
        return new IpRange(subnet, "", "", "");
    }

    /** @return the range as a JSON object tree */
    public Map<String, Object> toJsonObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subnet", subnet);
        if (!rangeStart.isEmpty()) {
            m.put("rangeStart", rangeStart);
        }
        if (!rangeEnd.isEmpty()) {
            m.put("rangeEnd", rangeEnd);
        }
        if (!gateway.isEmpty()) {
            m.put("gateway", gateway);
        }
        return m;
    }
}
