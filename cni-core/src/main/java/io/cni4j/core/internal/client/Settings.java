package io.cni4j.core.internal.client;

import io.cni4j.api.spi.ExecutorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A client's fixed settings, as the builder collected them.
 *
 * @param pluginDirs plugin directories in search order
 * @param confDir the configuration directory
 * @param cacheDir the result cache directory
 * @param maxConfNum files loaded by {@code defaultConf}
 * @param minNetworkCount networks needed before operations run
 * @param interfacePrefix the interface name prefix
 * @param provider the executor provider in use
 * @param timeout the default call timeout
 * @param asyncExecutor the executor for async calls, or {@code null} for a client-owned pool
 * @param rollbackOnFailure whether a failed setup removes what it attached
 * @param strictCheck whether check fails on networks that cannot CHECK
 * @param maxOutputBytes the plugin output limit per stream
 * @param inheritedEnvironment the parent variables plugins inherit, or {@code null} for all
 */
record Settings(List<Path> pluginDirs, Path confDir, Path cacheDir, int maxConfNum, int minNetworkCount,
                String interfacePrefix, ExecutorProvider provider, Duration timeout, Executor asyncExecutor,
                boolean rollbackOnFailure, boolean strictCheck, long maxOutputBytes, Set<String> inheritedEnvironment) {
}
