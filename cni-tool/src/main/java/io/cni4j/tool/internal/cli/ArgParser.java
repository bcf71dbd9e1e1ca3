package io.cni4j.tool.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splits a command line into a command, options and positionals, GNU style: the command is the
 * first word that is not an option; global options may come before or after it; {@code --name value}
 * and {@code --name=value} are the same; {@code --} ends the options; {@code -h} and {@code --help}
 * ask for help. It checks names, counts and repetition; values are converted later by
 * {@link OptionValues}.
 */
public final class ArgParser {

    private final List<CommandSpec> commands;
    private final List<OptionSpec> globals;

    /**
     * A parser for a set of commands.
     *
     * @param commands the commands, by name
     * @param globals the options every command accepts
     */
    public ArgParser(List<CommandSpec> commands, List<OptionSpec> globals) {
        this.commands = List.copyOf(commands);
        this.globals = List.copyOf(globals);
    }

    /** @return the commands, in help order */
    public List<CommandSpec> commands() {
        return commands;
    }

    /** @return the global options */
    public List<OptionSpec> globals() {
        return globals;
    }

    /**
     * The command of that name.
     *
     * @param name the name
     * @return the command, if known
     */
    public Optional<CommandSpec> command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Parses a command line.
     *
     * @param args the arguments as the shell gave them
     * @return the parts; the command is empty when none was given (then only global options and
     *     {@code --help} are accepted)
     * @throws UsageException if a name is unknown, a value is missing, a single option is repeated
     *     or the positional count is wrong (not checked when help is asked for)
     */
    public ParsedArgs parse(String... args) throws UsageException {
        Objects.requireNonNull(args, "args");
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        CommandSpec command = null;
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = Objects.requireNonNull(args[i], "argument " + i);
            String commandName = command == null ? "" : command.name();
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                if (command == null) {
                    command = command(arg).orElseThrow(() -> new UsageException("unknown command '" + arg + "'"));
                } else {
                    positionals.add(arg);
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "' (options are spelled --name)", commandName);
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            OptionSpec spec = find(command, name).orElseThrow(() -> new UsageException(
                    "unknown option --" + name + (commandName.isEmpty() ? "" : " for '" + commandName + "'"),
                    commandName));
            String value;
            if (!spec.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException("--" + name + " takes no value", commandName);
                }
                value = "";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value " + spec.valueName(), commandName);
            }
            List<String> values = options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !spec.repeatable()) {
                throw new UsageException("--" + name + " may be given only once", commandName);
            }
            values.add(value);
        }
        if (command != null && !help) {
            checkPositionals(command, positionals);
        }
        return new ParsedArgs(command == null ? "" : command.name(), options, positionals, help);
    }

    private Optional<OptionSpec> find(CommandSpec command, String name) {
        Optional<OptionSpec> own = command == null ? Optional.empty() : command.option(name);
        return own.isPresent() ? own : globals.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private static void checkPositionals(CommandSpec command, List<String> positionals) throws UsageException {
        if (positionals.size() < command.requiredCount()) {
            String missing = command.positionals().subList(positionals.size(), command.requiredCount()).stream()
                    .map(CommandSpec.Positional::name).collect(Collectors.joining(" and "));
            throw new UsageException("missing " + missing, command.name());
        }
        if (positionals.size() > command.positionals().size()) {
            throw new UsageException("unexpected argument '" + positionals.get(command.positionals().size()) + "'",
                    command.name());
        }
    }
}
