package io.cni4j.core.internal.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.CniError;
import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.core.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * libcni's on-disk result cache (§2.8): {@code <cacheDir>/results/<network>-<containerId>-<ifName>},
 * the {@code cniCacheV1} JSON format, readable and writable by Go runtimes and cnitool alike.
 *
 * <p>Unlike libcni, writes are atomic: a temp file in the same directory, fsync, rename, fsync of the
 * directory; so a crash leaves either the old file or the new one, never a partial one. A crash
 * between creating and renaming the temp file leaves the temp file ({@code .tmp-...}), which is
 * never read as an attachment and which {@link #deleteStaleTempFiles} (run by the client's GC)
 * removes once it is {@link #STALE_TEMP_AGE} old. Files are 0600 in a 0700 directory. Reads and
 * writes are bounded to {@link #MAX_FILE_BYTES}, file names to {@link #MAX_NAME_BYTES}.
 */
public final class ResultCache {

    /** The largest cache file read or written; anything larger is treated as invalid. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    /** The age past which {@link #deleteStaleTempFiles} counts a temp file as left by a dead writer. */
    public static final Duration STALE_TEMP_AGE = Duration.ofMinutes(10);

    /** The longest file name Linux file systems take (NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;

    private static final String TEMP_PREFIX = ".tmp-";
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(FILE_MODE);
    private static final Set<StandardOpenOption> CREATE_NEW =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path resultsDir;

    /**
     * Creates a cache rooted at {@code cacheDir}.
     *
     * @param cacheDir the cache directory, e.g. {@code /var/lib/cni}
     */
    public ResultCache(Path cacheDir) {
        this.resultsDir = cacheDir.resolve("results");
    }

    /** @return the directory that holds the result files */
    public Path resultsDir() {
        return resultsDir;
    }

    /**
     * The file of one attachment, after checking that no part can escape the results directory.
     *
     * @param network the network name
     * @param containerId the container id
     * @param ifName the interface name
     * @return the path
     * @throws InvalidRequestException if a part is empty or unsafe in a file name, the name would be
     *     longer than {@link #MAX_NAME_BYTES}, or the JVM cannot encode it as a file name
     */
    public Path path(String network, String containerId, String ifName) throws InvalidRequestException {
        if (network.isEmpty() || containerId.isEmpty() || ifName.isEmpty()) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "cache file path requires network name (\"" + network + "\"), container ID (\""
                            + containerId + "\"), and interface name (\"" + ifName + "\")", ""));
        }
        checkSafe("network name", network);
        checkSafe("container ID", containerId);
        checkSafe("interface name", ifName);
        String name = network + "-" + containerId + "-" + ifName;
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_NAME_BYTES) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "the result cache file name <network>-<containerID>-<ifname> would be " + length
                            + " bytes, more than the " + MAX_NAME_BYTES + " a file name may have", ""));
        }
        try {
            return resultsDir.resolve(name);
        } catch (InvalidPathException e) {
            // Non-ASCII names under a JVM whose file name encoding (sun.jnu.encoding) is ASCII, a C locale.
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "the result cache file name cannot be encoded as a file name here (sun.jnu.encoding="
                            + System.getProperty("sun.jnu.encoding") + ")", e.getMessage()));
        }
    }

    private static void checkSafe(String what, String value) throws InvalidRequestException {
        boolean bad = value.equals(".") || value.equals("..") || value.startsWith(TEMP_PREFIX);
        for (int i = 0; i < value.length() && !bad; i++) {
            char c = value.charAt(i);
            bad = c == '/' || c == '\\' || c < 0x20 || c == 0x7f;
        }
        if (bad) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "unsafe " + what + " for the result cache", value));
        }
    }

    /**
     * Writes an attachment's record atomically, replacing an earlier one.
     *
     * @param entry the record
     * @throws IOException if the directory or file cannot be written, or the record is larger than
     *     {@link #MAX_FILE_BYTES} (it could not be read back); no partial file remains
     * @throws InvalidRequestException if the names are unsafe
     */
    public void write(CacheEntry entry) throws IOException, InvalidRequestException {
        Path target = path(entry.networkName(), entry.containerId(), entry.ifName());
        Path dir = resultsDir;
        createPrivateDirs(dir);
        byte[] bytes = toBytes(entry);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("the record for " + target + " would be " + bytes.length + " bytes, more than the "
                    + MAX_FILE_BYTES + " bytes (4 MiB) a cache file may have; it could not be read back");
        }
        // Not named after the target: a target name near the length limit must still leave room.
        Path temp = dir.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, CREATE_NEW, FILE_ATTRIBUTE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Deletes the temp files of writes that never finished: those older than {@code maxAge}. A write
     * takes milliseconds, so such a file was left by a process that died between creating and renaming
     * it (killed, or its machine lost power); it is never read as an attachment, but nothing else would
     * ever remove it. A younger temp file may belong to a write in progress in another process and is
     * kept. Failures are ignored: this is housekeeping.
     *
     * @param maxAge the age past which a temp file is stale
     * @return how many files were deleted
     */
    public int deleteStaleTempFiles(Duration maxAge) {
        Path dir = resultsDir();
        FileTime limit = FileTime.from(Instant.now().minus(maxAge));
        int deleted = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
            for (Path temp : stream) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(temp, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile() && attrs.lastModifiedTime().compareTo(limit) < 0
                            && Files.deleteIfExists(temp)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    // another process removed it, or it cannot be removed: leave it
                }
            }
        } catch (IOException e) {
            // no results directory, or it cannot be listed: nothing to do
        }
        return deleted;
    }

    private static void createPrivateDirs(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            createPrivateDirs(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            Files.setPosixFilePermissions(dir, DIR_MODE); // the umask may have narrowed or widened nothing else
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on directories; the rename itself is still atomic.
        }
    }

    /**
     * Deletes an attachment's record; a missing file is fine.
     *
     * @param network the network name
     * @param containerId the container id
     * @param ifName the interface name
     * @throws IOException if the file exists and cannot be deleted
     * @throws InvalidRequestException if the names are unsafe
     */
    public void delete(String network, String containerId, String ifName) throws IOException, InvalidRequestException {
        Path file = path(network, containerId, ifName);
        try {
            Files.deleteIfExists(file);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException("cannot delete " + file + ": a non-empty directory is in its place", e);
        }
    }

    /**
     * Reads an attachment's file as it is on disk.
     *
     * @param network the network name
     * @param containerId the container id
     * @param ifName the interface name
     * @return the file's content, or empty when there is no file
     * @throws IOException if the file exists but cannot be read, is not a regular file, or is too large
     * @throws InvalidRequestException if the names are unsafe
     */
    public Optional<CachedFile> read(String network, String containerId, String ifName)
            throws IOException, InvalidRequestException {
        Path file = path(network, containerId, ifName);
        byte[] bytes;
        try {
            bytes = readBounded(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new CachedFile(file, bytes));
    }

    private static byte[] readBounded(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(file.toString());
            }
            throw new IOException(file + " is not a regular file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            // Sized by the file, not by the limit (a 4 MiB read of a 2 KiB file copies 8 KiB chunks around);
            // a file that is still growing is read again the bounded way.
            long size = ch.size();
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read on
            }
            if (buf.hasRemaining()) {
                return Arrays.copyOf(buf.array(), buf.position()); // shrank meanwhile
            }
            if (ch.read(java.nio.ByteBuffer.allocate(1)) <= 0) {
                return buf.array();
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
            return bytes;
        }
    }

    private static IOException tooLarge(Path file) {
        return new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
    }

    /**
     * Lists the cached attachments (libcni's {@code GetCachedAttachments}): files sorted by name,
     * optionally only those of one container; unreadable, malformed, legacy or incomplete files are
     * skipped, and a missing directory gives an empty list.
     *
     * @param containerId a container id, or empty for all
     * @return the attachments
     * @throws ConfigReadException if the directory exists but cannot be listed
     */
    public List<CachedAttachment> attachments(String containerId) throws ConfigReadException {
        return attachments(containerId, Set.of());
    }

    /**
     * Lists the cached attachments as {@link #attachments(String)} does, except the files named in
     * {@code skipped}, which are not read: a remove reads the files of its loaded networks by name and
     * lists only to find those of networks no longer loaded.
     *
     * @param containerId a container id, or empty for all
     * @param skipped file names (as {@link #path} names them) to leave out
     * @return the attachments
     * @throws ConfigReadException if the directory exists but cannot be listed
     */
    public List<CachedAttachment> attachments(String containerId, Set<String> skipped) throws ConfigReadException {
        Path dir = resultsDir();
        String marker = "-" + containerId + "-";
        // Only the names that can be the container's are kept (and sorted): with thousands of containers
        // a remove must not sort and read the whole directory.
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) || skipped.contains(name)) {
                    continue;
                }
                if (!containerId.isEmpty()) {
                    int at = name.indexOf(marker);
                    if (at <= 0 || at + marker.length() >= name.length()) {
                        continue;
                    }
                }
                names.add(name);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigReadException("failed to read result cache directory " + dir + ": " + e.getMessage(), e);
        }
        Collections.sort(names);
        List<CachedAttachment> out = new ArrayList<>();
        for (String name : names) {
            Optional<CacheEntry> entry;
            try {
                entry = parse(readBounded(dir.resolve(name)));
            } catch (IOException e) {
                continue;
            }
            entry.flatMap(e -> attachment(e, containerId)).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Tells whether {@link #attachments(String)} lists a record for a container.
     *
     * @param e the record
     * @param containerId the container id, or empty for any
     * @return {@code false} if the record is another container's or lacks the interface or network name
     */
    public static boolean isAttachment(CacheEntry e, String containerId) {
        return (containerId.isEmpty() || e.containerId().equals(containerId))
                && !e.ifName().isEmpty() && !e.networkName().isEmpty();
    }

    /**
     * A record as an attachment of a container, as {@link #attachments(String)} lists it.
     *
     * @param e the record
     * @param containerId the container id, or empty for any
     * @return the attachment, or empty if the record is another container's or lacks the interface
     *     or network name
     */
    public static Optional<CachedAttachment> attachment(CacheEntry e, String containerId) {
        if (!isAttachment(e, containerId)) {
            return Optional.empty();
        }
        return Optional.of(new CachedAttachment(e.containerId(), e.networkName(), e.ifName(), e.netns(), e.cniArgs(),
                e.capabilityArgs() == null ? "" : Json.writeString(e.capabilityArgs()),
                new String(e.config(), StandardCharsets.UTF_8)));
    }

    /**
     * Parses a file as {@code cniCacheV1}.
     *
     * @param bytes the file content
     * @return the entry, or empty if the content is not JSON, not an object, or of another kind (a
     *     legacy raw-result file, for example)
     */
    public static Optional<CacheEntry> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.parse(bytes);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (!root.isObject() || !CacheEntry.KIND.equals(root.path("kind").asText(null))) {
            return Optional.empty();
        }
        try {
            byte[] config = Base64.getDecoder().decode(text(root, "config"));
            List<Map.Entry<String, String>> args = new ArrayList<>();
            JsonNode argsNode = root.get("cniArgs");
            if (argsNode != null && argsNode.isArray()) {
                for (JsonNode pair : argsNode) {
                    if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                        return Optional.empty();
                    }
                    args.add(Map.entry(pair.get(0).asText(), pair.get(1).asText()));
                }
            } else if (argsNode != null && !argsNode.isNull()) {
                return Optional.empty();
            }
            JsonNode caps = root.get("capabilityArgs");
            JsonNode result = root.get("result");
            return Optional.of(new CacheEntry(text(root, "containerId"), config, text(root, "ifName"),
                    text(root, "networkName"), text(root, "netns"), args,
                    caps == null || caps.isNull() ? null : caps, result == null || result.isNull() ? null : result));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return n.asText();
    }

    /**
     * The JSON of an entry, keys in libcni's order, empty optional fields omitted, the result's keys
     * sorted.
     *
     * @param entry the entry
     * @return the UTF-8 JSON
     */
    static byte[] toBytes(CacheEntry entry) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("kind", CacheEntry.KIND);
            g.writeStringField("containerId", entry.containerId());
            g.writeFieldName("config");
            g.writeBinary(entry.config()); // Jackson's default variant: RFC 4648 base64 with padding, as Go writes []byte
            g.writeStringField("ifName", entry.ifName());
            g.writeStringField("networkName", entry.networkName());
            if (!entry.netns().isEmpty()) {
                g.writeStringField("netns", entry.netns());
            }
            if (!entry.cniArgs().isEmpty()) {
                g.writeArrayFieldStart("cniArgs");
                for (Map.Entry<String, String> e : entry.cniArgs()) {
                    g.writeStartArray();
                    g.writeString(e.getKey());
                    g.writeString(e.getValue());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            JsonNode caps = entry.capabilityArgs();
            if (caps != null && !(caps.isObject() && caps.isEmpty())) {
                g.writeFieldName("capabilityArgs");
                Json.write(g, caps);
            }
            if (entry.result() != null) {
                g.writeFieldName("result");
                Json.writeSorted(g, entry.result());
            }
            g.writeEndObject();
        });
    }

    /**
     * A cache file's bytes as read.
     *
     * @param file the path
     * @param bytes the content
     */
    public record CachedFile(Path file, byte[] bytes) {

        /**
         * Copies the bytes.
         *
         * @param file the path
         * @param bytes the content
         */
        public CachedFile {
            bytes = bytes.clone();
        }

        /** @return the content */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * The result JSON the file holds: a {@code cniCacheV1} file's {@code result}, or, for a legacy
         * file, the whole file (libcni's fallback).
         *
         * @return the result JSON bytes, or empty when a {@code cniCacheV1} file has no result
         */
        public Optional<byte[]> resultJson() {
            Optional<CacheEntry> entry = parse(bytes);
            if (entry.isPresent()) {
                JsonNode result = entry.get().result();
                return result == null ? Optional.empty() : Optional.of(Json.write(result));
            }
            return Optional.of(bytes.clone());
        }
    }

    /** @return whether a temp file of an unfinished write is left in the results directory */
    boolean hasTempFiles() throws IOException {
        if (!Files.isDirectory(resultsDir())) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(resultsDir(), TEMP_PREFIX + "*")) {
            Iterator<Path> it = s.iterator();
            return it.hasNext();
        }
    }
}
