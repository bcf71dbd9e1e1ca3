package io.cni4j.core;

import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.config.ConfParser;
import io.cni4j.core.internal.config.ConfigFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads CNI network configuration with libcni's rules ({@code libcni/conf.go}), for programs that
 * want to inspect or validate configuration without a {@link io.cni4j.api.Cni} client.
 *
 * <p>A configuration list ({@code .conflist}) is checked in libcni's order: {@code name} (a string,
 * required), {@code cniVersion} (a string, optional), {@code cniVersions} (the highest version of
 * both that is not newer than 1.1.0 is selected), {@code disableCheck} / {@code disableGC} /
 * {@code loadOnlyInlinedPlugins} (JSON booleans, or the strings {@code "true"} / {@code "false"} in
 * any case), then {@code plugins} (a non-empty array of plugin configurations, each of which must
 * have a {@code type}). Messages use libcni's wording, e.g.
 * {@code error parsing configuration list: invalid value "yes" for disableCheck}.
 *
 * <p>Sources: a list's {@link NetworkConfigList#source()} is the input exactly; the plugins inside a
 * list are re-serialised with sorted keys and no whitespace, as libcni does; a single plugin
 * configuration keeps its bytes exactly. That text is what plugins receive and what the result
 * cache stores.
 *
 * <p>Deviations from libcni: a list that ends up with no plugin is refused (libcni accepts one
 * without a {@code plugins} key); keys are matched case-sensitively; numbers are kept exactly.
 *
 * <p>Limits, for input that may be hostile or broken: a file larger than 1 MiB is refused before it
 * is read; only regular files are read (symlinks are followed), so a directory, FIFO, device or
 * symlink loop named like a configuration file fails at once instead of blocking; JSON must be
 * UTF-8 without a byte-order mark (Go refuses one too), nest at most 256 levels and hold no duplicate
 * keys.
 */
public final class NetworkConfigs {

    private NetworkConfigs() {
    }

    /**
     * Parses a configuration list, libcni's {@code ConfListFromBytes}.
     *
     * @param json the {@code .conflist} JSON
     * @return the list; its source is {@code json} exactly
     * @throws InvalidConfigException naming the rule that failed, e.g.
     *     {@code error parsing configuration list: no name}, or
     *     {@code failed to parse plugin config 1: error parsing configuration: missing 'type'}
     */
    public static NetworkConfigList parseConfList(byte[] json) throws InvalidConfigException {
        return ConfParser.list(Objects.requireNonNull(json, "json"));
    }

    /**
     * Parses a single plugin configuration, libcni's {@code NetworkPluginConfFromBytes}. Only
     * {@code type} is required; {@code name} and {@code cniVersion} may be missing.
     *
     * @param json the {@code .conf} JSON
     * @return the plugin; its source is {@code json} exactly
     * @throws InvalidConfigException if it is not a JSON object, a typed field ({@code capabilities}
     *     must map names to booleans, {@code ipam} must be an object...) has the wrong type, or
     *     {@code type} is missing: {@code error parsing configuration: missing 'type'}
     */
    public static PluginConfig parsePluginConf(byte[] json) throws InvalidConfigException {
        return ConfParser.plugin(Objects.requireNonNull(json, "json"));
    }

    /**
     * Upgrades a single plugin configuration to a list, libcni's {@code ConfListFromConf}. The list
     * is named after the plugin, takes its version, and its source is the generated
     * {@code {"cniVersion":..,"name":..,"plugins":[<conf>]}} with sorted keys (what go-cni caches for
     * networks loaded from {@code .conf} files).
     *
     * @param conf the plugin configuration
     * @return the one-plugin list
     * @throws InvalidConfigException if the plugin's source is not a valid plugin configuration
     */
    public static NetworkConfigList confListFromConf(PluginConfig conf) throws InvalidConfigException {
        return ConfParser.upgrade(Objects.requireNonNull(conf, "conf"));
    }

    /**
     * Reads a configuration list file, libcni's {@code ConfListFromFile}. Unless the list sets
     * {@code loadOnlyInlinedPlugins}, the plugin files {@code <dir>/<name>/*.conf} (sorted by name)
     * are appended to its plugins; the subdirectory is only looked for when the name is a valid
     * network name.
     *
     * @param file the {@code .conflist} file
     * @return the list; its source is the file's bytes
     * @throws ConfigReadException if the file, the plugin subdirectory or a plugin file cannot be
     *     read (missing, not a regular file, larger than 1 MiB...); the message names it
     * @throws InvalidConfigException if a file is invalid (the message starts with its path), or
     *     there is no plugin at all ({@code no plugin configs found})
     */
    public static NetworkConfigList readConfListFile(Path file) throws ConfigReadException, InvalidConfigException {
        return ConfigFiles.readConfList(Objects.requireNonNull(file, "file"));
    }

    /**
     * Reads a single plugin configuration file, libcni's {@code ConfFromFile}.
     *
     * @param file the {@code .conf} or {@code .json} file
     * @return the plugin; its source is the file's bytes
     * @throws ConfigReadException if the file cannot be read; the message names it
     * @throws InvalidConfigException if it is invalid; the message starts with the path
     */
    public static PluginConfig readConfFile(Path file) throws ConfigReadException, InvalidConfigException {
        return ConfigFiles.readConf(Objects.requireNonNull(file, "file"));
    }

    /**
     * Lists configuration files, libcni's {@code ConfFiles}: the entries of {@code dir} whose
     * extension (from the last dot of the name, case-sensitive) is one of {@code extensions},
     * sorted by name. Not recursive; directories are skipped.
     *
     * @param dir the directory
     * @param extensions extensions with their dot, e.g. {@code List.of(".conf", ".conflist", ".json")}
     * @return the files; empty if {@code dir} does not exist
     * @throws ConfigReadException if {@code dir} exists but cannot be listed
     */
    public static List<Path> confFiles(Path dir, List<String> extensions) throws ConfigReadException {
        return ConfigFiles.list(Objects.requireNonNull(dir, "dir"), List.copyOf(extensions));
    }
}
