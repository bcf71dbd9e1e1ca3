package io.cni4j.testkit;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.NetnsException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A minimal ProcessBuilder executor that exists only to prove that the TCK can be passed by a real
 * provider (the project's executors live in their own modules). Not a model of style or speed.
 */
final class ReferenceProcessProvider implements ExecutorProvider {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public PluginExecutor executor() {
        return ReferenceProcessProvider::run;
    }

    @Override
    public NetnsManager netnsManager(Path directory) {
        return new NetnsManager() {
            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public Path create(String name) throws NetnsException {
                Path path = directory.resolve(name);
                try {
                    Files.createDirectories(directory);
                    Files.createFile(path);
                } catch (IOException e) {
                    throw new NetnsException("cannot create " + path + ": " + e, e);
                }
                if (command("unshare", "--net=" + path, "true") != 0) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException ignored) {
                        // best effort
                    }
                    throw new NetnsException("unshare failed for " + path);
                }
                return path;
            }

            @Override
            public void remove(Path path) throws NetnsException {
                if (!Files.exists(path)) {
                    return;
                }
                command("umount", path.toString());
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new NetnsException("cannot delete " + path + ": " + e, e);
                }
            }

            @Override
            public boolean isNetns(Path path) {
                try {
                    Process p = new ProcessBuilder("stat", "-L", "-f", "-c", "%T", path.toString())
                            .redirectErrorStream(true).start();
                    String type = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    return p.waitFor() == 0 && type.equals("nsfs");
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }
        };
    }

    private static int command(String... argv) {
        try {
            return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static ExecResult run(ExecRequest request) throws PluginExecutionException, CniTimeoutException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(request.executable().toString());
        Map<String, String> env = builder.environment();
        env.clear();
        for (String entry : request.environment()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // JDK 17 says "error=26, Text file busy", JDK 25 "Exec failed, error: 26 (Text file busy)"
            String message = String.valueOf(e.getMessage());
            boolean busy = message.contains("error=26") || message.contains("error: 26");
            throw new PluginExecutionException(busy ? PluginExecutionException.Reason.TEXT_FILE_BUSY
                    : PluginExecutionException.Reason.START_FAILED,
                    "cannot start " + request.executable() + ": " + e.getMessage(), e);
        }
        AtomicBoolean overflow = new AtomicBoolean();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Thread> io = List.of(
                start(() -> write(process.getOutputStream(), request.stdin())),
                start(() -> read(process, process.getInputStream(), out, request.maxOutputBytes(), overflow)),
                start(() -> read(process, process.getErrorStream(), err, request.maxOutputBytes(), overflow)));
        try {
            if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new CniTimeoutException("plugin " + request.executable() + " ran past " + request.timeout());
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        for (Thread t : io) {
            t.join();
        }
        if (overflow.get()) {
            throw new PluginExecutionException(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED,
                    "plugin " + request.executable() + " wrote more than " + request.maxOutputBytes() + " bytes", null);
        }
        return new ExecResult(process.exitValue(), 0, out.toByteArray(), err.toByteArray());
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task, "reference-executor-io");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        while (true) {
            try {
                process.waitFor();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(OutputStream stdin, byte[] bytes) {
        try (stdin) {
            stdin.write(bytes);
        } catch (IOException e) {
            // the plugin did not read it all
        }
    }

    private static void read(Process process, InputStream in, ByteArrayOutputStream sink, long max, AtomicBoolean overflow) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (sink) {
                    if (sink.size() + n > max) {
                        overflow.set(true);
                        kill(process);
                        return;
                    }
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // closed by kill
        }
    }
}
