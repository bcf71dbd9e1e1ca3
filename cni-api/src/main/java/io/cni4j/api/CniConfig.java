package io.cni4j.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a client's settings and loaded networks (go-cni's {@code GetConfig()} result).
 *
 * @param pluginDirs the directories searched for plugin executables, in order
 * @param confDir the configuration directory
 * @param cacheDir the result cache directory
 * @param maxConfNum how many files {@link LoadOption#defaultConf()} loads (0 or less: all)
 * @param interfacePrefix the interface name prefix, e.g. {@code eth}
 * @param networks the loaded networks in load order
 */
public record CniConfig(List<Path> pluginDirs, Path confDir, Path cacheDir, int maxConfNum, String interfacePrefix,
                        List<ConfiguredNetwork> networks) {

    /**
     * Copies the lists.
     *
     * @param pluginDirs the plugin dirs
     * @param confDir the conf dir
     * @param cacheDir the cache dir
     * @param maxConfNum the max conf number
     * @param interfacePrefix the prefix
     * @param networks the networks
     */
    public CniConfig {
        pluginDirs = List.copyOf(pluginDirs);
        Objects.requireNonNull(confDir, "confDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(interfacePrefix, "interfacePrefix");
        networks = List.copyOf(networks);
    }
}
