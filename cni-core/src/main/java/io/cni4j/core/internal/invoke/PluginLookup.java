package io.cni4j.core.internal.invoke;

import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * libcni's {@code FindInPath}: the plugin is {@code <dir>/<type>} in the first directory, in order,
 * where that is a regular file after following symlinks. The execute permission is not checked
 * (such a file is found, and then fails to start).
 */
final class PluginLookup {

    private PluginLookup() {
    }

    /**
     * Finds a plugin executable.
     *
     * @param plugin the plugin type, a file name
     * @param dirs the plugin directories, in order
     * @return the absolute path of the executable
     * @throws PluginExecutionException with reason {@code NOT_FOUND} and libcni's messages:
     *     {@code no plugin name provided}, {@code invalid plugin name: <p>}, {@code no paths provided},
     *     {@code failed to find plugin "<p>" in path [<d1> <d2>]}
     */
    static Path find(String plugin, List<Path> dirs) throws PluginExecutionException {
        if (plugin == null || plugin.isEmpty()) {
            throw notFound("no plugin name provided");
        }
        if (plugin.indexOf('/') >= 0) {
            throw notFound("invalid plugin name: " + plugin);
        }
        if (dirs.isEmpty()) {
            throw notFound("no paths provided");
        }
        for (Path dir : dirs) {
            try {
                Path candidate = dir.resolve(plugin);
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath();
                }
            } catch (InvalidPathException e) {
                // a name no file can have (NUL): not found in this directory
            }
        }
        throw notFound("failed to find plugin " + GoQuote.quote(plugin) + " in path "
                + dirs.stream().map(Path::toString).collect(Collectors.joining(" ", "[", "]")));
    }

    private static PluginExecutionException notFound(String message) {
        return new PluginExecutionException(Reason.NOT_FOUND, message, null);
    }
}
