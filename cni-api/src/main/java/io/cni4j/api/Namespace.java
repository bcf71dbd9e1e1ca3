package io.cni4j.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one call of {@link Cni#setup}, {@link Cni#remove} or {@link Cni#check} is about: the
 * container, its network namespace, and the per-call options (go-cni's {@code Namespace}).
 *
 * <p>Capability values are JSON trees made of {@link Map}, {@link java.util.List}, {@link String},
 * {@link Number}, {@link Boolean}, {@code null} and {@link JsonText}. A capability reaches a plugin
 * only if that plugin declares it ({@code "capabilities": {"portMappings": true}}). Args become
 * {@code CNI_ARGS} in insertion order.
 *
 * @param containerId the container id ({@code CNI_CONTAINERID})
 * @param netnsPath the network namespace path ({@code CNI_NETNS}); may be empty for remove
 * @param capabilities capability name to value, in insertion order
 * @param args CNI_ARGS keys and values, in insertion order
 * @param timeout the call's timeout, or {@code null} for the client's default
 */
public record Namespace(String containerId, String netnsPath, Map<String, Object> capabilities,
                        Map<String, String> args, Duration timeout) {

    /**
     * Copies the maps, keeping their order.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param capabilities the capabilities
     * @param args the args
     * @param timeout the timeout or {@code null}
     */
    public Namespace {
        Objects.requireNonNull(containerId, "containerId");
        netnsPath = Objects.requireNonNullElse(netnsPath, "");
        capabilities = capabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
        args.forEach((k, v) -> Objects.requireNonNull(v, "arg " + k));
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Builds a namespace from options, applied in order (a later option overwrites the same key).
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options the options
     * @return the namespace
     */
    public static Namespace of(String containerId, String netnsPath, NamespaceOption... options) {
        Builder builder = new Builder();
        for (NamespaceOption option : options) {
            Objects.requireNonNull(option, "option").applyTo(builder);
        }
        return new Namespace(containerId, netnsPath, builder.capabilities, builder.args, builder.timeout);
    }

    /**
     * Collects per-call settings for {@link NamespaceOption}s. Not thread-safe; used only while
     * {@link Namespace#of} applies options.
     */
    public static final class Builder {
        private final Map<String, Object> capabilities = new LinkedHashMap<>();
        private final Map<String, String> args = new LinkedHashMap<>();
        private Duration timeout;

        Builder() {
        }

        /**
         * Sets a capability value, replacing an earlier one.
         *
         * @param name the capability name
         * @param value the JSON tree value
         * @return this builder
         */
        public Builder capability(String name, Object value) {
            capabilities.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Sets a CNI_ARGS entry, replacing an earlier one (insertion order kept for the first).
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder arg(String key, String value) {
            args.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets the call's timeout.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }
    }
}
