package io.cni4j.api.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One plugin run: the executable, its stdin, its complete environment and its limits. The executor
 * starts {@code executable} with no arguments and exactly this environment (the engine has already
 * merged the parent environment with the {@code CNI_*} variables).
 *
 * @param executable the absolute path of the plugin executable
 * @param stdin the bytes to write to the plugin's stdin, after which stdin is closed
 * @param environment the environment as {@code NAME=value} entries, in order
 * @param timeout how long the run may take in all; past it the plugin is killed
 * @param maxOutputBytes the most bytes accepted on stdout, and separately on stderr
 */
public record ExecRequest(Path executable, byte[] stdin, List<String> environment, Duration timeout,
                          long maxOutputBytes) {

    /**
     * Validates and copies the components.
     *
     * @param executable the executable
     * @param stdin the stdin bytes
     * @param environment the environment
     * @param timeout the timeout
     * @param maxOutputBytes the output limit
     */
    public ExecRequest {
        Objects.requireNonNull(executable, "executable");
        stdin = Objects.requireNonNull(stdin, "stdin").clone();
        environment = List.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive: " + maxOutputBytes);
        }
    }

    /** @return a copy of the stdin bytes */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }
}
