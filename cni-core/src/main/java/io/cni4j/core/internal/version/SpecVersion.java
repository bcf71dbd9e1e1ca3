package io.cni4j.core.internal.version;

import java.util.List;

/**
 * A CNI spec version as libcni's {@code version.ParseVersion} reads it: up to three dot-separated
 * integers (missing parts are 0, negative parts allowed, {@code ""} is 0.1.0), compared numerically.
 *
 * @param major the major part
 * @param minor the minor part
 * @param micro the micro part
 */
public record SpecVersion(int major, int minor, int micro) implements Comparable<SpecVersion> {

    /** The newest spec version cni4j implements. */
    public static final String CURRENT = "1.1.0";

    /** Every result version cni4j can parse and write, oldest first. */
    public static final List<String> ALL = List.of("0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

    /**
     * Parses a version.
     *
     * @param text the version text
     * @return the version
     * @throws IllegalArgumentException with libcni's message if it does not parse
     */
    public static SpecVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            return new SpecVersion(0, 1, 0);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid version \"" + text + "\": too many parts");
        }
        int[] v = new int[3];
        String[] names = {"major", "minor", "micro"};
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("failed to convert " + names[i] + " version part \""
                        + parts[i] + "\": invalid syntax");
            }
        }
        return new SpecVersion(v[0], v[1], v[2]);
    }

    /**
     * libcni's {@code GreaterThanOrEqualTo}.
     *
     * @param version the version to test
     * @param other the version to compare against
     * @return {@code true} if {@code version >= other}
     * @throws IllegalArgumentException if either does not parse
     */
    public static boolean atLeast(String version, String other) {
        return parse(version).compareTo(parse(other)) >= 0;
    }

    /**
     * Like {@link #atLeast} but an unparsable version counts as "no" (libcni's STATUS and GC gates).
     *
     * @param version the version to test
     * @param other the version to compare against
     * @return {@code true} if both parse and {@code version >= other}
     */
    public static boolean atLeastLenient(String version, String other) {
        try {
            return atLeast(version, other);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int compareTo(SpecVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
