package io.cni4j.tool;

import io.cni4j.tool.internal.Tool;
import java.io.PrintStream;

/**
 * The {@code cni4j} command: {@code java -m io.cni4j.tool/io.cni4j.tool.Main COMMAND ...}, or the
 * {@code ./cni4j} launcher at the repository root. Run it with {@code --help} for the commands.
 *
 * <p>Exit statuses: 0 success; 1 a CNI or plugin error; 2 a usage error; 3 not initialized (no
 * network configuration); 4 a timeout.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the tool and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the tool without exiting, for embedding and tests.
     *
     * @param args the command line
     * @param out where results go
     * @param err where errors and diagnostics go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Tool.standard(out, err).run(args);
    }
}
