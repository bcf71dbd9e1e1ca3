package io.cni4j.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A per-call option for {@link Cni#setup}, {@link Cni#remove} and {@link Cni#check}, go-cni's
 * {@code NamespaceOpts}. Use the factories (statically imported, they read like go-cni's options):
 *
 * <pre>{@code
 * cni.setup(id, netns, portMappings(List.of(PortMapping.tcp(8080, 80))), label("IgnoreUnknown", "1"));
 * }</pre>
 */
@FunctionalInterface
public interface NamespaceOption {

    /**
     * Applies this option.
     *
     * @param builder the settings being collected
     */
    void applyTo(Namespace.Builder builder);

    /**
     * The {@code portMappings} capability.
     *
     * @param mappings the mappings
     * @return the option
     */
    static NamespaceOption portMappings(List<PortMapping> mappings) {
        List<Object> json = new ArrayList<>();
        for (PortMapping m : mappings) {
            json.add(m.toJsonObject());
        }
        return capability("portMappings", List.copyOf(json));
    }

    /**
     * The {@code ipRanges} capability: a list of range sets, each a list of ranges (host-local
     * allocates one address from each set).
     *
     * @param rangeSets the range sets
     * @return the option
     */
    static NamespaceOption ipRanges(List<List<IpRange>> rangeSets) {
        List<Object> sets = new ArrayList<>();
        for (List<IpRange> set : rangeSets) {
            List<Object> ranges = new ArrayList<>();
            for (IpRange r : set) {
                ranges.add(r.toJsonObject());
            }
            sets.add(List.copyOf(ranges));
        }
        return capability("ipRanges", List.copyOf(sets));
    }

    /**
     * The {@code bandwidth} capability.
     *
     * @param bandwidth the limits
     * @return the option
     */
    static NamespaceOption bandwidth(Bandwidth bandwidth) {
        return capability("bandwidth", bandwidth.toJsonObject());
    }

    /**
     * The {@code dns} capability.
     *
     * @param dns the DNS settings
     * @return the option
     */
    static NamespaceOption dns(DnsCapability dns) {
        return capability("dns", dns.toJsonObject());
    }

    /**
     * The {@code cgroupPath} capability.
     *
     * @param cgroupPath the container's cgroup path
     * @return the option
     */
    static NamespaceOption cgroupPath(String cgroupPath) {
        return capability("cgroupPath", Objects.requireNonNull(cgroupPath, "cgroupPath"));
    }

    /**
     * Any named capability with a JSON tree value ({@link Map}, {@link List}, {@link String},
     * {@link Number}, {@link Boolean}, {@code null} or {@link JsonText}).
     *
     * @param name the capability name
     * @param value the value
     * @return the option
     */
    static NamespaceOption capability(String name, Object value) {
        Objects.requireNonNull(name, "name");
        return b -> b.capability(name, value);
    }

    /**
     * Labels, added to CNI_ARGS in the map's iteration order (go-cni's {@code WithLabels}).
     *
     * @param labels the labels
     * @return the option
     */
    static NamespaceOption labels(Map<String, String> labels) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(labels);
        return b -> copy.forEach(b::arg);
    }

    /**
     * One label, added to CNI_ARGS.
     *
     * @param key the key
     * @param value the value
     * @return the option
     */
    static NamespaceOption label(String key, String value) {
        return arg(key, value);
    }

    /**
     * One CNI_ARGS entry (go-cni's {@code WithArgs}).
     *
     * @param key the key
     * @param value the value
     * @return the option
     */
    static NamespaceOption arg(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return b -> b.arg(key, value);
    }

    /**
     * The timeout of this call, overriding the client's.
     *
     * @param timeout a positive duration
     * @return the option
     */
    static NamespaceOption timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return b -> b.timeout(timeout);
    }
}
