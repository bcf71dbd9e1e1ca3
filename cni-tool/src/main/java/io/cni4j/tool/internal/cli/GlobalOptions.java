package io.cni4j.tool.internal.cli;

import io.cni4j.tool.internal.output.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every command accepts, converted: where configuration, plugins and the cache are,
 * how networks are loaded, which executor runs plugins, the timeout, and the output format.
 *
 * @param confDir the configuration directory
 * @param pluginDirs the plugin directories, in lookup order
 * @param cacheDir the result cache directory
 * @param prefix the interface name prefix
 * @param maxConf how many conf dir files to load ({@code <= 0}: all)
 * @param allConf whether to load every conf dir file
 * @param loopback whether to load the loopback network first
 * @param minNetworks the minimum number of loaded networks, if given
 * @param executor the executor provider name, if given
 * @param timeout the timeout of every call, if given
 * @param output the output format
 * @param verbose whether to log and print stack traces
 */
public record GlobalOptions(Path confDir, List<Path> pluginDirs, Path cacheDir, String prefix, int maxConf,
                            boolean allConf, boolean loopback, Optional<Integer> minNetworks,
                            Optional<String> executor, Optional<Duration> timeout, OutputFormat output,
                            boolean verbose) {

    /** go-cni's and libcni's default configuration directory. */
    public static final Path DEFAULT_CONF_DIR = Path.of("/etc/cni/net.d");
    /** The default plugin directory of the CNI project's releases. */
    public static final Path DEFAULT_PLUGIN_DIR = Path.of("/opt/cni/bin");
    /** Where Debian's and Ubuntu's containernetworking-plugins package installs the plugins. */
    public static final Path DISTRO_PLUGIN_DIR = Path.of("/usr/lib/cni");
    /** libcni's default cache directory. */
    public static final Path DEFAULT_CACHE_DIR = Path.of("/var/lib/cni");

    /** The global options, in help order. */
    public static final List<OptionSpec> SPECS = List.of(
            OptionSpec.single("conf-dir", "DIR", "network configuration directory (default /etc/cni/net.d)"),
            OptionSpec.repeatable("plugin-dir", "DIR",
                    "plugin directory, searched in order (default /opt/cni/bin, plus /usr/lib/cni if it exists)"),
            OptionSpec.single("cache-dir", "DIR", "result cache directory (default /var/lib/cni)"),
            OptionSpec.single("prefix", "P", "interface name prefix (default eth)"),
            OptionSpec.single("max-conf", "N", "how many conf dir files to load, 0 for all (default 1)"),
            OptionSpec.flag("all-conf", "load every file in the conf dir"),
            OptionSpec.flag("no-loopback", "do not load the loopback network"),
            OptionSpec.single("min-networks", "N", "fail unless at least N networks are loaded (default 2 with loopback, else 1)"),
            OptionSpec.single("executor", "NAME", "executor provider, e.g. process or jna (default: best available)"),
            OptionSpec.single("timeout", "DURATION", "timeout of each call, e.g. 30s or 1m30s (default 60s)"),
            OptionSpec.single("output", "json|table", "output format (default json)"),
            OptionSpec.flag("verbose", "log what the engine does and print stack traces on errors"));

    /**
     * Copies the plugin directory list.
     *
     * @param confDir the conf dir
     * @param pluginDirs the plugin dirs
     * @param cacheDir the cache dir
     * @param prefix the prefix
     * @param maxConf the max conf
     * @param allConf all conf
     * @param loopback loopback
     * @param minNetworks min networks
     * @param executor executor
     * @param timeout timeout
     * @param output output
     * @param verbose verbose
     */
    public GlobalOptions {
        pluginDirs = List.copyOf(pluginDirs);
    }

    /**
     * Converts the global options of a parsed command line, filling in the defaults.
     *
     * @param args the parsed command line
     * @return the options
     * @throws UsageException if a value is malformed
     */
    public static GlobalOptions from(ParsedArgs args) throws UsageException {
        List<Path> pluginDirs = new ArrayList<>();
        for (String dir : args.values("plugin-dir")) {
            pluginDirs.add(directory("--plugin-dir", dir));
        }
        if (pluginDirs.isEmpty()) {
            pluginDirs = defaultPluginDirs();
        }
        String prefix = args.value("prefix").orElse("eth");
        if (prefix.isEmpty() || prefix.contains("/")) {
            throw new UsageException("--prefix must be a non-empty interface name prefix, got '" + prefix + "'");
        }
        Optional<Integer> minNetworks = Optional.empty();
        if (args.value("min-networks").isPresent()) {
            minNetworks = Optional.of(OptionValues.integer("--min-networks", args.value("min-networks").get(), 0));
        }
        Optional<Duration> timeout = Optional.empty();
        if (args.value("timeout").isPresent()) {
            timeout = Optional.of(OptionValues.duration("--timeout", args.value("timeout").get()));
        }
        Optional<String> executor = args.value("executor");
        if (executor.isPresent() && executor.get().isBlank()) {
            throw new UsageException("--executor needs a provider name, e.g. process");
        }
        return new GlobalOptions(
                directory("--conf-dir", args.value("conf-dir").orElse(DEFAULT_CONF_DIR.toString())),
                pluginDirs,
                directory("--cache-dir", args.value("cache-dir").orElse(DEFAULT_CACHE_DIR.toString())),
                prefix,
                OptionValues.integer("--max-conf", args.value("max-conf").orElse("1"), Integer.MIN_VALUE),
                args.has("all-conf"),
                !args.has("no-loopback"),
                minNetworks,
                executor,
                timeout,
                OutputFormat.parse(args.value("output").orElse("json")),
                args.has("verbose"));
    }

    /**
     * The plugin directories used when none is given: {@code /opt/cni/bin}, then {@code /usr/lib/cni}
     * when it exists.
     *
     * @return the directories
     */
    public static List<Path> defaultPluginDirs() {
        List<Path> dirs = new ArrayList<>(List.of(DEFAULT_PLUGIN_DIR));
        if (Files.isDirectory(DISTRO_PLUGIN_DIR)) {
            dirs.add(DISTRO_PLUGIN_DIR);
        }
        return dirs;
    }

    private static Path directory(String option, String text) throws UsageException {
        if (text.isEmpty()) {
            throw new UsageException(option + " needs a directory");
        }
        return Path.of(text).toAbsolutePath().normalize();
    }
}
