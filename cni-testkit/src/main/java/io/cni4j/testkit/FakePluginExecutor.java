package io.cni4j.testkit;

import io.cni4j.api.CniError;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PluginExecutor} whose plugins are {@link FakePlugin} objects: no process is started, no
 * root is needed, and every run is recorded in {@link #recorder()}.
 *
 * <p>The plugin is chosen by the file name of {@link ExecRequest#executable()}; the directory is
 * ignored. The engine still looks plugins up in its plugin directories before it runs them, so put
 * placeholder files there with {@link #installPlaceholders(Path)}.
 *
 * <p>It keeps the executor contract where it applies to Java objects: an unregistered type fails to
 * start ({@link PluginExecutionException.Reason#START_FAILED}, naming the path); output over
 * {@link ExecRequest#maxOutputBytes()} fails with
 * {@link PluginExecutionException.Reason#OUTPUT_LIMIT_EXCEEDED}; a run that ends past its deadline
 * fails with {@link CniTimeoutException}; an interrupted caller gets {@link InterruptedException}. A
 * {@link PluginExecutionException} that the plugin throws (e.g. {@link FakePlugins#busy}) reaches the
 * caller unchanged, as a real executor's failed start does.
 * An unknown {@code CNI_COMMAND} is answered, as the reference plugins do, with error code 4.
 */
public final class FakePluginExecutor implements PluginExecutor {

    /** The verbs by their {@code CNI_COMMAND} names. */
    private static final Map<String, Verb> VERBS = verbsByName();

    private final Map<String, FakePlugin> plugins = new ConcurrentHashMap<>();
    private final InvocationRecorder recorder;

    /** Creates an executor with no plugins and a new recorder. */
    public FakePluginExecutor() {
        this(new InvocationRecorder());
    }

    /**
     * Creates an executor with no plugins that records into an existing recorder.
     *
     * @param recorder the recorder
     */
    public FakePluginExecutor(InvocationRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Registers (or replaces) the plugin for a type.
     *
     * @param type the plugin type, i.e. the executable's file name, e.g. {@code bridge}
     * @param plugin the plugin
     * @return this executor
     * @throws IllegalArgumentException if {@code type} is empty or contains a {@code /}
     */
    public FakePluginExecutor register(String type, FakePlugin plugin) {
        Objects.requireNonNull(type, "type");
        if (type.isEmpty() || type.contains("/") || type.equals(".") || type.equals("..")) {
            throw new IllegalArgumentException("invalid plugin type \"" + type + "\"");
        }
        plugins.put(type, Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    /** @return the registered plugin types, sorted */
    public Set<String> registeredTypes() {
        return new TreeSet<>(plugins.keySet());
    }

    /** @return the recorder of every run */
    public InvocationRecorder recorder() {
        return recorder;
    }

    /**
     * Creates an empty executable file (mode 0755) named after each registered type in a plugin
     * directory, so that the engine's plugin lookup finds them. Existing files are left alone.
     *
     * @param pluginDir the directory; created if missing
     * @return the placeholder paths, sorted by type
     * @throws IOException if a file cannot be created
     */
    public List<Path> installPlaceholders(Path pluginDir) throws IOException {
        Files.createDirectories(pluginDir);
        List<Path> paths = new ArrayList<>();
        for (String type : registeredTypes()) {
            Path file = pluginDir.resolve(type);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (FileAlreadyExistsException e) {
                // keep what is there
            }
            paths.add(file);
        }
        return paths;
    }

    /**
     * Runs the plugin registered for the executable's file name and records the run.
     *
     * @param request what to run
     * @return the plugin's exit status, signal and output
     * @throws PluginExecutionException if no plugin is registered for the name, the output is too
     *     large, or the plugin threw one (rethrown unchanged)
     * @throws CniTimeoutException if the plugin ran past the request's timeout
     * @throws InterruptedException if the calling thread was interrupted
     */
    @Override
    public ExecResult run(ExecRequest request) throws PluginExecutionException, CniTimeoutException, InterruptedException {
        Instant start = Instant.now();
        Path executable = request.executable();
        String type = executable.getFileName() == null ? "" : executable.getFileName().toString();
        RunInput input = new RunInput(request.environment(), request.stdin());
        String command = Objects.requireNonNullElse(input.env("CNI_COMMAND"), "");
        Verb verb = verb(command);
        PluginReply reply = null;
        Throwable failure = null;
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before fake plugin " + executable + " started");
            }
            FakePlugin plugin = plugins.get(type);
            if (plugin == null) {
                throw new PluginExecutionException(PluginExecutionException.Reason.START_FAILED,
                        "cannot start " + executable + ": no fake plugin is registered for type \"" + type
                                + "\" (registered: " + registeredTypes() + ")", null);
            }
            Instant deadline = deadline(start, request);
            PluginCall call = new PluginCall(type, executable, verb, input, request.timeout(), deadline);
            if (verb == null) {
                reply = PluginReply.error("", CniError.INVALID_ENVIRONMENT_VARIABLES, "unknown CNI_COMMAND: " + command, "");
            } else {
                reply = verb == Verb.VERSION ? plugin.version(call) : plugin.handle(call);
                if (reply == null) {
                    throw new IllegalStateException("fake plugin \"" + type + "\" returned no reply for " + verb);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw call.timeout();
            }
            checkSize(executable, "stdout", reply.stdout().length, request.maxOutputBytes());
            checkSize(executable, "stderr", reply.stderr().length, request.maxOutputBytes());
            return new ExecResult(reply.exitCode(), reply.signal(), reply.stdout(), reply.stderr());
        } catch (PluginExecutionException | CniTimeoutException | InterruptedException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            recorder.record(new RecordedInvocation(type, executable, command, verb, input, request.timeout(),
                    request.maxOutputBytes(), reply, failure, Thread.currentThread().getName(), start, Instant.now()));
        }
    }

    private static Instant deadline(Instant start, ExecRequest request) {
        try {
            return start.plus(request.timeout());
        } catch (DateTimeException | ArithmeticException e) {
            return request.timeout().isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    private static void checkSize(Path executable, String stream, int size, long max) throws PluginExecutionException {
        if (size > max) {
            throw new PluginExecutionException(PluginExecutionException.Reason.OUTPUT_LIMIT_EXCEEDED,
                    "fake plugin " + executable + " wrote " + size + " bytes on " + stream + ", more than the limit of "
                            + max, null);
        }
    }

    private static Map<String, Verb> verbsByName() {
        Map<String, Verb> verbs = new java.util.HashMap<>();
        for (Verb v : Verb.values()) {
            verbs.put(v.name(), v);
        }
        return Map.copyOf(verbs);
    }

    private static Verb verb(String command) {
        return VERBS.get(command);
    }
}
