package io.cni4j.tool.internal.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command accepts: its positional arguments and its own options (the global options are
 * accepted by every command in addition).
 *
 * @param name the command's name, e.g. {@code setup}
 * @param summary one line for the command list
 * @param positionals the positional arguments, required ones first
 * @param options the command's own options
 * @param details further help text (syntax of values, examples), may be empty
 */
public record CommandSpec(String name, String summary, List<Positional> positionals, List<OptionSpec> options,
                          String details) {

    /**
     * A positional argument.
     *
     * @param name how help shows it, e.g. {@code NETNS}
     * @param required whether it must be given
     */
    public record Positional(String name, boolean required) {

        /**
         * Validates the name.
         *
         * @param name the name
         * @param required whether required
         */
        public Positional {
            Objects.requireNonNull(name, "name");
        }

        /** @return the name, in brackets when optional */
        public String synopsis() {
            return required ? name : "[" + name + "]";
        }
    }

    /**
     * Copies the lists and checks that required positionals come first.
     *
     * @param name the name
     * @param summary the summary
     * @param positionals the positionals
     * @param options the options
     * @param details the details
     */
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        positionals = List.copyOf(positionals);
        options = List.copyOf(options);
        details = details == null ? "" : details;
        boolean optionalSeen = false;
        for (Positional p : positionals) {
            if (p.required() && optionalSeen) {
                throw new IllegalArgumentException(name + ": required positional " + p.name() + " after an optional one");
            }
            optionalSeen |= !p.required();
        }
    }

    /**
     * A required positional.
     *
     * @param name its name
     * @return the positional
     */
    public static Positional required(String name) {
        return new Positional(name, true);
    }

    /**
     * An optional positional.
     *
     * @param name its name
     * @return the positional
     */
    public static Positional optional(String name) {
        return new Positional(name, false);
    }

    /**
     * The command's own option of that name.
     *
     * @param optionName the name without dashes
     * @return the option, if the command has it
     */
    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** @return how many positionals must be given */
    public int requiredCount() {
        return (int) positionals.stream().filter(Positional::required).count();
    }
}
