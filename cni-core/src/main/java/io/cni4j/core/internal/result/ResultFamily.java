package io.cni4j.core.internal.result;

import java.util.List;

/**
 * The three JSON shapes of CNI results and the versions each one carries, as libcni registers its
 * result creators: {@code ""}, 0.1.0 and 0.2.0; 0.3.0, 0.3.1 and 0.4.0; 1.0.0 and 1.1.0.
 */
enum ResultFamily {

    /** {@code ip4} / {@code ip6} results. */
    V020(List.of("", "0.1.0", "0.2.0"), new Codec020()),

    /** Results with interfaces and IPs that carry a {@code version} field. */
    V040(List.of("0.3.0", "0.3.1", "0.4.0"), InterfaceCodec.V040),

    /** Results with interface MTU, socket path, PCI id and the full route. */
    V100(List.of("1.0.0", "1.1.0"), InterfaceCodec.V100);

    /** The version an empty {@code cniVersion} stands for. */
    static final String DEFAULT_VERSION = "0.1.0";

    private final List<String> versions;
    private final ResultCodec codec;

    ResultFamily(List<String> versions, ResultCodec codec) {
        this.versions = versions;
        this.codec = codec;
    }

    /**
     * Finds the family of a version.
     *
     * @param version the version, {@code ""} meaning 0.1.0
     * @return the family, or {@code null} if no family carries this version
     */
    static ResultFamily of(String version) {
        for (ResultFamily family : values()) {
            if (family.versions.contains(version)) {
                return family;
            }
        }
        return null;
    }

    /**
     * The version a result label stands for: an empty label is 0.1.0.
     *
     * @param version the label
     * @return the version
     */
    static String normalize(String version) {
        return version.isEmpty() ? DEFAULT_VERSION : version;
    }

    /**
     * @param version a {@code cniVersion} found inside a result document
     * @return {@code true} if a result of this family may carry it
     */
    boolean accepts(String version) {
        return versions.contains(version);
    }

    /** @return the versions in libcni's message format, e.g. {@code [1.0.0 1.1.0]} */
    String versionList() {
        return "[" + String.join(" ", versions) + "]";
    }

    /** @return the codec of this family */
    ResultCodec codec() {
        return codec;
    }
}
