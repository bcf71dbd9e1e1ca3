package io.cni4j.core.internal.invoke;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns, once per path and client, about plugin directories and plugin executables that every user
 * may write (mode {@code o+w}, sticky bit or not): whoever can write there can add or replace a plugin
 * that the runtime, usually root, then executes. A warning and not a refusal, as libcni neither
 * checks nor refuses: refusing would break hosts that work today, and the operator decides.
 *
 * <p>Checked at lookup, not when the client is built: plugin directories are often created or filled
 * after the runtime starts (by a DaemonSet, a package install), and what matters is the directory a
 * plugin is run from. A path that does not exist yet is checked again on a later lookup. Every plugin
 * directory is checked, not only the one the plugin was found in: all of them are in the plugins'
 * {@code CNI_PATH}, where they look up their IPAM and delegate plugins. Thread-safe.
 */
final class PluginPathAudit {

    private static final System.Logger LOG = System.getLogger(PluginPathAudit.class.getName());

    private final Set<Path> checked = ConcurrentHashMap.newKeySet();

    /**
     * Checks the plugin directories and, if given, the executable about to run.
     *
     * @param dirs the plugin directories
     * @param executable the executable found, or {@code null} when the lookup failed
     */
    void check(List<Path> dirs, Path executable) {
        for (Path dir : dirs) {
            checkOnce(dir, "plugin directory");
        }
        if (executable != null) {
            checkOnce(executable, "plugin");
        }
    }

    private void checkOnce(Path path, String what) {
        if (checked.contains(path)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.readAttributes(path, PosixFileAttributes.class).permissions();
        } catch (IOException | UnsupportedOperationException e) {
            return; // missing (or not POSIX) now: looked at again next time
        }
        if (checked.add(path) && permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            LOG.log(Level.WARNING, () -> what + " " + path + " is writable by every user (mode "
                    + PosixFilePermissions.toString(permissions) + "): anyone on this machine can add or replace a"
                    + " plugin that cni4j then runs; make it writable by its owner only");
        }
    }
}
