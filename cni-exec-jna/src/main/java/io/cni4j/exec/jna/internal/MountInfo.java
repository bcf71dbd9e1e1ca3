package io.cni4j.exec.jna.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mounts of this process's mount namespace, from {@code /proc/self/mountinfo} (the JVM's
 * threads all share one mount namespace). Internal usage only.
 */
final class MountInfo {

    static final Path SELF = Path.of("/proc/self/mountinfo");

    /**
     * One line of mountinfo.
     *
     * @param mountPoint where it is mounted, unescaped
     * @param optionalFields the propagation tags, e.g. {@code shared:12} or {@code master:3}
     * @param fsType the filesystem type, e.g. {@code nsfs}
     * @param source the mount source, e.g. a device or a tmpfs name
     */
    record Mount(String mountPoint, List<String> optionalFields, String fsType, String source) {

        /** @return {@code true} if this mount is in a peer group ({@code shared:N}) */
        boolean isShared() {
            return optionalFields.stream().anyMatch(f -> f.startsWith("shared:"));
        }
    }

    private MountInfo() {
    }

    /**
     * Reads this process's mounts.
     *
     * @return the mounts, in the file's order (later mounts over earlier ones)
     * @throws IOException if the file cannot be read
     */
    static List<Mount> read() throws IOException {
        return parse(Files.readAllLines(SELF, StandardCharsets.UTF_8));
    }

    /**
     * The mounts whose mount point is exactly {@code path}'s real path.
     *
     * @param path an existing path
     * @return the mounts there, topmost last; empty if it is not a mount point
     * @throws IOException if the path or mountinfo cannot be read
     */
    static List<Mount> at(Path path) throws IOException {
        String target = path.toRealPath().toString();
        return read().stream().filter(m -> m.mountPoint().equals(target)).toList();
    }

    /**
     * Parses mountinfo lines.
     *
     * @param lines the lines
     * @return the mounts
     */
    static List<Mount> parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (fields.length < 7 || separator < 6 || separator + 2 >= fields.length) {
                continue;
            }
            List<String> optional = List.of(Arrays.copyOfRange(fields, 6, separator));
            mounts.add(new Mount(unescape(fields[4]), optional, unescape(fields[separator + 1]),
                    unescape(fields[separator + 2])));
        }
        return mounts;
    }

    /** Undoes the kernel's octal escapes ({@code \040} for a space, and so on). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2]) && isOctal(raw[i + 3])) {
                bytes.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
