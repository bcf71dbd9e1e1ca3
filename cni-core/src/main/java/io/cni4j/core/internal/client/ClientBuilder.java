package io.cni4j.core.internal.client;

import io.cni4j.api.Cni;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.core.internal.invoke.PluginInvoker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The {@link Cni.Builder} implementation; defaults as documented on the interface.
 */
public final class ClientBuilder implements Cni.Builder {

    /** go-cni's {@code DefaultCNIDir}. */
    public static final Path DEFAULT_PLUGIN_DIR = Path.of("/opt/cni/bin");
    /** go-cni's {@code DefaultNetDir}. */
    public static final Path DEFAULT_CONF_DIR = Path.of("/etc/cni/net.d");
    /** libcni's {@code CacheDir}. */
    public static final Path DEFAULT_CACHE_DIR = Path.of("/var/lib/cni");
    /** The default call timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The default plugin output limit per stream. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L << 20;

    private List<Path> pluginDirs = List.of(DEFAULT_PLUGIN_DIR);
    private Path confDir = DEFAULT_CONF_DIR;
    private Path cacheDir = DEFAULT_CACHE_DIR;
    private int maxConfNum = 1;
    private int minNetworkCount = 1;
    private String interfacePrefix = "eth";
    private String executorName;
    private ExecutorProvider provider;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Executor asyncExecutor;
    private boolean rollbackOnFailure = true;
    private boolean strictCheck;
    private long maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
    private Set<String> inheritedEnvironment;

    @Override
    public Cni.Builder pluginDirs(List<Path> dirs) {
        List<Path> copy = List.copyOf(dirs);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("at least one plugin directory is needed");
        }
        for (Path p : copy) {
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("plugin directory must be absolute: " + p);
            }
        }
        this.pluginDirs = copy;
        return this;
    }

    @Override
    public Cni.Builder confDir(Path dir) {
        this.confDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    @Override
    public Cni.Builder cacheDir(Path dir) {
        this.cacheDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    @Override
    public Cni.Builder maxConfNum(int max) {
        this.maxConfNum = max;
        return this;
    }

    @Override
    public Cni.Builder minNetworkCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("minNetworkCount must not be negative: " + count);
        }
        this.minNetworkCount = count;
        return this;
    }

    @Override
    public Cni.Builder interfacePrefix(String prefix) {
        this.interfacePrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    @Override
    public Cni.Builder executor(String name) {
        this.executorName = Objects.requireNonNull(name, "name");
        return this;
    }

    @Override
    public Cni.Builder executorProvider(ExecutorProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    @Override
    public Cni.Builder timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    @Override
    public Cni.Builder asyncExecutor(Executor executor) {
        this.asyncExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    @Override
    public Cni.Builder rollbackOnFailure(boolean rollback) {
        this.rollbackOnFailure = rollback;
        return this;
    }

    @Override
    public Cni.Builder strictCheck(boolean strict) {
        this.strictCheck = strict;
        return this;
    }

    @Override
    public Cni.Builder maxOutputBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive: " + bytes);
        }
        this.maxOutputBytes = bytes;
        return this;
    }

    @Override
    public Cni.Builder inheritEnvironment(Set<String> names) {
        this.inheritedEnvironment = names == null ? null : Set.copyOf(names);
        return this;
    }

    @Override
    public Cni build() {
        ExecutorProvider selected = provider != null ? provider : ExecutorDiscovery.select(executorName);
        if (!selected.isAvailable()) {
            throw new IllegalStateException("executor provider \"" + selected.name() + "\" is not available: "
                    + selected.unavailabilityCause().map(Throwable::toString).orElse("no cause given"));
        }
        Settings settings = new Settings(pluginDirs, confDir, cacheDir, maxConfNum, minNetworkCount, interfacePrefix,
                selected, timeout, asyncExecutor, rollbackOnFailure, strictCheck, maxOutputBytes, inheritedEnvironment);
        PluginInvoker invoker = Engines.invoker(settings);
        return new CniClient(settings, Engines.engine(settings, invoker), invoker);
    }
}
