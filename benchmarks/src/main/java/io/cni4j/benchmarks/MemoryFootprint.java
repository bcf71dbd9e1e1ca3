package io.cni4j.benchmarks;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.PortMapping;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.InvocationRecorder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.ObjectName;

/**
 * The memory targets of issue 8, measured in one plain JVM (not JMH, which keeps its own state
 * on the heap):
 *
 * <ol>
 *   <li><b>No growth over cycles.</b> 10,000 setup + remove cycles of loopback + bridge/host-local
 *       + portmap through the testkit's fake executor, cache dir on tmpfs (the set-up of
 *       {@link LibraryCostBenchmark}), leave the heap where it was. After a warm-up, the live heap is
 *       measured every 1,000 cycles after full GCs, and the least-squares slope in bytes per cycle
 *       is the verdict: a leak of even one small object per cycle would show as 16 bytes or more per
 *       cycle, so the target is met below 1 byte per cycle. The fake's invocation record is cleared
 *       before each measurement, since otherwise it is the fake that grows, not the library.
 *       {@code --parallel} uses {@code setup} (networks on the client's pool) instead of
 *       {@code setupSerially}.
 *       <p>The warm-up is long (20,000 cycles) because the JIT keeps compiling the per-call code
 *       for the first several thousand cycles, and each compilation resolves the string constants of
 *       the compiled methods (error-message texts, string-concatenation recipes) into the JVM's
 *       string table: a few KiB of {@code String}s that arrive once and then stay put. With
 *       {@code --warmup 1000} they show as a step of about 14 KiB over the first measured cycles.</li>
 *   <li><b>Retained size of a loaded client.</b> A conf dir of 100 conflists (podman's default
 *       bridge network, each with its own name, bridge and subnet) loaded with {@code allConf}: the
 *       retained size of the client is the live heap with the client strongly reachable minus the
 *       live heap after it is closed and dropped, repeated and reported as the median. A client
 *       with nothing loaded is measured the same way, so the networks' own share is shown too, and
 *       so is a client that loaded the conf dir 100 times, since runtimes reload when the conf dir
 *       changes. The target is under 2 MiB.</li>
 * </ol>
 *
 * <p>"Live heap" is the total of the JVM's class histogram, the same one {@code jcmd <pid>
 * GC.class_histogram} prints (taken here in-process through the DiagnosticCommand MBean): it runs a
 * full GC and counts only reachable objects, exactly, at a safepoint. The used heap reported by the
 * MemoryMXBean after repeated {@code System.gc()} is printed next to it as a cross-check (under the
 * default G1 the two agree; under Serial GC a full GC may leave objects in the young generation, so
 * the used figure wobbles there and the histogram is the one to read). Histograms
 * are written to files and only their totals are kept on the heap, so the measuring code holds the
 * same objects at every measurement. For each part, the classes that differ most between two
 * histograms are listed, which names the culprit when a target is missed.
 *
 * <p>Run: {@code java -cp benchmarks/target/cni4j-benchmarks.jar io.cni4j.benchmarks.MemoryFootprint}
 * (options: {@code --cycles N --step N --warmup N --networks N --repeats N --reloads N --top N
 * --parallel}). Exits with 1 if a target is missed.
 */
public final class MemoryFootprint {

    private static final long KIB = 1024;
    private static final long TARGET_RETAINED_BYTES = 2 * KIB * KIB;
    private static final double TARGET_SLOPE_BYTES_PER_CYCLE = 1.0;

    private int cycles = 10_000;
    private int step = 1_000;
    private int warmup = 20_000;
    private int networks = 100;
    private int repeats = 5;
    private int top = 12;
    private int reloads = 100;
    private boolean parallel;

    private final Path work;

    private MemoryFootprint(Path work) {
        this.work = work;
    }

    /**
     * Runs both measurements and prints the report.
     *
     * @param args options, see the class comment
     * @throws Exception if the fixture cannot be built or a library call fails
     */
    public static void main(String[] args) throws Exception {
        Path base = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path work = Files.createTempDirectory(base, "cni4j-memory");
        boolean met;
        try {
            MemoryFootprint run = new MemoryFootprint(work);
            run.parse(args);
            System.out.printf(Locale.ROOT, "cni4j memory footprint: Java %s (%s), GC %s, max heap %d MiB, work dir %s%n%n",
                    Runtime.version(), System.getProperty("java.vm.name"), collectors(),
                    Runtime.getRuntime().maxMemory() / KIB / KIB, work);
            boolean cyclesMet = run.cycles();
            System.out.println();
            boolean retainedMet = run.retained();
            met = cyclesMet && retainedMet;
        } finally {
            delete(work);
        }
        System.exit(met ? 0 : 1);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--parallel")) {
                parallel = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            int value = Integer.parseInt(args[++i]);
            switch (name) {
                case "--cycles" -> cycles = value;
                case "--step" -> step = value;
                case "--warmup" -> warmup = value;
                case "--networks" -> networks = value;
                case "--repeats" -> repeats = value;
                case "--top" -> top = value;
                case "--reloads" -> reloads = value;
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --cycles --step --warmup --networks --repeats --reloads --top --parallel)");
            }
        }
        if (cycles <= 0 || step <= 0 || cycles % step != 0 || warmup < 1 || networks <= 0 || repeats <= 0
                || reloads <= 0) {
            throw new IllegalArgumentException(
                    "need cycles > 0, step > 0 dividing cycles, warmup >= 1, networks > 0, repeats > 0, reloads > 0");
        }
    }

    // ---------------------------------------------------------------- (a) cycles

    private boolean cycles() throws Exception {
        Path root = Files.createDirectories(work.resolve("cycles"));
        NamespaceOption[] ports = {NamespaceOption.portMappings(List.of(PortMapping.tcp(8080, 80)))};
        int points = cycles / step + 1;
        long[] live = new long[points];
        long[] used = new long[points];
        Path first = root.resolve("histogram-first.txt");
        Path last = root.resolve("histogram-last.txt");

        System.out.printf(Locale.ROOT, "(a) %,d setup+remove cycles (%s), loopback + bridge/host-local + portmap,"
                + " fake executor, cache on %s%n", cycles, parallel ? "setup, networks in parallel" : "setupSerially",
                work.getParent());
        Fixtures.FakeChain chain = Fixtures.FakeChain.open(root);
        InvocationRecorder recorder = chain.recorder();
        try (Cni cni = chain.cni()) {
            long n = 0;
            for (int i = 0; i < warmup; i++) {
                cycle(cni, n++, ports);
            }
            recorder.clear();
            // A dry measurement: the first histogram sets up JMX, which stays and is not the library's.
            settledUsedHeap();
            histogram(root.resolve("histogram-dry.txt"));
            for (int p = 0; p < points; p++) {
                if (p > 0) {
                    for (int i = 0; i < step; i++) {
                        cycle(cni, n++, ports);
                    }
                    recorder.clear();
                }
                used[p] = settledUsedHeap();
                live[p] = histogram(p == 0 ? first : p == points - 1 ? last : null);
            }
            Reference.reachabilityFence(cni);
        }
        // Printed only now, so that formatting is not part of what is measured.
        System.out.printf(Locale.ROOT, "    after %,d warm-up cycles; live heap = class histogram total after full GC%n", warmup);
        System.out.printf(Locale.ROOT, "    %8s  %14s  %14s  %10s%n", "cycle", "live heap KiB", "used heap KiB", "delta KiB");
        for (int p = 0; p < points; p++) {
            System.out.printf(Locale.ROOT, "    %,8d  %,14.1f  %,14.1f  %+10.1f%n", (long) p * step, kib(live[p]),
                    kib(used[p]), kib(live[p] - live[0]));
        }
        double slope = slope(step, live);
        double usedSlope = slope(step, used);
        System.out.printf(Locale.ROOT, "    slope (least squares): %.3f bytes/cycle live heap (%.3f bytes/cycle used heap);"
                + " first to last: %+.1f KiB%n", slope, usedSlope, kib(live[points - 1] - live[0]));
        System.out.println("    classes that changed most between cycle 0 and cycle " + String.format(Locale.ROOT, "%,d", cycles)
                + " (bytes):");
        printDiff(parse(first), parse(last));
        boolean met = slope < TARGET_SLOPE_BYTES_PER_CYCLE;
        System.out.printf(Locale.ROOT, "    target: no heap growth over %,d cycles (slope < %.0f byte/cycle): %s%n", cycles,
                TARGET_SLOPE_BYTES_PER_CYCLE, met ? "MET" : "MISSED");
        return met;
    }

    private void cycle(Cni cni, long n, NamespaceOption[] ports) throws Exception {
        String id = "c" + n;
        String netns = "/run/netns/" + id;
        if (parallel) {
            cni.setup(id, netns, ports);
        } else {
            cni.setupSerially(id, netns, ports);
        }
        cni.remove(id, netns, ports);
    }

    // ---------------------------------------------------------------- (b) retained size

    private boolean retained() throws Exception {
        Path root = Files.createDirectories(work.resolve("retained"));
        Path conf = Files.createDirectories(root.resolve("conf"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path empty = Files.createDirectories(root.resolve("empty-conf"));
        String text = new String(ConfigBenchmark.resource(ConfigBenchmark.CONFLIST), StandardCharsets.UTF_8);
        long confBytes = 0;
        for (int i = 0; i < networks; i++) {
            // Distinct names, bridges and subnets, as a host with many podman networks has them.
            String conflist = text.replace("\"name\": \"podman\"", "\"name\": \"podman" + i + "\"")
                    .replace("cni-podman0", "cni-podman" + i)
                    .replace("10.88.", "10." + (i % 250) + ".");
            Path file = conf.resolve(String.format(Locale.ROOT, "%03d-podman%d.conflist", i, i));
            Files.writeString(file, conflist);
            confBytes += Files.size(file);
        }
        FakeExecutorProvider provider = new FakeExecutorProvider();
        System.out.printf(Locale.ROOT, "(b) retained heap of a Cni with %d networks loaded with allConf (%d conflists,"
                + " podman's bridge network, %.1f KiB of JSON on disk)%n", networks, networks, kib(confBytes));

        // Warm-up: class initialisation and JMX set-up stay for good and are not a client's.
        for (int i = 0; i < 3; i++) {
            try (Cni cni = client(provider, conf, bin, root)) {
                cni.load(LoadOption.allConf());
            }
        }
        histogram(null);

        long[] full = new long[repeats];
        long[] fullUsed = new long[repeats];
        long[] bare = new long[repeats];
        long[] bareUsed = new long[repeats];
        int loaded = 0;
        for (int r = 0; r < repeats; r++) {
            long[] f = measureRetained(provider, conf, bin, root, 1, root.resolve("live-" + r + ".txt"),
                    root.resolve("dropped-" + r + ".txt"));
            full[r] = f[0];
            fullUsed[r] = f[1];
            loaded = (int) f[2];
            long[] b = measureRetained(provider, empty, bin, root, 0, null, null);
            bare[r] = b[0];
            bareUsed[r] = b[1];
        }
        long[] reloaded = measureRetained(provider, conf, bin, root, reloads, null, null);
        int median = medianIndex(full);
        long retained = full[median];
        long bareRetained = median(bare);
        System.out.printf(Locale.ROOT, "    networks loaded: %d; repeats: %d%n", loaded, repeats);
        System.out.printf(Locale.ROOT, "    %-34s  %14s  %14s%n", "", "live heap KiB", "used heap KiB");
        System.out.printf(Locale.ROOT, "    %-34s  %,14.1f  %,14.1f   (runs: %s)%n", "client with " + loaded + " networks",
                kib(retained), kib(median(fullUsed)), kibList(full));
        System.out.printf(Locale.ROOT, "    %-34s  %,14.1f  %,14.1f   (runs: %s)%n", "client with nothing loaded",
                kib(bareRetained), kib(median(bareUsed)), kibList(bare));
        System.out.printf(Locale.ROOT, "    %-34s  %,14.1f  %,14.1f%n", "same client after " + reloads + " reloads",
                kib(reloaded[0]), kib(reloaded[1]));
        System.out.printf(Locale.ROOT, "    %-34s  %,14.1f  %14s%n", "the networks' share",
                kib(retained - bareRetained), "");
        System.out.printf(Locale.ROOT, "    %-34s  %,14.2f  %14s%n", "per network",
                kib(retained - bareRetained) / loaded, "");
        System.out.println("    classes the loaded client holds (median run, live minus dropped, bytes):");
        printDiff(parse(root.resolve("dropped-" + median + ".txt")), parse(root.resolve("live-" + median + ".txt")));
        boolean met = retained < TARGET_RETAINED_BYTES && reloaded[0] < TARGET_RETAINED_BYTES;
        System.out.printf(Locale.ROOT, "    target: a Cni with %d loaded networks retains under %d KiB: %.1f KiB, %s%n",
                loaded, TARGET_RETAINED_BYTES / KIB, kib(retained), met ? "MET" : "MISSED");
        return met;
    }

    private static Cni client(FakeExecutorProvider provider, Path conf, Path bin, Path root) {
        return Cni4j.newBuilder().executorProvider(provider).pluginDirs(List.of(bin)).confDir(conf)
                .cacheDir(root.resolve("cache")).build();
    }

    /**
     * Builds a client, loads the conf dir {@code loads} times and measures what the client retains.
     *
     * @return live-heap difference, used-heap difference, networks loaded
     */
    private static long[] measureRetained(FakeExecutorProvider provider, Path conf, Path bin, Path root, int loads,
                                          Path liveHistogram, Path droppedHistogram) throws Exception {
        Cni cni = client(provider, conf, bin, root);
        for (int i = 0; i < loads; i++) {
            cni.load(LoadOption.allConf());
        }
        int loaded = cni.config().networks().size();
        long usedWith = settledUsedHeap();
        long liveWith = histogram(liveHistogram);
        Reference.reachabilityFence(cni);
        cni.close();
        cni = null;
        long usedWithout = settledUsedHeap();
        long liveWithout = histogram(droppedHistogram);
        return new long[] {liveWith - liveWithout, usedWith - usedWithout, loaded};
    }

    // ---------------------------------------------------------------- heap measurement

    /** Used heap after full GCs, repeated until two in a row agree within 1 KiB (at most 10). */
    private static long settledUsedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < KIB) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /**
     * Takes a class histogram of live objects ({@code GC.class_histogram}, which runs a full GC
     * first) and returns its total bytes.
     *
     * @param file where to write the histogram's text, or {@code null} to keep only the total
     */
    private static long histogram(Path file) throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        if (file != null) {
            Files.writeString(file, text);
        }
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            throw new IllegalStateException("no Total line in the class histogram");
        }
        return Long.parseLong(total.group(2));
    }

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** Instances and bytes of one class in a histogram. */
    private record Row(long instances, long bytes) {
    }

    private static Map<String, Row> parse(Path file) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        Matcher m = ROW.matcher(Files.readString(file));
        while (m.find()) {
            rows.merge(m.group(3), new Row(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                    (a, b) -> new Row(a.instances + b.instances, a.bytes + b.bytes));
        }
        return rows;
    }

    /** Prints the classes whose bytes differ most from {@code before} to {@code after}. */
    private void printDiff(Map<String, Row> before, Map<String, Row> after) {
        List<String> names = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(names::add);
        Row none = new Row(0, 0);
        names.sort(Comparator.comparingLong((String k) -> -Math.abs(
                after.getOrDefault(k, none).bytes - before.getOrDefault(k, none).bytes)).thenComparing(k -> k));
        System.out.printf(Locale.ROOT, "      %12s  %10s  %s%n", "bytes", "instances", "class");
        int shown = 0;
        for (String name : names) {
            Row a = after.getOrDefault(name, none);
            Row b = before.getOrDefault(name, none);
            if (a.bytes == b.bytes || shown++ >= top) {
                continue;
            }
            System.out.printf(Locale.ROOT, "      %+,12d  %+,10d  %s%n", a.bytes - b.bytes, a.instances - b.instances, name);
        }
        if (shown == 0) {
            System.out.println("      (none)");
        }
    }

    // ---------------------------------------------------------------- small helpers

    /** Least-squares slope of equally spaced samples, in units per {@code step}-th of the x axis. */
    private static double slope(int step, long[] y) {
        int n = y.length;
        double meanX = (n - 1) * step / 2.0;
        double meanY = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double dx = (double) i * step - meanX;
            num += dx * (y[i] - meanY);
            den += dx * dx;
        }
        return den == 0 ? 0 : num / den;
    }

    private static int medianIndex(long[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> values[i]));
        return order[(order.length - 1) / 2];
    }

    private static long median(long[] values) {
        return values[medianIndex(values)];
    }

    private static double kib(long bytes) {
        return bytes / (double) KIB;
    }

    private static String kibList(long[] values) {
        StringBuilder out = new StringBuilder();
        for (long v : values) {
            out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", kib(v)));
        }
        return out.toString();
    }

    private static String collectors() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
