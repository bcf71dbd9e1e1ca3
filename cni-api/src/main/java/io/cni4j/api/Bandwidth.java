package io.cni4j.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits for the {@code bandwidth} capability, rates in bits per second and bursts in bits, with the
 * CONVENTIONS.md keys {@code ingressRate}, {@code ingressBurst}, {@code egressRate},
 * {@code egressBurst}.
 *
 * @param ingressRate the ingress rate, bits/s (0 for none)
 * @param ingressBurst the ingress burst, bits
 * @param egressRate the egress rate, bits/s (0 for none)
 * @param egressBurst the egress burst, bits
 */
public record Bandwidth(long ingressRate, long ingressBurst, long egressRate, long egressBurst) {

    /**
     * Validates that no value is negative.
     *
     * @param ingressRate the ingress rate
     * @param ingressBurst the ingress burst
     * @param egressRate the egress rate
     * @param egressBurst the egress burst
     */
    public Bandwidth {
        if (ingressRate < 0 || ingressBurst < 0 || egressRate < 0 || egressBurst < 0) {
            throw new IllegalArgumentException("bandwidth values must not be negative");
        }
    }

    /** @return the payload as a JSON object tree */
    public Map<String, Object> toJsonObject() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ingressRate", ingressRate);
        m.put("ingressBurst", ingressBurst);
        m.put("egressRate", egressRate);
        m.put("egressBurst", egressBurst);
        return m;
    }
}
