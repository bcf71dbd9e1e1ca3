package io.cni4j.tool.internal.bench;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PortMapping;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.command.Context;
import io.cni4j.tool.internal.exit.ErrorReport;
import io.cni4j.tool.internal.exit.ExitStatus;
import io.cni4j.tool.internal.host.Footprint;
import io.cni4j.tool.internal.host.Host;
import io.cni4j.tool.internal.host.HostException;
import io.cni4j.tool.internal.host.OnceTeardown;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of {@code cni4j bench}: checks the host, writes the bench network into a temp dir, makes one
 * namespace per worker through the executor provider's namespace manager, measures the chain through
 * cni4j (and, with {@code --floor}, by calling the plugins directly), tears everything down and
 * proves that nothing is left, then prints the report.
 *
 * <p>Each worker is a platform thread of its own that runs its own container: warmup rounds, then the
 * measured ones; a round is one cycle per driver (a timed setup, CHECK on the bridge chain, remove),
 * the drivers' order swapped every round. The measured wall time starts when the last worker has
 * warmed up and ends when the last one finishes. A JVM shutdown hook
 * tears down on Ctrl-C: workers are interrupted (the executor kills the running plugin), attached
 * containers removed, namespaces, bridge and temp dir deleted.
 */
final class Bench {

    /** The first host port of the portmap chain; worker N maps {@code HOST_PORT_BASE + N} to port 80. */
    static final int HOST_PORT_BASE = 40000;
    /** The container port of the portmap chain's mappings. */
    static final int CONTAINER_PORT = 80;
    /** How long teardown waits for an interrupted worker. */
    private static final long WORKER_JOIN_MILLIS = 30_000;

    private final Context context;
    private final BenchSettings settings;
    private final PrintStream err;
    private final Footprint footprint;
    private final OnceTeardown teardown;
    private final List<BenchContainer> containers = new ArrayList<>();
    private final Set<BenchContainer> attached = ConcurrentHashMap.newKeySet();

    private String ip;
    private Path pluginDir;
    private ExecutorProvider provider;
    private String confList;
    private volatile Cni cni;
    private volatile NetnsManager netnsManager;
    private volatile List<Thread> workers = List.of();
    private volatile List<String> leftovers = List.of();

    Bench(Context context, BenchSettings settings) {
        this.context = context;
        this.settings = settings;
        this.err = context.err();
        this.footprint = new Footprint(settings.network().bridge());
        this.teardown = new OnceTeardown("bench", err, this::teardown);
    }

    /**
     * Runs the bench and tears down.
     *
     * @return 0 if it measured and left nothing behind, 1 if teardown was incomplete
     * @throws Exception a failed prerequisite, or the first failure of a cycle (after teardown)
     */
    int run() throws Exception {
        preflight();
        teardown.arm();
        Measurement measured = null;
        Exception failure = null;
        int torn;
        try {
            configure();
            createContainers();
            List<Driver> drivers = new ArrayList<>(List.of(new EngineDriver(cni, settings.parallelNetworks())));
            if (settings.floor()) {
                drivers.add(FloorDriver.forBench(provider.executor(), pluginDir, confList,
                        context.global().prefix() + "0", context.timeout()));
            }
            measured = measure(drivers);
        } catch (Exception e) {
            failure = e;
        } finally {
            torn = teardown.run();
            teardown.disarm();
        }
        if (teardown.silenced()) {
            return ExitStatus.ERROR; // interrupted: the shutdown hook tore down and said so
        }
        if (failure != null) {
            throw failure;
        }
        BenchReport report = new BenchReport(settings, provider.name(), pluginDir, footprint.tempDir().orElseThrow(),
                containers.stream().map(BenchContainer::netns).toList(), measured.wallNanos(), measured.runs(), leftovers);
        context.print(report.json(), report.table());
        if (torn != ExitStatus.OK) {
            err.println("cni4j bench: teardown incomplete, see above");
            err.flush();
            return ExitStatus.ERROR;
        }
        return ExitStatus.OK;
    }

    private void preflight() throws Exception {
        ip = Host.program("ip", "iproute2");
        Host.requireFree(ip, settings.network(), "bench");
        List<String> plugins = settings.chain().plugins();
        List<Path> candidates = context.args().values("plugin-dir").isEmpty() ? Host.PLUGIN_DIR_CANDIDATES
                : context.global().pluginDirs();
        pluginDir = Host.pluginDirWithAll(candidates, plugins).orElseThrow(() -> new HostException("no directory of "
                + candidates + " holds all of " + plugins + "; install the CNI reference plugins (on Debian or Ubuntu:"
                + " apt-get install containernetworking-plugins)"));
        provider = context.provider();
    }

    private void configure() throws Exception {
        Path tempDir = footprint.makeTempDir(settings.stateDir(), "cni4j-bench-");
        confList = settings.network().confList(tempDir, settings.chain().chained());
        Files.writeString(footprint.confDir().resolve("10-" + settings.network().name() + ".conflist"), confList,
                StandardCharsets.UTF_8);
        GlobalOptions g = context.global();
        GlobalOptions bench = new GlobalOptions(footprint.confDir(), List.of(pluginDir), footprint.cacheDir(),
                g.prefix(), 1, false, true, Optional.of(2), g.executor(), g.timeout(), g.output(), g.verbose());
        cni = context.clients().create(bench);
        cni.load(LoadOption.loopback(), LoadOption.defaultConf());
        netnsManager = provider.netnsManager(NetnsManager.DEFAULT_DIRECTORY);
        progress("chain " + settings.chain().label() + " (" + settings.chain().description() + "), executor "
                + provider.name() + ", plugins from " + pluginDir + ", bridge " + settings.network().bridge() + " in "
                + settings.network().subnet() + ", config, cache and IPAM state in " + tempDir);
    }

    private void createContainers() throws Exception {
        for (int w = 0; w < settings.parallel(); w++) {
            if (teardown.started()) {
                throw new InterruptedException("bench interrupted");
            }
            String id = "cni4j-bench-" + w;
            Path netns = footprint.createNamespace(netnsManager, id);
            List<PortMapping> ports = settings.chain() == Chain.PORTMAP
                    ? List.of(PortMapping.tcp(HOST_PORT_BASE + w, CONTAINER_PORT)) : List.of();
            containers.add(new BenchContainer(id, netns, ports));
        }
    }

    /**
     * What the measured part gave.
     *
     * @param wallNanos its wall time, from the moment every worker had warmed up until the last finished
     * @param runs the figures per driver, in the drivers' order
     */
    private record Measurement(long wallNanos, List<RunResult> runs) {
    }

    /**
     * Runs every worker's cycles and summarizes the measured ones. With two drivers, each worker runs a
     * cycle of each per round, the first driver first in even rounds and last in odd ones, so that both
     * see the same machine, the same JIT state and the same order effects.
     */
    private Measurement measure(List<Driver> drivers) throws Exception {
        if (teardown.started()) {
            throw new InterruptedException("bench interrupted");
        }
        int n = containers.size();
        progress(String.join(" and ", drivers.stream().map(Driver::name).toList()) + ": " + n + " worker(s), each "
                + settings.warmup() + " warmup + " + settings.cycles() + " measured cycles"
                + (drivers.size() > 1 ? " per driver, interleaved" : ""));
        footprint.bridgeMayExist();
        Cycles cycles = new Cycles(drivers, n);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int worker = w;
            threads.add(new Thread(() -> cycles.work(worker), "cni4j-bench-worker-" + w));
        }
        workers = threads;
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (cycles.failure.get() != null) {
            throw cycles.failure.get();
        }
        return cycles.result();
    }

    /** The shared state of the workers and what they measured. */
    private final class Cycles {
        private final List<Driver> drivers;
        private final int workerCount;
        /** Nanoseconds by driver, operation and sample (worker × cycles + cycle). */
        private final long[][][] samples;
        private final long[] ends;
        private final AtomicLong start = new AtomicLong();
        private final AtomicInteger warmedUp = new AtomicInteger();
        private final CountDownLatch allWarm;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Cycles(List<Driver> drivers, int workerCount) {
            this.drivers = List.copyOf(drivers);
            this.workerCount = workerCount;
            this.samples = new long[drivers.size()][Operation.values().length][workerCount * settings.cycles()];
            this.ends = new long[workerCount];
            this.allWarm = new CountDownLatch(workerCount);
        }

        void work(int worker) {
            BenchContainer c = containers.get(worker);
            boolean arrived = false;
            int round = 0;
            Driver current = drivers.get(0);
            try {
                for (; round < settings.warmup() + settings.cycles(); round++) {
                    if (round == settings.warmup()) {
                        arrive();
                        arrived = true;
                        allWarm.await();
                    }
                    for (int j = 0; j < drivers.size(); j++) {
                        int d = round % 2 == 0 ? j : drivers.size() - 1 - j;
                        if (failure.get() != null || teardown.started()) {
                            return;
                        }
                        current = drivers.get(d);
                        cycle(current, c, round < settings.warmup() ? -1 : worker * settings.cycles() + round
                                - settings.warmup(), samples[d]);
                    }
                }
                ends[worker] = System.nanoTime();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure.compareAndSet(null, e) && !teardown.silenced()) {
                    progress(current.name() + ": worker " + worker + " failed in round " + (round + 1) + " of "
                            + (settings.warmup() + settings.cycles()) + " (" + c.id() + ")");
                }
            } finally {
                if (!arrived) {
                    arrive();
                }
            }
        }

        /** One timed setup, CHECK (if measured) and remove; recorded at {@code k} unless it is -1 (warmup). */
        private void cycle(Driver driver, BenchContainer c, int k, long[][] into) throws Exception {
            attached.add(c);
            long t0 = System.nanoTime();
            Driver.Attached made = driver.setup(c);
            long t1 = System.nanoTime();
            if (settings.chain().measuresCheck()) {
                driver.check(c);
            }
            long t2 = System.nanoTime();
            driver.remove(c);
            long t3 = System.nanoTime();
            attached.remove(c);
            made.record(footprint);
            if (k >= 0) {
                into[Operation.SETUP.ordinal()][k] = t1 - t0;
                into[Operation.CHECK.ordinal()][k] = t2 - t1;
                into[Operation.REMOVE.ordinal()][k] = t3 - t2;
                into[Operation.CYCLE.ordinal()][k] = t3 - t0;
            }
        }

        /** Counts a worker as warmed up (or gone); the last one starts the measured wall time. */
        private void arrive() {
            if (warmedUp.incrementAndGet() == workerCount) {
                start.set(System.nanoTime());
            }
            allWarm.countDown();
        }

        Measurement result() {
            List<RunResult> runs = new ArrayList<>();
            for (int d = 0; d < drivers.size(); d++) {
                Map<Operation, Percentiles> operations = new EnumMap<>(Operation.class);
                for (Operation op : Operation.values()) {
                    if (op != Operation.CHECK || settings.chain().measuresCheck()) {
                        operations.put(op, Percentiles.of(samples[d][op.ordinal()]));
                    }
                }
                long busy = 0;
                for (long cycle : samples[d][Operation.CYCLE.ordinal()]) {
                    busy += cycle;
                }
                runs.add(new RunResult(drivers.get(d).name(), workerCount * settings.cycles(), busy / workerCount,
                        operations));
            }
            long end = 0;
            for (long e : ends) {
                end = Math.max(end, e);
            }
            return new Measurement(end - start.get(), runs);
        }
    }

    // ---- teardown ----

    /**
     * Stops the workers, removes what is attached, the namespaces, the bridge, checks that nothing is
     * left and deletes the temp dir. Runs once, through {@link #teardown}.
     *
     * @return 0 if everything is gone, else 1
     */
    private int teardown() {
        stopWorkers();
        boolean ok = true;
        ok &= step("remove", () -> {
            Cni client = cni;
            List<BenchContainer> left = List.copyOf(attached);
            if (client == null || left.isEmpty()) {
                return "nothing was attached";
            }
            Exception first = null;
            for (BenchContainer c : left) {
                try {
                    EngineDriver.remove(client, c);
                    attached.remove(c);
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return "detached " + left.size() + " container(s)";
        });
        ok &= step("netns", () -> footprint.removeNamespaces(netnsManager));
        ok &= step("bridge", () -> footprint.deleteBridge(ip));
        Cni client = cni;
        if (client != null) {
            client.close();
        }
        ok &= step("leftovers", () -> {
            List<String> left = footprint.leftovers(ip);
            leftovers = left;
            if (!left.isEmpty()) {
                throw new HostException("left behind: " + String.join(", ", left));
            }
            return "no netns, veth, bridge, cache file or IPAM reservation of the bench is left";
        });
        ok &= step("temp dir", footprint::deleteTempDir);
        return ok ? ExitStatus.OK : ExitStatus.ERROR;
    }

    /** Interrupts workers still running (teardown from the shutdown hook) and waits for them. */
    private void stopWorkers() {
        boolean interrupted = false;
        for (Thread t : workers) {
            if (t.isAlive() && t != Thread.currentThread()) {
                t.interrupt();
            }
        }
        for (Thread t : workers) {
            try {
                t.join(WORKER_JOIN_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A teardown step's work; returns what it did. */
    @FunctionalInterface
    private interface StepBody {
        String run() throws Exception;
    }

    /** Runs a teardown step: its outcome on stderr with {@code --verbose}, a failure always. */
    private boolean step(String name, StepBody body) {
        try {
            String text = body.run();
            if (context.global().verbose()) {
                progress("teardown " + name + ": " + text);
            }
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            progress("teardown " + name + " failed:");
            err.print(ErrorReport.text(e));
            err.flush();
            return false;
        }
    }

    private void progress(String line) {
        err.println("cni4j bench: " + line);
        err.flush();
    }
}
