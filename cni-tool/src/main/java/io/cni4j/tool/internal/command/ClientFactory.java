package io.cni4j.tool.internal.command;

import io.cni4j.api.Cni;
import io.cni4j.tool.internal.cli.GlobalOptions;

/**
 * Makes the {@link Cni} client a command uses. The tool uses the engine's builder
 * ({@link io.cni4j.tool.internal.Tool#engineClients}); tests give a fake client to check what commands
 * print and how they fail, or the engine's builder with a fake executor provider.
 */
@FunctionalInterface
public interface ClientFactory {

    /**
     * Builds a client for the global options (nothing loaded yet).
     *
     * @param options the global options
     * @return a new client, closed by the caller
     */
    Cni create(GlobalOptions options);
}
