package io.cni4j.core.internal.config;

import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Comparator;
import java.util.List;
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

    /** Go's {@code sort.Strings} order: unsigned UTF-8 bytes of the file name. */
    private static final Comparator<Path> BY_NAME = (a, b) -> Arrays.compareUnsigned(
            a.getFileName().toString().getBytes(StandardCharsets.UTF_8),
            b.getFileName().toString().getBytes(StandardCharsets.UTF_8));

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
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && extensions.contains(extension(entry))) {
                    files.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (NotDirectoryException e) {
            throw new ConfigReadException("failed to read config dir " + dir + ": not a directory", e);
        } catch (IOException e) {
            throw new ConfigReadException("failed to read config dir " + dir + ": " + reason(e), e);
        }
        files.sort(BY_NAME);
        return List.copyOf(files);
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
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ConfigReadException("error reading " + file + ": " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            throw new ConfigReadException("error reading " + file + ": is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new ConfigReadException("error reading " + file + ": not a regular file (a FIFO, socket or device)");
        }
        if (attributes.size() > MAX_FILE_SIZE) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        } catch (IOException e) {
            throw new ConfigReadException("error reading " + file + ": " + reason(e), e);
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw tooLarge(file, bytes.length);
        }
        return bytes;
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
        byte[] bytes = read(file);
        try {
            return ConfParser.plugin(bytes);
        } catch (InvalidConfigException e) {
            throw inFile(file, e);
        }
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
        byte[] bytes = read(file);
        NetworkConfigList list;
        try {
            list = ConfParser.inlineList(bytes);
        } catch (InvalidConfigException e) {
            throw inFile(file, e);
        }
        List<PluginConfig> plugins = new ArrayList<>(list.plugins());
        if (!list.loadOnlyInlinedPlugins() && NETWORK_NAME.matcher(list.name()).matches()) {
            Path parent = file.getParent();
            Path pluginDir = parent == null ? Path.of(list.name()) : parent.resolve(list.name());
            List<Path> pluginFiles;
            try {
                pluginFiles = list(pluginDir, List.of(".conf"));
            } catch (ConfigReadException e) {
                throw new ConfigReadException("failed to read plugin config files in " + pluginDir + ": "
                        + e.getMessage(), e);
            }
            for (Path pluginFile : pluginFiles) {
                plugins.add(readConf(pluginFile));
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
    private static String extension(Path file) {
        String name = file.getFileName().toString();
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
