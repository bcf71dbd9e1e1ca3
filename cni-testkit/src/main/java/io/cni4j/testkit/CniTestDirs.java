package io.cni4j.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * A private set of the three directories the engine works with: {@link #confDir()},
 * {@link #cacheDir()} and {@link #pluginDir()}, under one root, with helpers to fill them. Get one
 * per test from {@link CniDirsExtension}, or make one with {@link #createUnder(Path)}.
 *
 * <p>Every file is written to a temporary name and moved into place, so a loader never sees half a
 * file and a script is never open for writing when it runs (which would give "text file busy").
 */
public final class CniTestDirs {

    private final Path root;
    private final Path confDir;
    private final Path cacheDir;
    private final Path pluginDir;

    private CniTestDirs(Path root) {
        this.root = root;
        this.confDir = root.resolve("net.d");
        this.cacheDir = root.resolve("cache");
        this.pluginDir = root.resolve("bin");
    }

    /**
     * Creates {@code net.d}, {@code cache} and {@code bin} under a directory.
     *
     * @param root the directory; created if missing
     * @return the directories
     * @throws IOException if they cannot be created
     */
    public static CniTestDirs createUnder(Path root) throws IOException {
        CniTestDirs dirs = new CniTestDirs(root.toAbsolutePath());
        Files.createDirectories(dirs.confDir);
        Files.createDirectories(dirs.cacheDir);
        Files.createDirectories(dirs.pluginDir);
        return dirs;
    }

    /** @return the directory that holds the three others */
    public Path root() {
        return root;
    }

    /** @return the configuration directory ({@code root/net.d}) */
    public Path confDir() {
        return confDir;
    }

    /** @return the result cache directory ({@code root/cache}) */
    public Path cacheDir() {
        return cacheDir;
    }

    /** @return the plugin directory ({@code root/bin}) */
    public Path pluginDir() {
        return pluginDir;
    }

    /**
     * Writes a network configuration file into the configuration directory.
     *
     * @param fileName the file name; {@code .conf} is appended when it has no extension; a relative
     *     path such as {@code mynet/10-tuning.conf} is allowed (for {@code <confdir>/<name>/*.conf})
     * @param json the file's content, written as is
     * @return the file's path
     * @throws IOException if it cannot be written
     */
    public Path writeConf(String fileName, String json) throws IOException {
        return write(confDir, withExtension(fileName, ".conf"), json.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Writes a network configuration list file into the configuration directory.
     *
     * @param fileName the file name; {@code .conflist} is appended when it has no extension
     * @param json the file's content, written as is
     * @return the file's path
     * @throws IOException if it cannot be written
     */
    public Path writeConflist(String fileName, String json) throws IOException {
        return write(confDir, withExtension(fileName, ".conflist"), json.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Writes an executable POSIX shell plugin into the plugin directory: {@code #!/bin/sh}, a newline,
     * then {@code script}. The plugin sees {@code CNI_*} in its environment and the config on stdin,
     * e.g. {@code cat > "$RECORD"; echo '{"cniVersion":"1.0.0"}'}.
     *
     * @param type the plugin type, i.e. the file name
     * @param script the shell commands
     * @return the executable's path (mode 0755)
     * @throws IOException if it cannot be written
     */
    public Path writeScriptPlugin(String type, String script) throws IOException {
        return writeScript(pluginDir, type, script);
    }

    /**
     * Writes an executable POSIX shell script ({@code #!/bin/sh} then {@code script}) into any
     * directory, atomically, closed before this method returns.
     *
     * @param dir the directory
     * @param fileName the file name
     * @param script the shell commands
     * @return the script's path (mode 0755)
     * @throws IOException if it cannot be written
     */
    public static Path writeScript(Path dir, String fileName, String script) throws IOException {
        return write(dir, fileName, ("#!/bin/sh\n" + script + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Puts an empty executable placeholder into the plugin directory for every plugin type the fake
     * executor knows, so that the engine's plugin lookup finds them.
     *
     * @param executor the fake executor
     * @return the placeholder paths
     * @throws IOException if a file cannot be created
     */
    public List<Path> installPlaceholders(FakePluginExecutor executor) throws IOException {
        return executor.installPlaceholders(pluginDir);
    }

    /**
     * Deletes the root and everything under it. Missing files are ignored.
     *
     * @throws IOException if something cannot be deleted
     */
    public void delete() throws IOException {
        deleteRecursively(root);
    }

    /**
     * Deletes a directory tree, ignoring files that are already gone.
     *
     * @param path the tree's root
     * @throws IOException if something cannot be deleted
     */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String withExtension(String fileName, String extension) {
        Objects.requireNonNull(fileName, "fileName");
        String last = fileName.substring(fileName.lastIndexOf('/') + 1);
        return last.contains(".") ? fileName : fileName + extension;
    }

    private static Path write(Path dir, String fileName, byte[] content, boolean executable) throws IOException {
        Objects.requireNonNull(fileName, "fileName");
        Path target = dir.resolve(fileName).normalize();
        if (fileName.isEmpty() || !target.startsWith(dir.normalize()) || target.equals(dir.normalize())) {
            throw new IllegalArgumentException("file name \"" + fileName + "\" does not name a file inside " + dir);
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, content);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
