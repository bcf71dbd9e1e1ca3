package io.cni4j.tool.internal.cli;

import java.util.List;
import java.util.stream.Collectors;

/** The help the tool prints: the command list, and each command's usage and options. */
public final class HelpText {

    private HelpText() {
    }

    /**
     * The overall help: usage, commands, global options and exit statuses.
     *
     * @param parser the parser with every command
     * @return the text
     */
    public static String overall(ArgParser parser) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: cni4j [global options] COMMAND [arguments] [options]\n\n");
        sb.append("Sets up container networking with CNI plugins (cni4j, go-cni's model in Java).\n\n");
        sb.append("Commands:\n");
        int width = parser.commands().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (CommandSpec c : parser.commands()) {
            sb.append("  ").append(pad(c.name(), width)).append("  ").append(c.summary()).append('\n');
        }
        sb.append('\n').append("Global options:\n").append(options(parser.globals()));
        sb.append('\n').append(EXIT_STATUSES);
        sb.append("\nRun 'cni4j COMMAND --help' for a command's arguments and options.\n");
        return sb.toString();
    }

    /**
     * One command's help: usage line, summary, its options, details, and the global options.
     *
     * @param parser the parser, for the global options
     * @param command the command
     * @return the text
     */
    public static String command(ArgParser parser, CommandSpec command) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: cni4j ").append(command.name());
        String positionals = command.positionals().stream().map(CommandSpec.Positional::synopsis)
                .collect(Collectors.joining(" "));
        if (!positionals.isEmpty()) {
            sb.append(' ').append(positionals);
        }
        sb.append(" [options]\n\n").append(capitalize(command.summary())).append(".\n");
        if (!command.options().isEmpty()) {
            sb.append("\nOptions:\n").append(options(command.options()));
        }
        if (!command.details().isEmpty()) {
            sb.append('\n').append(command.details()).append('\n');
        }
        sb.append("\nGlobal options:\n").append(options(parser.globals()));
        return sb.toString();
    }

    private static final String EXIT_STATUSES = String.join("\n",
            "Exit status:",
            "  0  success",
            "  1  a CNI or plugin error (details on stderr; an error object on stdout with --output json)",
            "  2  usage error",
            "  3  not initialized: no network configuration found",
            "  4  timeout",
            "");

    /** Synopses longer than this get their help line below them. */
    private static final int OPTION_COLUMN = 30;

    private static String options(List<OptionSpec> options) {
        int width = options.stream().mapToInt(o -> o.synopsis().length()).filter(n -> n <= OPTION_COLUMN)
                .max().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (OptionSpec o : options) {
            sb.append("  ").append(o.synopsis());
            if (o.synopsis().length() > width) {
                sb.append('\n').append(" ".repeat(width + 4));
            } else {
                sb.append(" ".repeat(width - o.synopsis().length() + 2));
            }
            sb.append(o.help()).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
