package io.cni4j.testkit;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.NetnsManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link NetnsManager} that needs no root because it makes no namespaces: a "namespace" is a
 * plain file in {@link #directory()} holding a marker line. Use it where the code under test only
 * passes netns paths around (as the engine does with fake plugins); use a real provider's manager
 * for anything that enters a namespace.
 *
 * <p>{@link #isNetns} recognises only files that a {@code FakeNetnsManager} created (by their
 * marker), so it tells fakes from arbitrary files as a real manager tells nsfs from other files.
 */
public final class FakeNetnsManager implements NetnsManager {

    private static final byte[] MARKER = "cni4j fake network namespace\n".getBytes(StandardCharsets.US_ASCII);

    private final Path directory;

    /**
     * Creates a manager for fake namespace files under {@code directory}.
     *
     * @param directory where the files go; created on the first {@link #create}
     */
    public FakeNetnsManager(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public Path directory() {
        return directory;
    }

    /**
     * Creates the marker file {@code directory()/name}.
     *
     * @param name the file name, without separators
     * @return the file's path
     * @throws NetnsException if the name is invalid or taken, or the file cannot be written
     */
    @Override
    public Path create(String name) throws NetnsException {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            throw new NetnsException("invalid fake netns name \"" + name + "\" in " + directory);
        }
        Path path = directory.resolve(name);
        try {
            Files.createDirectories(directory);
            Files.write(Files.createFile(path), MARKER);
            return path;
        } catch (FileAlreadyExistsException e) {
            throw new NetnsException("cannot create fake netns " + path + ": the file already exists", e);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new NetnsException("cannot create fake netns " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the file; a missing file is not an error.
     *
     * @param path the namespace file
     * @throws NetnsException if the file exists but cannot be deleted
     */
    @Override
    public void remove(Path path) throws NetnsException {
        Objects.requireNonNull(path, "path");
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new NetnsException("cannot remove fake netns " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether {@code path} is a fake namespace file made by this class.
     *
     * @param path the path
     * @return {@code true} if it is a regular file with the fake-netns marker
     */
    @Override
    public boolean isNetns(Path path) {
        try {
            return Files.isRegularFile(path) && Files.size(path) == MARKER.length
                    && Arrays.equals(Files.readAllBytes(path), MARKER);
        } catch (IOException e) {
            return false;
        }
    }
}
