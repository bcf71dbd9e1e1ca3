package io.cni4j.api.spi;

import io.cni4j.api.NetnsException;
import java.nio.file.Path;

/**
 * Creates and removes named network namespaces: a file under a directory (by default
 * {@code /run/netns}, as {@code ip netns} uses) onto which a new namespace is bind-mounted.
 * Implementations need root (CAP_SYS_ADMIN) for create and remove.
 */
public interface NetnsManager {

    /** The directory {@code ip netns} uses, and the default. */
    Path DEFAULT_DIRECTORY = Path.of("/run/netns");

    /** @return the directory that holds the namespace files */
    Path directory();

    /**
     * Creates a new network namespace pinned at {@code directory()/name}. On failure nothing is left
     * behind.
     *
     * @param name the file name, without separators
     * @return the path of the namespace file
     * @throws NetnsException if the name is taken or invalid, or the namespace cannot be created
     */
    Path create(String name) throws NetnsException;

    /**
     * Unmounts and deletes a namespace file. Removing a path that does not exist is not an error.
     *
     * @param path the namespace file
     * @throws NetnsException if the file exists but cannot be unmounted or deleted
     */
    void remove(Path path) throws NetnsException;

    /**
     * Tells whether {@code path} refers to a network namespace (a bind-mounted nsfs file or a
     * {@code /proc/<pid>/ns/net} link).
     *
     * @param path the path
     * @return {@code true} if it is a network namespace
     */
    boolean isNetns(Path path);
}
