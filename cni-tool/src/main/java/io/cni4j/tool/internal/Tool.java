package io.cni4j.tool.internal;

import io.cni4j.api.Cni;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.core.Cni4j;
import io.cni4j.tool.internal.bench.BenchCommand;
import io.cni4j.tool.internal.cli.ArgParser;
import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.cli.HelpText;
import io.cni4j.tool.internal.cli.ParsedArgs;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.command.ClientCommands;
import io.cni4j.tool.internal.command.ClientFactory;
import io.cni4j.tool.internal.command.Command;
import io.cni4j.tool.internal.command.Context;
import io.cni4j.tool.internal.command.NetnsCommand;
import io.cni4j.tool.internal.command.VersionCommand;
import io.cni4j.tool.internal.demo.DemoCommand;
import io.cni4j.tool.internal.exit.ErrorReport;
import io.cni4j.tool.internal.exit.ExitStatus;
import io.cni4j.tool.internal.output.OutputFormat;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * The tool: parses the command line, runs the command, and turns its outcome into output and an
 * exit status. It never calls {@link System#exit}; {@link io.cni4j.tool.Main} does.
 */
public final class Tool {

    /** The logger tree of cni4j, held so its level survives (JUL keeps loggers weakly). */
    private static final Logger CNI4J_LOGGER = Logger.getLogger("io.cni4j");

    private final List<Command> commands;
    private final ArgParser parser;
    private final ClientFactory clients;
    private final Function<String, ExecutorProvider> providers;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * A tool with its collaborators.
     *
     * @param clients makes clients
     * @param providers selects an executor provider by name ({@code null}: the default selection)
     * @param out standard output
     * @param err standard error
     */
    public Tool(ClientFactory clients, Function<String, ExecutorProvider> providers, PrintStream out,
                PrintStream err) {
        this.clients = clients;
        this.providers = providers;
        this.out = out;
        this.err = err;
        List<Command> all = new ArrayList<>(ClientCommands.all());
        all.add(VersionCommand.command());
        all.add(NetnsCommand.command());
        all.add(BenchCommand.command());
        all.add(DemoCommand.command());
        all.add(new Command(new CommandSpec("help", "print help for the tool or a command",
                List.of(CommandSpec.optional("COMMAND")), List.of(), ""), this::help));
        this.commands = List.copyOf(all);
        this.parser = new ArgParser(commands.stream().map(Command::spec).toList(), GlobalOptions.SPECS);
    }

    /**
     * The tool as {@code cni4j} runs it: providers selected by the engine's rules among those on the
     * module path, clients from the engine's builder.
     *
     * @param out standard output
     * @param err standard error
     * @return the tool
     */
    public static Tool standard(PrintStream out, PrintStream err) {
        Function<String, ExecutorProvider> providers = Cni4j::executorProvider;
        return new Tool(engineClients(providers), providers, out, err);
    }

    /**
     * Engine clients built with the global options, whose executor provider is the one
     * {@code providers} selects for {@code --executor} (so that the commands that use a provider
     * directly and the clients always agree).
     *
     * @param providers selects an executor provider by name ({@code null}: the default selection)
     * @return the client factory
     */
    public static ClientFactory engineClients(Function<String, ExecutorProvider> providers) {
        return g -> {
            Cni.Builder b = Cni4j.newBuilder()
                    .pluginDirs(g.pluginDirs())
                    .confDir(g.confDir())
                    .cacheDir(g.cacheDir())
                    .maxConfNum(g.allConf() ? 0 : g.maxConf())
                    .interfacePrefix(g.prefix())
                    .minNetworkCount(g.minNetworks().orElse(g.loopback() ? 2 : 1))
                    .executorProvider(providers.apply(g.executor().orElse(null)));
            g.timeout().ifPresent(b::timeout);
            return b.build();
        };
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments
     * @return the exit status
     */
    public int run(String... args) {
        GlobalOptions global = null;
        String commandName = "";
        try {
            ParsedArgs parsed = parser.parse(args);
            commandName = parsed.command();
            if (commandName.isEmpty()) {
                if (parsed.help()) {
                    out.print(HelpText.overall(parser));
                    out.flush();
                    return ExitStatus.OK;
                }
                throw new UsageException("no command given");
            }
            Command command = commands.stream().filter(c -> c.spec().name().equals(parsed.command())).findFirst()
                    .orElseThrow();
            if (parsed.help()) {
                out.print(HelpText.command(parser, command.spec()));
                out.flush();
                return ExitStatus.OK;
            }
            global = GlobalOptions.from(parsed);
            configureLogging(global.verbose());
            return command.action().run(new Context(parsed, global, out, err, clients, providers));
        } catch (UsageException e) {
            UsageException u = e.inCommand(commandName);
            err.println("cni4j: " + u.getMessage());
            err.println(u.command().isEmpty() ? "Run 'cni4j --help' for the commands."
                    : "Run 'cni4j " + u.command() + " --help' for its usage.");
            err.flush();
            return ExitStatus.USAGE;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            int status = ExitStatus.of(e);
            boolean json = global != null && global.output() == OutputFormat.JSON;
            ErrorReport.print(e, status, json, global != null && global.verbose(), out, err);
            return status;
        }
    }

    private int help(Context c) throws UsageException {
        Optional<String> name = c.args().positional(0);
        if (name.isEmpty()) {
            out.print(HelpText.overall(parser));
        } else {
            CommandSpec spec = parser.command(name.get())
                    .orElseThrow(() -> new UsageException("unknown command '" + name.get() + "'"));
            out.print(HelpText.command(parser, spec));
        }
        out.flush();
        return ExitStatus.OK;
    }

    /**
     * Quiet by default (warnings only); with {@code --verbose} every cni4j log record goes to this
     * tool's stderr.
     */
    private void configureLogging(boolean verbose) {
        for (Handler h : CNI4J_LOGGER.getHandlers()) {
            CNI4J_LOGGER.removeHandler(h);
        }
        if (verbose) {
            StreamHandler handler = new StreamHandler(err, new SimpleFormatter()) {
                @Override
                public synchronized void publish(java.util.logging.LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
            handler.setLevel(Level.ALL);
            CNI4J_LOGGER.addHandler(handler);
            CNI4J_LOGGER.setUseParentHandlers(false);
            CNI4J_LOGGER.setLevel(Level.FINE);
        } else {
            CNI4J_LOGGER.setUseParentHandlers(true);
            CNI4J_LOGGER.setLevel(Level.WARNING);
        }
    }
}
