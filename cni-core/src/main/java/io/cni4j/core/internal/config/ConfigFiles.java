package io.cni4j.core.internal.config;

import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration files on disk: listing a conf dir (libcni's {@code ConfFiles}), reading one file
 * safely, and loading {@code .conf} and {@code .conflist} files with their plugin subdirectory.
 *
 * <p>Reading is bounded: only regular files (after following symlinks) of at most
 * {@link #MAX_FILE_SIZE} bytes are read, so a FIFO, a directory, a device or a symlink loop named like
 * a conf file fails at once instead of blocking or filling the heap. Parse errors are reported with
 * the file's path first.
 */
public final class ConfigFiles {

    /** The largest configuration file read: 1 MiB. Real ones are a few KiB. */
    public static final int MAX_FILE_SIZE = 1 << 20;

    /** The extensions of network configuration files in a conf dir, go-cni's list. */
    public static final List<String> CONF_DIR_EXTENSIONS = List.of(".conf", ".conflist", ".json");

    /** libcni's {@code ValidateNetworkName}: only such a name can be a plugin subdirectory. */
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.\\-]*");

    private ConfigFiles() {
    }

    /**
     * libcni's {@code ConfFiles}: the entries of {@code dir} whose extension (from the last dot of
     * the name) is one of {@code extensions}, sorted by name. Not recursive; directories are
     * skipped, symlinks are listed whatever they point to.
     *
     * @param dir the directory
     * @param extensions extensions with their dot, e.g. {@code .conf}
     * @return the files, empty if {@code dir} does not exist
     * @throws ConfigReadException if {@code dir} cannot be listed (not a directory, permissions)
     */
    public static List<Path> list(Path dir, List<String> extensions) throws ConfigReadException {
        List<Path> files = new ArrayList<>();
        for (Path candidate : Listing.of(dir).candidates(extensions)) {
            if (!Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                files.add(candidate);
            }
        }
        return List.copyOf(files);
    }

    /**
     * The names in a directory, read once. A loader that reads every file it lists learns which
     * entries are directories from that read itself ({@link #readListed}), and knows without a
     * system call whether a name exists at all; {@link #list} pays one {@code lstat} per file instead.
     */
    static final class Listing {

        private final Path dir;
        private final Set<String> names;

        private Listing(Path dir, Set<String> names) {
            this.dir = dir;
            this.names = names;
        }

        /**
         * Lists {@code dir}.
         *
         * @param dir the directory
         * @return its names, none if it does not exist
         * @throws ConfigReadException if {@code dir} cannot be listed (not a directory, permissions)
         */
        static Listing of(Path dir) throws ConfigReadException {
            Set<String> names = new HashSet<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    names.add(entry.getFileName().toString());
                }
            } catch (NoSuchFileException e) {
                return new Listing(dir, Set.of());
            } catch (NotDirectoryException e) {
                throw new ConfigReadException("failed to read config dir " + dir + ": not a directory", e);
            } catch (IOException e) {
                throw new ConfigReadException("failed to read config dir " + dir + ": " + reason(e), e);
            }
            return new Listing(dir, names);
        }

        /**
         * @param name a file name
         * @return whether the directory held an entry of that name when it was listed
         */
        boolean contains(String name) {
            return names.contains(name);
        }

        /**
         * The entries with one of the extensions, in Go's {@code sort.Strings} order (unsigned UTF-8
         * bytes of the name). Directories among them are not yet told apart: {@link #readListed}
         * skips them.
         *
         * @param extensions extensions with their dot, e.g. {@code .conf}
         * @return the entries
         */
        List<Path> candidates(List<String> extensions) {
            List<Map.Entry<byte[], String>> keyed = new ArrayList<>();
            for (String name : names) {
                if (extensions.contains(extension(name))) {
                    keyed.add(Map.entry(name.getBytes(StandardCharsets.UTF_8), name));
                }
            }
            keyed.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
            List<Path> files = new ArrayList<>(keyed.size());
            for (Map.Entry<byte[], String> entry : keyed) {
                files.add(dir.resolve(entry.getValue()));
            }
            return files;
        }
    }

    /**
     * Reads a whole configuration file, refusing anything but a regular file of at most
     * {@link #MAX_FILE_SIZE} bytes.
     *
     * @param file the file; symlinks are followed
     * @return its bytes
     * @throws ConfigReadException naming the file and the reason
     */
    public static byte[] read(Path file) throws ConfigReadException {
        return read(file, false);
    }

    /**
     * {@link #read} for an entry of a {@link Listing}: a directory (itself, not a symlink to one) is
     * skipped as {@code ConfFiles} skips it, so {@code null}. A symlink to a directory is listed by
     * {@code ConfFiles}, and fails here as in {@link #read}.
     *
     * @param file the entry
     * @return its bytes, or {@code null} for a directory
     * @throws ConfigReadException naming the file and the reason
     */
    static byte[] readListed(Path file) throws ConfigReadException {
        return read(file, true);
    }

    private static byte[] read(Path file, boolean skipDirectory) throws ConfigReadException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ConfigReadException("error reading " + file + ": " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            if (skipDirectory && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            throw new ConfigReadException("error reading " + file + ": is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new ConfigReadException("error reading " + file + ": not a regular file (a FIFO, socket or device)");
        }
        if (attributes.size() > MAX_FILE_SIZE) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            bytes = readAtMost(channel, MAX_FILE_SIZE + 1, (int) attributes.size());
        } catch (IOException e) {
            throw new ConfigReadException("error reading " + file + ": " + reason(e), e);
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw tooLarge(file, bytes.length);
        }
        return bytes;
    }

    /**
     * Reads to the end of the file or {@code limit} bytes, whichever comes first. The size the file
     * had when it was looked at is a hint: a file can grow in between, and procfs files say 0. A
     * read that stops short at exactly that size, into a buffer with room for more, is the end of
     * the file as it was at that read (a regular file only reads short at its end), so no read is
     * spent on asking again.
     */
    private static byte[] readAtMost(ReadableByteChannel channel, int limit, int sizeHint) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(sizeHint, limit - 1) + 1);
        while (true) {
            if (!buffer.hasRemaining()) {
                if (buffer.capacity() == limit) {
                    break;
                }
                int capacity = (int) Math.min(limit, Math.max(8192L, 2L * buffer.capacity()));
                buffer = ByteBuffer.allocate(capacity).put(buffer.flip());
            }
            if (channel.read(buffer) < 0 || (buffer.position() == sizeHint && buffer.hasRemaining())) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /**
     * libcni's {@code ConfFromFile}: reads and parses a single plugin configuration.
     *
     * @param file the file
     * @return the plugin, its source the file's bytes
     * @throws ConfigReadException if it cannot be read
     * @throws InvalidConfigException if it is invalid; the message starts with the path
     */
    public static PluginConfig readConf(Path file) throws ConfigReadException, InvalidConfigException {
        return parseConf(file, read(file));
    }

    /**
     * libcni's {@code ConfListFromFile}: reads and parses a configuration list, then appends the
     * plugins of {@code <dir>/<name>/*.conf} (sorted by name) unless {@code loadOnlyInlinedPlugins}.
     * The subdirectory is only looked for when the name is a valid network name (so {@code ""},
     * {@code ..} or {@code a/b} never lead elsewhere; such networks cannot be added anyway).
     *
     * @param file the file
     * @return the list, its source the file's bytes, with at least one plugin
     * @throws ConfigReadException if the file, the subdirectory or a plugin file cannot be read
     * @throws InvalidConfigException if a file is invalid (the message starts with its path) or no
     *     plugin is found at all
     */
    public static NetworkConfigList readConfList(Path file) throws ConfigReadException, InvalidConfigException {
        return parseConfList(file, read(file), null);
    }

    /**
     * The parse half of {@link #readConf}.
     *
     * @param file the file the bytes were read from, for messages
     * @param bytes its bytes
     * @return the plugin
     * @throws InvalidConfigException if it is invalid; the message starts with the path
     */
    static PluginConfig parseConf(Path file, byte[] bytes) throws InvalidConfigException {
        try {
            return ConfParser.plugin(bytes);
        } catch (InvalidConfigException e) {
            throw inFile(file, e);
        }
    }

    /**
     * The parse half of {@link #readConfList}, plugin subdirectory included.
     *
     * @param file the file the bytes were read from; its directory holds the plugin subdirectory
     * @param bytes its bytes
     * @param siblings the listing of the file's directory if the caller has one: a plugin
     *     subdirectory it did not hold is not looked for (the common case, and a failed
     *     {@code opendir} is not cheap); {@code null} to look for it
     * @return the list, with at least one plugin
     * @throws ConfigReadException if the subdirectory or a plugin file cannot be read
     * @throws InvalidConfigException if a file is invalid (the message starts with its path) or no
     *     plugin is found at all
     */
    static NetworkConfigList parseConfList(Path file, byte[] bytes, Listing siblings)
            throws ConfigReadException, InvalidConfigException {
        NetworkConfigList list;
        try {
            list = ConfParser.inlineList(bytes);
        } catch (InvalidConfigException e) {
            throw inFile(file, e);
        }
        if (list.loadOnlyInlinedPlugins() || !NETWORK_NAME.matcher(list.name()).matches()
                || (siblings != null && !siblings.contains(list.name()))) {
            if (list.plugins().isEmpty()) {
                throw new InvalidConfigException(file + ": no plugin configs found");
            }
            return list;
        }
        Path parent = file.getParent();
        Path pluginDir = parent == null ? Path.of(list.name()) : parent.resolve(list.name());
        Listing pluginFiles;
        try {
            pluginFiles = Listing.of(pluginDir);
        } catch (ConfigReadException e) {
            throw new ConfigReadException("failed to read plugin config files in " + pluginDir + ": "
                    + e.getMessage(), e);
        }
        List<PluginConfig> plugins = new ArrayList<>(list.plugins());
        for (Path pluginFile : pluginFiles.candidates(List.of(".conf"))) {
            byte[] pluginBytes = readListed(pluginFile);
            if (pluginBytes != null) {
                plugins.add(parseConf(pluginFile, pluginBytes));
            }
        }
        if (plugins.isEmpty()) {
            throw new InvalidConfigException(file + ": no plugin configs found");
        }
        return new NetworkConfigList(list.name(), list.cniVersion(), list.disableCheck(), list.disableGC(),
                list.loadOnlyInlinedPlugins(), plugins, list.source());
    }

    private static InvalidConfigException inFile(Path file, InvalidConfigException e) {
        return new InvalidConfigException(file + ": " + e.getMessage(), e);
    }

    private static ConfigReadException tooLarge(Path file, long size) {
        return new ConfigReadException("error reading " + file + ": " + size + " bytes is more than the limit of "
                + MAX_FILE_SIZE + " bytes (1 MiB)");
    }

    /** Go's {@code filepath.Ext}: from the last dot of the name, or empty. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
