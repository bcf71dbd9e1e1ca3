package io.cni4j.tool.internal.cli;

/**
 * A command line the tool cannot run: an unknown command or option, a missing or malformed value.
 * The tool prints the message and a hint to the command's help, and exits with status 2.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The command whose help the hint names, or empty for the overall help. */
    private final String command;

    /**
     * A usage error.
     *
     * @param message what is wrong, naming the option or argument
     */
    public UsageException(String message) {
        this(message, "");
    }

    /**
     * A usage error in one command.
     *
     * @param message what is wrong, naming the option or argument
     * @param command the command, for the help hint; empty for the overall help
     */
    public UsageException(String message, String command) {
        super(message);
        this.command = command == null ? "" : command;
    }

    /**
     * The same error attributed to a command, unless it already names one.
     *
     * @param command the command being parsed
     * @return an exception that points to that command's help
     */
    public UsageException inCommand(String command) {
        return this.command.isEmpty() ? new UsageException(getMessage(), command) : this;
    }

    /** @return the command whose help explains the usage, or empty for the overall help */
    public String command() {
        return command;
    }
}
