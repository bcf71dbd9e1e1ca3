package io.cni4j.tool.internal.bench;

import io.cni4j.tool.internal.cli.OptionSpec;
import io.cni4j.tool.internal.cli.OptionValues;
import io.cni4j.tool.internal.cli.ParsedArgs;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.host.BridgeNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code cni4j bench} was asked to do, validated.
 *
 * @param chain the plugin chain
 * @param parallel how many worker threads run at once, each with its own container and namespace
 * @param cycles how many measured setup/check/remove cycles each worker runs
 * @param warmup how many unmeasured cycles each worker runs first
 * @param floor whether to measure the plugins called directly too (see {@link FloorDriver})
 * @param parallelNetworks whether a container's networks are set up in parallel ({@code Cni.setup})
 *     instead of one after another ({@code Cni.setupSerially})
 * @param network the bench network: its name, bridge and subnet
 * @param stateDir where the run's temp dir (configuration, result cache, IPAM state) is made; empty
 *     for {@code java.io.tmpdir}
 */
public record BenchSettings(Chain chain, int parallel, int cycles, int warmup, boolean floor,
                            boolean parallelNetworks, BridgeNetwork network, Optional<Path> stateDir) {

    /** The bench network's name. */
    public static final String NETWORK_NAME = "cni4j-bench";
    /** The default bridge name. */
    public static final String DEFAULT_BRIDGE = "cni4j-bench0";
    /** The default subnet: private, and room for many workers. */
    public static final String DEFAULT_SUBNET = "10.251.0.0/16";
    /** The most worker threads accepted. */
    public static final int MAX_PARALLEL = 64;

    /** The bench's own options, in help order. */
    public static final List<OptionSpec> SPECS = List.of(
            OptionSpec.single("chain", "bridge|portmap", "the plugins: loopback + bridge/host-local, or that + portmap"
                    + " (default bridge)"),
            OptionSpec.single("parallel", "N", "worker threads, each with its own container and namespace (default 1,"
                    + " at most " + MAX_PARALLEL + ")"),
            OptionSpec.single("cycles", "N", "measured setup/check/remove cycles per worker (default 30)"),
            OptionSpec.single("warmup", "N", "unmeasured cycles per worker first (default 5)"),
            OptionSpec.flag("floor", "also call the plugins directly, without the engine, and print that floor beside"),
            OptionSpec.flag("parallel-networks", "set up a container's networks in parallel (Cni.setup) instead of"
                    + " one after another (Cni.setupSerially)"),
            OptionSpec.single("bridge", "NAME", "bridge the bench network makes (default " + DEFAULT_BRIDGE + ")"),
            OptionSpec.single("subnet", "CIDR", "IPv4 subnet of the bench network (default " + DEFAULT_SUBNET + ")"),
            OptionSpec.single("state-dir", "DIR", "where to make the run's temp dir for config, result cache and IPAM"
                    + " state (default: java.io.tmpdir); a tmpfs such as /dev/shm leaves out the cache's fsyncs"));

    /**
     * Converts the bench options of a parsed command line, filling in the defaults.
     *
     * @param args the parsed command line
     * @return the settings
     * @throws UsageException if a value is malformed or out of range, or the subnet is too small for
     *     the workers
     */
    public static BenchSettings from(ParsedArgs args) throws UsageException {
        Chain chain = Chain.parse(args.value("chain").orElse("bridge"));
        int parallel = OptionValues.integer("--parallel", args.value("parallel").orElse("1"), 1);
        if (parallel > MAX_PARALLEL) {
            throw new UsageException("--parallel must be at most " + MAX_PARALLEL + ", got " + parallel);
        }
        int cycles = OptionValues.integer("--cycles", args.value("cycles").orElse("30"), 1);
        int warmup = OptionValues.integer("--warmup", args.value("warmup").orElse("5"), 0);
        BridgeNetwork network = BridgeNetwork.of(NETWORK_NAME, args.value("bridge").orElse(DEFAULT_BRIDGE),
                args.value("subnet").orElse(DEFAULT_SUBNET));
        if (network.containerAddresses() < parallel) {
            throw new UsageException("--subnet " + network.subnet() + " has room for " + network.containerAddresses()
                    + " containers, fewer than --parallel " + parallel);
        }
        Optional<Path> stateDir = args.value("state-dir").map(Path::of);
        if (stateDir.isPresent() && !Files.isDirectory(stateDir.get())) {
            throw new UsageException("--state-dir " + stateDir.get() + " is not a directory");
        }
        return new BenchSettings(chain, parallel, cycles, warmup, args.has("floor"), args.has("parallel-networks"),
                network, stateDir);
    }
}
