package io.cni4j.tool.internal.command;

import io.cni4j.tool.internal.cli.CommandSpec;
import java.util.Objects;

/**
 * A command of the tool: what it accepts and what it does.
 *
 * @param spec its arguments and options
 * @param action what it does
 */
public record Command(CommandSpec spec, Action action) {

    /**
     * Validates the components.
     *
     * @param spec the spec
     * @param action the action
     */
    public Command {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(action, "action");
    }

    /** What a command does. */
    @FunctionalInterface
    public interface Action {

        /**
         * Runs the command.
         *
         * @param context its arguments, options and streams
         * @return the exit status on success (normally 0)
         * @throws Exception any failure; the tool maps it to an exit status and reports it
         */
        int run(Context context) throws Exception;
    }
}
