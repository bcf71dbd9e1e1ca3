package io.cni4j.tool.internal.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command line split into its parts: the command, the options with their values in the order
 * given, and the positional arguments. Values are still text; {@link OptionValues} converts them.
 */
public final class ParsedArgs {

    private final String command;
    private final Map<String, List<String>> options;
    private final List<String> positionals;
    private final boolean help;

    /**
     * The parts of a command line.
     *
     * @param command the command name, or empty when none was given
     * @param options option name to its values (flags have one empty value per occurrence)
     * @param positionals the positional arguments after the command name
     * @param help whether {@code --help} or {@code -h} was given
     */
    public ParsedArgs(String command, Map<String, List<String>> options, List<String> positionals, boolean help) {
        this.command = Objects.requireNonNull(command, "command");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        options.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.options = Collections.unmodifiableMap(copy);
        this.positionals = List.copyOf(positionals);
        this.help = help;
    }

    /** @return the command name, or empty when none was given */
    public String command() {
        return command;
    }

    /** @return the positional arguments after the command name */
    public List<String> positionals() {
        return positionals;
    }

    /**
     * One positional argument.
     *
     * @param index its index after the command name
     * @return the argument, if given
     */
    public Optional<String> positional(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index)) : Optional.empty();
    }

    /** @return whether help was asked for */
    public boolean help() {
        return help;
    }

    /**
     * Every value given to an option.
     *
     * @param name the option name without dashes
     * @return the values in the order given; empty if absent
     */
    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /**
     * The value of a single-valued option.
     *
     * @param name the option name without dashes
     * @return the value, if given
     */
    public Optional<String> value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /**
     * Whether a flag (or any option) was given.
     *
     * @param name the option name without dashes
     * @return {@code true} if present
     */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** @return every option given, name to values, in the order first seen */
    public Map<String, List<String>> options() {
        return options;
    }
}
