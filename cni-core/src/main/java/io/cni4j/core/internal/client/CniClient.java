package io.cni4j.core.internal.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.CniConfig;
import io.cni4j.api.CniError;
import io.cni4j.api.CniException;
import io.cni4j.api.CniResult;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.ConfiguredNetwork;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Namespace;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.NetworkNotFoundException;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.Result;
import io.cni4j.api.VersionInfo;
import io.cni4j.core.CniResults;
import io.cni4j.core.NetworkConfigs;
import io.cni4j.core.internal.cache.CacheEntry;
import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.core.internal.config.NetworkLoader;
import io.cni4j.core.internal.engine.Deadline;
import io.cni4j.core.internal.engine.ListValidation;
import io.cni4j.core.internal.engine.NetworkEngine;
import io.cni4j.core.internal.engine.RuntimeConf;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.core.internal.invoke.PluginVersionInfo;
import io.cni4j.core.internal.json.Json;
import io.cni4j.core.internal.log.Redaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The {@link Cni} implementation: go-cni's facade over the {@link NetworkEngine}.
 *
 * <p>Concurrency: the loaded networks are an immutable list that {@link #load} replaces atomically;
 * every operation works on the list it saw at its start, so a load never waits for a slow plugin
 * (go-cni holds a read lock for the whole call, go-cni#37) and can never deadlock with one (go-cni#125).
 * Setup, remove and check of one container id are serialised by a per-container lock; GC takes a
 * write lock that those operations hold for reading, so GC runs alone (spec §3). GC also deletes the
 * result cache's stale temp files, left by a process killed in the middle of a cache write.
 */
final class CniClient implements Cni {

    private static final System.Logger LOG = System.getLogger(CniClient.class.getName());
    private static final int NETWORK_THREADS = 16;

    private final Settings settings;
    private final NetworkEngine engine;
    private final PluginInvoker invoker;
    private final ContainerLocks containerLocks = new ContainerLocks();
    private final ReentrantReadWriteLock gcLock = new ReentrantReadWriteLock();
    private final Object loadLock = new Object();
    private final ExecutorService ownedAsync;
    private final Executor async;
    private final ThreadPoolExecutor networkPool;
    private volatile List<ConfiguredNetwork> networks = List.of();
    private volatile boolean closed;

    CniClient(Settings settings, NetworkEngine engine, PluginInvoker invoker) {
        this.settings = settings;
        this.engine = engine;
        this.invoker = invoker;
        if (settings.asyncExecutor() == null) {
            ownedAsync = java.util.concurrent.Executors.newCachedThreadPool(daemonThreads("cni4j-async-"));
            async = ownedAsync;
        } else {
            ownedAsync = null;
            async = settings.asyncExecutor();
        }
        networkPool = new ThreadPoolExecutor(NETWORK_THREADS, NETWORK_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("cni4j-network-"));
        networkPool.allowCoreThreadTimeOut(true);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- load and config

    @Override
    public void load(LoadOption... options) throws LoadException {
        ensureOpen();
        synchronized (loadLock) {
            // go-cni resets the networks first; here the reset is never published on its own, so a
            // concurrent operation sees either the old networks or the new ones, never none.
            NetworkLoader.Outcome outcome = new NetworkLoader(settings.confDir(), settings.interfacePrefix(),
                    settings.maxConfNum()).load(Arrays.asList(options));
            networks = List.copyOf(outcome.networks());
            if (outcome.failure().isPresent()) {
                CniException cause = outcome.failure().get();
                throw new LoadException("cni config load failed: " + cause.getMessage(), cause);
            }
        }
    }

    @Override
    public CniConfig config() {
        return new CniConfig(settings.pluginDirs(), settings.confDir(), settings.cacheDir(), settings.maxConfNum(),
                settings.interfacePrefix(), networks);
    }

    @Override
    public List<String> validate(String networkName) throws CniException, InterruptedException {
        ensureOpen();
        for (ConfiguredNetwork net : networks) {
            if (net.config().name().equals(networkName)) {
                return ListValidation.validate(net.config(), invoker, Deadline.after(settings.timeout()));
            }
        }
        throw new NetworkNotFoundException("network \"" + networkName + "\" is not loaded (loaded: "
                + networks.stream().map(n -> n.config().name()).toList() + ")");
    }

    @Override
    public VersionInfo versionInfo(String pluginType) throws CniException, InterruptedException {
        ensureOpen();
        PluginVersionInfo info = invoker.version(pluginType, settings.timeout());
        return new VersionInfo(info.cniVersion(), info.supportedVersions());
    }

    @Override
    public List<CachedAttachment> attachments(String containerId) throws CniException {
        ensureOpen();
        return engine.cache().attachments(containerId);
    }

    // ---------------------------------------------------------------- setup

    @Override
    public Result setup(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        return attach(containerId, netnsPath, options, true);
    }

    @Override
    public Result setupSerially(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        return attach(containerId, netnsPath, options, false);
    }

    private Result attach(String containerId, String netnsPath, NamespaceOption[] options, boolean parallel)
            throws CniException, InterruptedException {
        ensureOpen();
        List<ConfiguredNetwork> nets = ready();
        Call call = prepare(containerId, netnsPath, options);
        Namespace ns = call.ns();
        Deadline deadline = call.deadline();
        ObjectNode caps = call.caps();
        for (ConfiguredNetwork net : nets) {
            engine.validateAttachment(net.config(), runtime(ns, net, caps));
        }
        try (Unlocker guard = guard(call, "setup")) {
            Attempt attempt = parallel ? attachParallel(nets, ns, caps, deadline) : attachSerially(nets, ns, caps, deadline);
            CniException failure = attempt.failure();
            Result result = null;
            if (failure == null) {
                try {
                    result = CniResults.merge(Arrays.asList(attempt.results()), settings.interfacePrefix());
                } catch (CniException e) {
                    failure = e;
                }
            }
            if (failure != null || attempt.interrupted()) {
                if (settings.rollbackOnFailure()) {
                    rollback(nets, attempt.attempted(), ns, caps, failure);
                }
                if (attempt.interrupted()) {
                    InterruptedException ie = new InterruptedException("setup of " + containerId + " interrupted");
                    if (failure != null) {
                        ie.addSuppressed(failure);
                    }
                    throw ie;
                }
                throw failure;
            }
            return result;
        }
    }

    /** What an attach did: results by network index, how many networks it started, the first failure. */
    private record Attempt(CniResult[] results, boolean[] attempted, CniException failure, boolean interrupted) {
    }

    private Attempt attachSerially(List<ConfiguredNetwork> nets, Namespace ns, ObjectNode caps, Deadline deadline) {
        CniResult[] results = new CniResult[nets.size()];
        boolean[] attempted = new boolean[nets.size()];
        for (int i = 0; i < nets.size(); i++) {
            attempted[i] = true;
            try {
                results[i] = engine.add(nets.get(i).config(), runtime(ns, nets.get(i), caps), deadline);
            } catch (CniException e) {
                return new Attempt(results, attempted, e, false);
            } catch (InterruptedException e) {
                return new Attempt(results, attempted, null, true);
            }
        }
        return new Attempt(results, attempted, null, false);
    }

    private Attempt attachParallel(List<ConfiguredNetwork> nets, Namespace ns, ObjectNode caps, Deadline deadline) {
        int n = nets.size();
        CniResult[] results = new CniResult[n];
        boolean[] attempted = new boolean[n];
        List<FutureTask<CniResult>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ConfiguredNetwork net = nets.get(i);
            RuntimeConf rt = runtime(ns, net, caps);
            FutureTask<CniResult> task = new FutureTask<>(() -> engine.add(net.config(), rt, deadline));
            tasks.add(task);
            attempted[i] = true;
            networkPool.execute(task);
        }
        CniException[] failures = new CniException[n];
        boolean interrupted = false;
        for (int i = 0; i < n; i++) {
            try {
                results[i] = tasks.get(i).get();
            } catch (InterruptedException e) {
                interrupted = true;
                tasks.forEach(t -> t.cancel(true));
                awaitAll(tasks);
                break;
            } catch (java.util.concurrent.CancellationException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CniException ce) {
                    failures[i] = ce;
                } else if (cause instanceof InterruptedException) {
                    interrupted = true;
                } else if (cause instanceof RuntimeException re) {
                    throw re;
                } else if (cause instanceof Error err) {
                    throw err;
                } else {
                    throw new IllegalStateException(cause);
                }
            }
        }
        CniException first = null;
        for (CniException f : failures) {
            if (f == null) {
                continue;
            }
            if (first == null) {
                first = f;
            } else {
                first.addSuppressed(f);
            }
        }
        return new Attempt(results, attempted, first, interrupted);
    }

    private static void awaitAll(List<? extends Future<?>> tasks) {
        boolean interrupted = false;
        for (Future<?> t : tasks) {
            while (true) {
                try {
                    t.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Removes, in reverse order, every network a failed setup started (including the one that failed:
     * its first plugins may have succeeded), each with every plugin's DEL even past a failing one
     * ({@link NetworkEngine#undo}). Runs with a fresh budget and uninterrupted; failures are added to
     * {@code failure} as suppressed.
     */
    private void rollback(List<ConfiguredNetwork> nets, boolean[] attempted, Namespace ns, ObjectNode caps,
                          CniException failure) {
        boolean wasInterrupted = Thread.interrupted();
        try {
            Deadline deadline = Deadline.after(settings.timeout());
            for (int i = nets.size() - 1; i >= 0; i--) {
                if (!attempted[i]) {
                    continue;
                }
                ConfiguredNetwork net = nets.get(i);
                try {
                    engine.undo(net.config(), runtime(ns, net, caps), deadline);
                } catch (CniException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "rollback of network \"" + net.config().name()
                            + "\" for " + ns.containerId() + " failed: " + Redaction.of(caps).apply(e.getMessage()));
                    if (failure != null) {
                        failure.addSuppressed(e);
                    }
                } catch (InterruptedException e) {
                    wasInterrupted = true;
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- remove and check

    @Override
    public void remove(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        ensureOpen();
        List<ConfiguredNetwork> nets = networks;
        Call call = prepare(containerId, netnsPath, options);
        Namespace ns = call.ns();
        Deadline deadline = call.deadline();
        ObjectNode caps = call.caps();
        List<CniException> failures = new ArrayList<>();
        try (Unlocker guard = guard(call, "remove")) {
            // The loaded networks' files are read by name, each once, for its DEL; the directory is listed
            // only for the files of networks no longer loaded, which are not read twice either.
            Set<String> loadedFiles = new HashSet<>();
            for (ConfiguredNetwork net : nets) {
                try {
                    loadedFiles.add(engine.cache().path(net.config().name(), containerId, net.ifName())
                            .getFileName().toString());
                } catch (InvalidRequestException e) {
                    // no such file can exist; the DEL below reports the names
                }
            }
            List<CachedAttachment> cached = List.of();
            try {
                cached = engine.cache().attachments(containerId, loadedFiles);
            } catch (CniException e) {
                failures.add(e);
            }
            // A call without capabilities (or args) deletes with those cached at ADD, as the cache-only
            // networks below do: a plugin such as portmap can only undo what its DEL is told about.
            Set<String> done = new HashSet<>();
            for (ConfiguredNetwork net : nets) {
                done.add(net.config().name() + "\0" + net.ifName());
                RuntimeConf callRt = runtime(ns, net, caps);
                NetworkEngine.CachedRecord record = engine.readCached(net.config(), callRt);
                CacheEntry entry = record.entryOf(containerId, net.config().name(), net.ifName()).orElse(null);
                RuntimeConf rt = entry == null ? callRt : cachedRuntime(ns, caps, ns.netnsPath(), entry.ifName(),
                        () -> NetworkEngine.cachedArgs(entry.networkName(), entry.containerId(), entry.cniArgs()),
                        () -> NetworkEngine.cachedCapabilities(entry.capabilityArgs()));
                try {
                    engine.del(net.config(), rt, deadline, record);
                } catch (CniException e) {
                    if (!tolerated(e, ns.netnsPath(), rt)) {
                        failures.add(e);
                    }
                }
            }
            for (CachedAttachment a : cached) {
                if (!done.add(a.network() + "\0" + a.ifName())) {
                    continue;
                }
                NetworkConfigList list;
                RuntimeConf rt;
                try {
                    list = NetworkConfigs.parseConfList(a.configJson().getBytes(StandardCharsets.UTF_8));
                    rt = cachedRuntime(ns, caps, a, ns.netnsPath().isEmpty() ? a.netns() : ns.netnsPath());
                    NetworkEngine.validate(list, rt);
                } catch (CniException e) {
                    // A damaged record of a network that is not loaded: go-cni would not know it at all; failing
                    // every remove of the container for it would leave the container unremovable.
                    LOG.log(System.Logger.Level.WARNING, () -> "remove of " + containerId + " skips network \""
                            + a.network() + "\" known only from an unusable cache record: " + e.getMessage());
                    continue;
                }
                try {
                    engine.del(list, rt, deadline);
                } catch (CniException e) {
                    if (!tolerated(e, ns.netnsPath(), rt)) {
                        failures.add(e);
                    }
                }
            }
        }
        NetworkEngine.throwAll(failures);
    }

    /** go-cni's remove tolerance, limited to the plugin's own message (not libcni's wrapping). */
    private static boolean tolerated(CniException e, String netns, RuntimeConf rt) {
        if (!(e instanceof PluginErrorException p)) {
            return false;
        }
        String msg = p.error().message();
        boolean ok = msg.contains("not found") || (netns.isEmpty() && msg.contains("no such file or directory"));
        if (ok) {
            LOG.log(System.Logger.Level.DEBUG, () -> "remove ignores: "
                    + Redaction.of(rt.capabilityArgs()).apply(e.getMessage()));
        }
        return ok;
    }

    @Override
    public void check(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        ensureOpen();
        List<ConfiguredNetwork> nets = ready();
        Call call = prepare(containerId, netnsPath, options);
        try (Unlocker guard = guard(call, "check")) {
            for (ConfiguredNetwork net : nets) {
                if (!settings.strictCheck() && !NetworkEngine.supportsCheck(net.config())) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "check skips network \"" + net.config().name()
                            + "\": version \"" + net.config().cniVersion() + "\" cannot CHECK");
                    continue;
                }
                engine.check(net.config(), runtime(call.ns(), net, call.caps()), call.deadline());
            }
        }
    }

    // ---------------------------------------------------------------- status and gc

    @Override
    public void status() throws CniException, InterruptedException {
        status(settings.timeout());
    }

    @Override
    public void status(Duration timeout) throws CniException, InterruptedException {
        ensureOpen();
        requirePositive(timeout);
        List<ConfiguredNetwork> nets = ready();
        Deadline deadline = Deadline.after(timeout);
        for (ConfiguredNetwork net : nets) {
            engine.status(net.config(), deadline);
        }
    }

    @Override
    public void gc(Collection<GcAttachment> validAttachments) throws CniException, InterruptedException {
        ensureOpen();
        List<GcAttachment> valid = List.copyOf(validAttachments);
        List<ConfiguredNetwork> nets = networks;
        Deadline deadline = Deadline.after(settings.timeout());
        List<CniException> failures = new ArrayList<>();
        try (Unlocker gc = lock(gcLock.writeLock(), deadline, "gc")) {
            int stale = engine.cache().deleteStaleTempFiles(ResultCache.STALE_TEMP_AGE);
            if (stale > 0) {
                LOG.log(System.Logger.Level.INFO, () -> "gc deleted " + stale + " temp file(s) of cache writes that "
                        + "never finished in " + engine.cache().resultsDir());
            }
            for (ConfiguredNetwork net : nets) {
                try {
                    engine.gc(net.config(), valid, deadline);
                } catch (CniException e) {
                    failures.add(e);
                }
            }
        }
        NetworkEngine.throwAll(failures);
    }

    // ---------------------------------------------------------------- async twins

    @Override
    public CompletableFuture<Result> setupAsync(String containerId, String netnsPath, NamespaceOption... options) {
        return AsyncCalls.start(async, () -> setup(containerId, netnsPath, options));
    }

    @Override
    public CompletableFuture<Result> setupSeriallyAsync(String containerId, String netnsPath, NamespaceOption... options) {
        return AsyncCalls.start(async, () -> setupSerially(containerId, netnsPath, options));
    }

    @Override
    public CompletableFuture<Void> removeAsync(String containerId, String netnsPath, NamespaceOption... options) {
        return AsyncCalls.start(async, () -> {
            remove(containerId, netnsPath, options);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> checkAsync(String containerId, String netnsPath, NamespaceOption... options) {
        return AsyncCalls.start(async, () -> {
            check(containerId, netnsPath, options);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> statusAsync() {
        return AsyncCalls.start(async, () -> {
            status();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> gcAsync(Collection<GcAttachment> validAttachments) {
        return AsyncCalls.start(async, () -> {
            gc(validAttachments);
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        networkPool.shutdown();
        if (ownedAsync != null) {
            ownedAsync.shutdown();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this Cni client is closed");
        }
    }

    private List<ConfiguredNetwork> ready() throws NotInitializedException {
        List<ConfiguredNetwork> nets = networks;
        if (nets.size() < settings.minNetworkCount()) {
            throw new NotInitializedException("cni plugin not initialized: " + nets.size() + " network(s) loaded, "
                    + settings.minNetworkCount() + " required (conf dir " + settings.confDir() + ")");
        }
        return nets;
    }

    /** One setup, remove or check: its namespace, deadline and capability arguments as JSON. */
    private record Call(Namespace ns, Deadline deadline, ObjectNode caps) {
    }

    private Call prepare(String containerId, String netnsPath, NamespaceOption[] options)
            throws InvalidRequestException {
        Namespace ns = namespace(containerId, netnsPath, options);
        return new Call(ns, deadline(ns), capabilities(ns));
    }

    /**
     * Takes the container's lock, then GC's lock for reading, within the call's deadline; closing
     * releases both.
     */
    private Unlocker guard(Call call, String verb) throws CniTimeoutException, InterruptedException {
        String what = verb + " " + call.ns().containerId();
        ContainerLocks.Held container = containerLocks.acquire(call.ns().containerId(), call.deadline().remaining(what));
        try {
            Unlocker gc = lock(gcLock.readLock(), call.deadline(), what);
            return () -> {
                gc.close();
                container.close();
            };
        } catch (CniTimeoutException | InterruptedException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    private static Namespace namespace(String containerId, String netnsPath, NamespaceOption[] options)
            throws InvalidRequestException {
        try {
            return Namespace.of(containerId, netnsPath, options);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException(new CniError(CniError.INVALID_ENVIRONMENT_VARIABLES,
                    "invalid call options", String.valueOf(e.getMessage())));
        }
    }

    private Deadline deadline(Namespace ns) {
        return Deadline.after(ns.timeout() != null ? ns.timeout() : settings.timeout());
    }

    private static ObjectNode capabilities(Namespace ns) throws InvalidRequestException {
        ObjectNode caps = Json.object();
        for (var e : ns.capabilities().entrySet()) {
            try {
                caps.set(e.getKey(), Json.fromJava(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new InvalidRequestException(new CniError(CniError.UNSUPPORTED_FIELD,
                        "capability \"" + e.getKey() + "\" is not a JSON value", ex.getMessage()));
            }
        }
        return caps;
    }

    /**
     * The runtime arguments for removing a cached attachment: the call's args and capabilities, or, when
     * the call gives none, those recorded at ADD.
     */
    private static RuntimeConf cachedRuntime(Namespace ns, ObjectNode caps, CachedAttachment a, String netns) {
        return cachedRuntime(ns, caps, netns, a.ifName(), () -> NetworkEngine.cachedArgs(a),
                () -> NetworkEngine.cachedCapabilities(a));
    }

    /** As above, from the recorded values, each taken only when the call gives none of its own. */
    private static RuntimeConf cachedRuntime(Namespace ns, ObjectNode caps, String netns, String ifName,
                                             Supplier<List<Map.Entry<String, String>>> cachedArgs,
                                             Supplier<ObjectNode> cachedCaps) {
        return new RuntimeConf(ns.containerId(), netns, ifName,
                ns.args().isEmpty() ? cachedArgs.get() : NetworkEngine.pairs(ns.args()),
                caps.isEmpty() ? cachedCaps.get() : caps);
    }

    private static RuntimeConf runtime(Namespace ns, ConfiguredNetwork net, ObjectNode caps) {
        return new RuntimeConf(ns.containerId(), ns.netnsPath(), net.ifName(), NetworkEngine.pairs(ns.args()), caps);
    }

    private static void requirePositive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A held lock; closing releases it. */
    private interface Unlocker extends AutoCloseable {
        @Override
        void close();
    }

    private static Unlocker lock(Lock lock, Deadline deadline, String what)
            throws CniTimeoutException, InterruptedException {
        if (!lock.tryLock(deadline.remaining(what).toNanos(), TimeUnit.NANOSECONDS)) {
            throw new CniTimeoutException(what + ": timed out waiting for a garbage collection to finish");
        }
        return lock::unlock;
    }

    /** @return the number of per-container lock entries still held or awaited (tests) */
    int containerLockEntries() {
        return containerLocks.size();
    }

}
