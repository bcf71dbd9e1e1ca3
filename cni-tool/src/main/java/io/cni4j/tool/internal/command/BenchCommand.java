package io.cni4j.tool.internal.command;

import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.exit.ExitStatus;
import java.util.List;

/** {@code bench}: a placeholder until the performance work provides the benchmark. */
public final class BenchCommand {

    private BenchCommand() {
    }

    /** @return the command, which says it is not implemented and exits with status 2 */
    public static Command command() {
        CommandSpec spec = new CommandSpec("bench", "measure setup/remove throughput (not implemented yet)",
                List.of(), List.of(), "");
        return new Command(spec, c -> {
            c.err().println("cni4j bench: not implemented yet");
            c.err().flush();
            return ExitStatus.USAGE;
        });
    }
}
