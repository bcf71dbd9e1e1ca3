package io.cni4j.tool.internal.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.tool.internal.output.Table;
import io.cni4j.tool.internal.output.ToolJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code cni4j bench} prints: the settings, each driver's figures (times in milliseconds), the
 * cni4j median's overhead over the floor, and proof of the cleanup.
 *
 * @param settings what was run
 * @param executor the executor provider's name
 * @param pluginDir where the plugins came from
 * @param tempDir the temp dir that held the configuration, the result cache and the IPAM state
 * @param namespaces the namespaces the workers used
 * @param wallNanos the measured part's wall time, every driver's cycles together
 * @param runs the figures, cni4j first, then the floor if asked for
 * @param leftovers what teardown found still there (empty: everything is gone)
 */
public record BenchReport(BenchSettings settings, String executor, Path pluginDir, Path tempDir, List<Path> namespaces,
                          long wallNanos, List<RunResult> runs, List<String> leftovers) {

    /**
     * Copies the lists.
     *
     * @param settings the settings
     * @param executor the executor
     * @param pluginDir the plugin dir
     * @param tempDir the temp dir
     * @param namespaces the namespaces
     * @param wallNanos the wall time
     * @param runs the runs
     * @param leftovers the leftovers
     */
    public BenchReport {
        namespaces = List.copyOf(namespaces);
        runs = List.copyOf(runs);
        leftovers = List.copyOf(leftovers);
    }

    /** @return how the networks are set up: {@code serial} or {@code parallel-networks} */
    public String setupMode() {
        return settings.parallelNetworks() ? "parallel-networks" : "serial";
    }

    /** @return the operations measured, in output order */
    public List<Operation> operations() {
        return settings.chain().measuresCheck() ? List.of(Operation.values())
                : List.of(Operation.SETUP, Operation.REMOVE, Operation.CYCLE);
    }

    /**
     * The run of one driver.
     *
     * @param driver {@code cni4j} or {@code floor}
     * @return its figures, if it ran
     */
    public Optional<RunResult> run(String driver) {
        return runs.stream().filter(r -> r.driver().equals(driver)).findFirst();
    }

    /**
     * How much slower cni4j's median is than the floor's, in percent.
     *
     * @param op the operation
     * @return the overhead, if both ran and measured it
     */
    public Optional<Double> overheadPercent(Operation op) {
        Optional<RunResult> cni4j = run("cni4j");
        Optional<RunResult> floor = run("floor");
        if (cni4j.isEmpty() || floor.isEmpty() || !cni4j.get().operations().containsKey(op)
                || !floor.get().operations().containsKey(op) || floor.get().operations().get(op).p50() == 0) {
            return Optional.empty();
        }
        double c = cni4j.get().operations().get(op).p50();
        double f = floor.get().operations().get(op).p50();
        return Optional.of(Math.round((c - f) / f * 1000) / 10.0);
    }

    /** @return the JSON form (documented in the README's bench section) */
    public ObjectNode json() {
        ObjectNode root = ToolJson.object();
        root.put("chain", settings.chain().label());
        ArrayNode plugins = root.putArray("plugins");
        settings.chain().plugins().forEach(plugins::add);
        root.put("executor", executor);
        root.put("parallel", settings.parallel());
        root.put("cycles", settings.cycles());
        root.put("warmup", settings.warmup());
        root.put("setup", setupMode());
        root.put("checkMeasured", settings.chain().measuresCheck());
        if (!settings.chain().measuresCheck()) {
            root.put("checkNote", Chain.PORTMAP_CHECK_NOTE);
        }
        root.put("pluginDir", pluginDir.toString());
        root.put("bridge", settings.network().bridge());
        root.put("subnet", settings.network().subnet().toString());
        root.put("unit", "ms");
        root.put("seconds", round(wallNanos / 1e9, 1000));
        ObjectNode runsNode = root.putObject("runs");
        for (RunResult r : runs) {
            ObjectNode run = runsNode.putObject(r.driver());
            run.put("samples", r.samples());
            run.put("cyclesPerSecond", round(r.cyclesPerSecond(), 100));
            for (Operation op : operations()) {
                Percentiles p = r.operations().get(op);
                run.putObject(op.label()).put("p50", millis(p.p50())).put("p90", millis(p.p90()))
                        .put("p99", millis(p.p99())).put("max", millis(p.max()));
            }
        }
        if (run("floor").isPresent()) {
            ObjectNode overhead = root.putObject("overheadPercent");
            for (Operation op : operations()) {
                overheadPercent(op).ifPresent(v -> overhead.put(op.label(), v));
            }
        }
        root.put("tempDir", tempDir.toString());
        ArrayNode ns = root.putArray("namespaces");
        namespaces.forEach(p -> ns.add(p.toString()));
        ArrayNode left = root.putArray("leftovers");
        leftovers.forEach(left::add);
        return root;
    }

    /** @return the table form: a header, the percentiles per driver and operation, the throughput, the cleanup */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("chain ").append(settings.chain().label()).append(" (").append(settings.chain().description())
                .append("), executor ").append(executor).append(", parallel ").append(settings.parallel())
                .append(", ").append(settings.cycles()).append(" cycles after ").append(settings.warmup())
                .append(" warmup per worker\n");
        sb.append(settings.parallelNetworks() ? "networks set up in parallel (Cni.setup)"
                : "networks set up one after another (Cni.setupSerially)");
        sb.append("; ").append(settings.chain().measuresCheck() ? "CHECK measured" : Chain.PORTMAP_CHECK_NOTE)
                .append('\n');
        sb.append("times in ms (nearest-rank percentiles)");
        if (run("floor").isPresent()) {
            sb.append("; floor = the plugins called directly, no engine, no cache;\n"
                    + "cni4j and floor cycles interleaved, order swapped every round");
        }
        sb.append("\n\n");
        boolean floor = run("floor").isPresent();
        Table times = floor ? new Table("DRIVER", "OPERATION", "P50", "P90", "P99", "MAX", "P50 VS FLOOR")
                : new Table("DRIVER", "OPERATION", "P50", "P90", "P99", "MAX");
        for (RunResult r : runs) {
            for (Operation op : operations()) {
                Percentiles p = r.operations().get(op);
                List<String> cells = new ArrayList<>(List.of(r.driver(), op.label(), fixed(millis(p.p50())),
                        fixed(millis(p.p90())), fixed(millis(p.p99())), fixed(millis(p.max()))));
                if (floor && r.driver().equals("cni4j")) {
                    overheadPercent(op).map(BenchReport::signed).ifPresent(cells::add);
                }
                times.row(cells.toArray(String[]::new));
            }
        }
        sb.append(times.render()).append('\n');
        Table throughput = new Table("DRIVER", "CYCLES", "CYCLES/S");
        for (RunResult r : runs) {
            throughput.row(r.driver(), Integer.toString(r.samples()), String.format(Locale.ROOT, "%.2f",
                    r.cyclesPerSecond()));
        }
        sb.append(throughput.render());
        sb.append(String.format(Locale.ROOT, "measured part: %.3f s wall time%n%n", wallNanos / 1e9));
        sb.append(leftovers.isEmpty() ? "cleanup: nothing left (namespaces, bridge " + settings.network().bridge()
                + ", veths, result cache, IPAM state and " + tempDir + " removed)\n"
                : "cleanup: LEFT BEHIND: " + String.join(", ", leftovers) + "\n");
        return sb.toString();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    private static String fixed(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }

    private static String signed(double percent) {
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }
}
