package io.cni4j.tool.internal.command;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.cli.ParsedArgs;
import io.cni4j.tool.internal.output.OutputFormat;
import io.cni4j.tool.internal.output.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a running command has: its parsed arguments, the global options, the output streams, and
 * where clients and executor providers come from.
 *
 * @param args the parsed command line
 * @param global the global options
 * @param out standard output
 * @param err standard error
 * @param clients the client factory
 * @param providers selects an executor provider by name ({@code null}: the default selection), as
 *     {@link io.cni4j.core.Cni4j#executorProvider(String)} does
 */
public record Context(ParsedArgs args, GlobalOptions global, PrintStream out, PrintStream err,
                      ClientFactory clients, Function<String, ExecutorProvider> providers) {

    /** The timeout of calls the tool makes itself when none is given, as the engine's default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Builds a client and loads the networks: loopback unless {@code --no-loopback}, then every
     * conf dir file with {@code --all-conf}, else the first {@code --max-conf}.
     *
     * @return the loaded client; the caller closes it
     * @throws LoadException if loading fails (its cause says why, e.g. not initialized)
     */
    public Cni loadedClient() throws LoadException {
        return loadedClient(false);
    }

    /**
     * As {@link #loadedClient()}, optionally going on when the conf dir holds no configuration: the
     * networks loaded before (loopback) stay loaded, and remove still finds the rest in the result
     * cache. A note on stderr says so.
     *
     * @param tolerateNoConfig whether an empty conf dir is acceptable
     * @return the loaded client; the caller closes it
     * @throws LoadException if loading fails otherwise
     */
    public Cni loadedClient(boolean tolerateNoConfig) throws LoadException {
        Cni cni = clients.create(global);
        try {
            List<LoadOption> options = new ArrayList<>();
            if (global.loopback()) {
                options.add(LoadOption.loopback());
            }
            options.add(global.allConf() ? LoadOption.allConf() : LoadOption.defaultConf());
            try {
                cni.load(options.toArray(LoadOption[]::new));
            } catch (LoadException e) {
                if (!tolerateNoConfig || !(e.getCause() instanceof NotInitializedException)) {
                    throw e;
                }
                err.println("cni4j: note: " + e.getCause().getMessage() + "; going on with the result cache");
                err.flush();
            }
            return cni;
        } catch (LoadException | RuntimeException e) {
            cni.close();
            throw e;
        }
    }

    /**
     * The executor provider for commands that need one directly (netns, demo): the one
     * {@code --executor} names, else the default selection.
     *
     * @return the provider, available
     * @throws IllegalStateException if it is missing or unavailable, naming the providers found
     */
    public ExecutorProvider provider() {
        return providers.apply(global.executor().orElse(null));
    }

    /** @return the timeout given, or the default */
    public Duration timeout() {
        return global.timeout().orElse(DEFAULT_TIMEOUT);
    }

    /** @return whether the output is JSON */
    public boolean json() {
        return global.output() == OutputFormat.JSON;
    }

    /**
     * Prints a value: the JSON tree with {@code --output json}, else the table text.
     *
     * @param json the JSON form
     * @param table the table form, ending in a newline
     */
    public void print(JsonNode json, String table) {
        if (json()) {
            out.println(ToolJson.pretty(json));
        } else {
            out.print(table);
        }
        out.flush();
    }

    /**
     * Confirms a command that returns nothing: a line with {@code --output table}, nothing with
     * JSON (the exit status says it).
     *
     * @param line the confirmation
     */
    public void confirm(String line) {
        if (!json()) {
            out.println(line);
            out.flush();
        }
    }
}
