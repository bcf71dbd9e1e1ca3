package io.cni4j.exec.jna.internal;

import io.cni4j.api.spi.NetnsManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes sure the directory of namespace files is ready. Internal usage only.
 *
 * <p>Every directory is created (mode 0755) when missing. The default directory {@code /run/netns}
 * additionally gets {@code ip netns}'s mount set-up when it is not a mount point yet: it is
 * bind-mounted onto itself and made a shared mount ({@code mount --bind}, then
 * {@code mount --make-rshared}), so that a namespace pinned or unpinned there propagates to the other
 * mount namespaces in its peer group (a runtime in a service with its own mount namespace, an
 * {@code ip netns exec} shell) and a namespace is freed everywhere when it is removed. This matches
 * what {@code ip netns add} leaves behind, so either tool can come first.
 *
 * <p>Careful on purpose: a directory that is already a mount point is left exactly as it is, since
 * someone chose its propagation (a tmpfs in a private test namespace, a volume of a container), and
 * other directories are the caller's own (a test's temporary directory must stay deletable), so they
 * are only created.
 */
final class NetnsDirectory {

    private static final Object LOCK = new Object();

    private NetnsDirectory() {
    }

    /**
     * Prepares {@code directory} as described in the class comment.
     *
     * @param directory the directory of namespace files
     * @throws IOException if it cannot be created or mounted
     */
    static void prepare(Path directory) throws IOException {
        prepare(directory, isDefault(directory));
    }

    /**
     * Creates {@code directory} if missing and, if {@code shareLikeIpNetns} and it is not a mount point,
     * makes it a shared mount point.
     *
     * @param directory the directory
     * @param shareLikeIpNetns whether to apply {@code ip netns}'s mount set-up
     * @throws IOException if it cannot be created or mounted
     */
    static void prepare(Path directory, boolean shareLikeIpNetns) throws IOException {
        synchronized (LOCK) { // one JVM must not stack two self-binds
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            if (shareLikeIpNetns && MountInfo.at(directory).isEmpty()) {
                String path = directory.toRealPath().toString();
                if (LibC.mount(path, path, "none", Linux.MS_BIND | Linux.MS_REC, null) != 0) {
                    throw ErrnoException.last("mount --rbind", path + " onto itself");
                }
                if (LibC.mount("none", path, null, Linux.MS_SHARED | Linux.MS_REC, null) != 0) {
                    throw ErrnoException.last("mount --make-rshared", path);
                }
            }
        }
    }

    /**
     * Whether {@code directory} is {@code /run/netns}, possibly by another name such as
     * {@code /var/run/netns}.
     *
     * @param directory the directory
     * @return {@code true} for the default directory
     */
    static boolean isDefault(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (absolute.equals(NetnsManager.DEFAULT_DIRECTORY)) {
            return true;
        }
        try {
            Path parent = absolute.getParent();
            Path defaultParent = NetnsManager.DEFAULT_DIRECTORY.getParent();
            return parent != null && Files.exists(parent, LinkOption.NOFOLLOW_LINKS)
                    && absolute.getFileName().equals(NetnsManager.DEFAULT_DIRECTORY.getFileName())
                    && parent.toRealPath().equals(defaultParent.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
