package io.cni4j.tool.internal.bench;

import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.command.Command;
import io.cni4j.tool.internal.exit.ExitStatus;
import io.cni4j.tool.internal.host.Host;
import java.io.IOException;
import java.util.List;

/** {@code bench}: setup/check/remove latency and throughput with the real plugins, next to the plugin floor. */
public final class BenchCommand {

    private static final String DETAILS = String.join("\n",
            "Needs root. In a temp dir of its own (never /etc/cni or /var/lib/cni) it writes the loopback network",
            "and a bridge network (bridge " + BenchSettings.DEFAULT_BRIDGE + ", host-local in "
                    + BenchSettings.DEFAULT_SUBNET + "; --bridge and --subnet",
            "change them), with portmap chained for --chain portmap (worker N maps host port " + Bench.HOST_PORT_BASE
                    + "+N to " + Bench.CONTAINER_PORT + ").",
            "Each worker gets a network namespace cni4j-bench-N from the executor provider's namespace manager",
            "and runs warmup cycles, then measured ones: setup (one network after another, or in parallel with",
            "--parallel-networks), CHECK (bridge chain only: Debian's portmap 1.1.1 fails CHECK for IPv4-only",
            "containers, containernetworking/plugins#819), remove. It prints p50/p90/p99/max in ms per operation",
            "(setup, check, remove, cycle) and cycles per second of all workers together. --floor also runs",
            "each cycle by calling the plugins directly through the same executor, as libcni would call them",
            "(no engine, no cache), alternating with cni4j's cycles, and prints cni4j's median overhead over it.",
            "Afterwards, and on Ctrl-C, it removes the attachments, namespaces, bridge and temp dir, and checks",
            "that nothing is left. The JSON shape is in the README (section 'The bench').");

    /** Tells whether the process runs as root; replaceable in tests. */
    @FunctionalInterface
    interface RootCheck {
        /**
         * @return whether the effective uid is 0
         * @throws IOException if it cannot be told
         */
        boolean isRoot() throws IOException;
    }

    private BenchCommand() {
    }

    /** @return the command */
    public static Command command() {
        return command(Host::isRoot);
    }

    /**
     * The command with its root check given.
     *
     * @param root tells whether the process runs as root
     * @return the command
     */
    static Command command(RootCheck root) {
        CommandSpec spec = new CommandSpec("bench",
                "measure setup/check/remove latency and throughput with the real plugins (root)",
                List.of(), BenchSettings.SPECS, DETAILS);
        return new Command(spec, c -> {
            BenchSettings settings = BenchSettings.from(c.args());
            if (!root.isRoot()) {
                c.err().println("cni4j bench: needs root (it creates network namespaces, a bridge and veths):"
                        + " run 'sudo ./cni4j bench'");
                c.err().flush();
                return ExitStatus.USAGE;
            }
            return new Bench(c, settings).run();
        });
    }
}
