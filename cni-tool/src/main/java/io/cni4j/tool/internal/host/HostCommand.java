package io.cni4j.tool.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a host program the demo and the bench need ({@code ip}, {@code nsenter}, {@code apt-get}) and
 * collects its output. Each run gets its own reader threads; nothing is pooled.
 */
public final class HostCommand {

    /**
     * How a run ended.
     *
     * @param exitCode the exit status
     * @param stdout what it printed on stdout
     * @param stderr what it printed on stderr
     */
    public record Output(int exitCode, String stdout, String stderr) {

        /** @return whether it exited with 0 */
        public boolean ok() {
            return exitCode == 0;
        }

        /** @return stderr, else stdout, trimmed: what to quote when it failed */
        public String diagnostic() {
            return (stderr.isBlank() ? stdout : stderr).strip();
        }
    }

    private HostCommand() {
    }

    /**
     * Runs a command to completion.
     *
     * @param timeout how long it may take; past it, it is killed
     * @param command the program and its arguments
     * @return its exit status and output
     * @throws IOException if it cannot be started, or ran past the timeout
     * @throws InterruptedException if interrupted (it is killed)
     */
    public static Output run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("reading the output of " + command.get(0) + " failed", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Finds a program in the PATH directories, then in the sbin and bin directories (which a
     * non-login root shell may lack on its PATH).
     *
     * @param program its name
     * @return its absolute path, if found
     */
    public static Optional<String> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program)) && !Files.isDirectory(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program).toAbsolutePath().toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a stream to its end on a new thread.
     *
     * @param in the stream
     * @return the text read
     */
    public static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (in) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        }, "cni4j-host-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }
}
