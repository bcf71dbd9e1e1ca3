package io.cni4j.core.internal.invoke;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PluginExecutionException.Reason;
import io.cni4j.api.Verb;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import io.cni4j.core.internal.log.Redaction;
import io.cni4j.core.internal.version.SpecVersion;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs CNI plugins through a {@link PluginExecutor} with libcni's {@code pkg/invoke} behaviour,
 * the same for every executor:
 * <ul>
 *   <li>lookup as libcni's {@code FindInPath} in the plugin directories; a plugin directory or plugin
 *       that every user may write is warned about once (see {@link PluginPathAudit});</li>
 *   <li>the environment is the parent's (what the environment supplier gives when the invoker is
 *       built: {@link System#getenv()} unless the client restricts it; a JVM's environment never
 *       changes, so it is read once) plus {@code CNI_COMMAND}, {@code CNI_CONTAINERID},
 *       {@code CNI_NETNS}, {@code CNI_ARGS}, {@code CNI_IFNAME} and {@code CNI_PATH} (the plugin
 *       directories joined with {@code :}); these six replace inherited values of the same names;</li>
 *   <li>"text file busy" at start is retried: {@value #BUSY_ATTEMPTS} attempts one second apart.
 *       <b>Deviation from libcni</b>, which returns empty output and no error when every attempt is
 *       busy: here that ends in a {@link PluginExecutionException} with reason
 *       {@link Reason#TEXT_FILE_BUSY};</li>
 *   <li>a run that exits non-zero becomes a {@link PluginErrorException} by libcni's rules (see
 *       {@link PluginErrors}); stderr of a successful run is logged at DEBUG, never printed, with
 *       the request's capability values masked (see {@link io.cni4j.core.internal.log.Redaction});</li>
 *   <li>the timeout bounds the whole call, retries included.</li>
 * </ul>
 * Thread-safe; one invoker serves a client.
 */
public final class PluginInvoker {

    /** How often a busy executable is tried, as libcni. */
    public static final int BUSY_ATTEMPTS = 6;

    /** The pause between busy attempts, as libcni. */
    public static final Duration BUSY_DELAY = Duration.ofSeconds(1);

    /** The default bound on stdout, and separately stderr: 16 MiB. */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L * 1024 * 1024;

    /** The message by which a plugin from before VERSION existed is recognised. */
    static final String UNKNOWN_VERSION_COMMAND = "unknown CNI_COMMAND: VERSION";

    private static final byte[] VERSION_STDIN =
            ("{\"cniVersion\":\"" + SpecVersion.CURRENT + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final String DUMMY = "dummy";
    private static final Set<String> CNI_VARIABLES =
            Set.of("CNI_COMMAND", "CNI_CONTAINERID", "CNI_NETNS", "CNI_ARGS", "CNI_IFNAME", "CNI_PATH");
    private static final System.Logger LOG = System.getLogger(PluginInvoker.class.getName());

    /** Pauses between busy attempts; replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Sleeps.
         *
         * @param duration how long
         * @throws InterruptedException if interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Sleeps for real. */
    public static final Sleeper REAL_SLEEPER = d -> Thread.sleep(d.toMillis());

    private final PluginExecutor executor;
    private final List<Path> pluginDirs;
    private final long maxOutputBytes;
    private final List<String> inheritedEnvironment;
    private final String cniPath;
    private final Sleeper sleeper;
    private final PluginPathAudit audit = new PluginPathAudit();

    /**
     * An invoker that inherits {@link System#getenv()} and sleeps for real.
     *
     * @param executor runs the plugins
     * @param pluginDirs where plugins are looked up, in order
     * @param maxOutputBytes the bound on stdout and on stderr
     */
    public PluginInvoker(PluginExecutor executor, List<Path> pluginDirs, long maxOutputBytes) {
        this(executor, pluginDirs, maxOutputBytes, System::getenv, REAL_SLEEPER);
    }

    /**
     * An invoker with its environment source and sleeper given (for tests).
     *
     * @param executor runs the plugins
     * @param pluginDirs where plugins are looked up, in order
     * @param maxOutputBytes the bound on stdout and on stderr
     * @param parentEnvironment the environment plugins inherit, asked once, here
     * @param sleeper pauses between busy attempts
     */
    public PluginInvoker(PluginExecutor executor, List<Path> pluginDirs, long maxOutputBytes,
                         Supplier<Map<String, String>> parentEnvironment, Sleeper sleeper) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pluginDirs = List.copyOf(pluginDirs);
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive: " + maxOutputBytes);
        }
        this.maxOutputBytes = maxOutputBytes;
        this.inheritedEnvironment = inherited(Objects.requireNonNull(parentEnvironment, "parentEnvironment").get());
        this.cniPath = this.pluginDirs.stream().map(Path::toString).collect(Collectors.joining(":"));
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** @return the plugin directories, in lookup order */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }

    /**
     * Runs one plugin command and returns its stdout (the engine parses it).
     *
     * @param pluginType the plugin's {@code type}, looked up in the plugin directories
     * @param verb the command
     * @param stdin the request config
     * @param args the attachment values for the environment ({@link InvocationArgs#NONE} for GC and STATUS)
     * @param timeout the time the whole call may take
     * @param network the network name for messages, or {@code null}/empty
     * @return the plugin's stdout
     * @throws PluginExecutionException if the plugin is not found, cannot be started, stays busy, or
     *     floods its output
     * @throws PluginErrorException if the plugin exits non-zero
     * @throws CniTimeoutException if the call takes longer than {@code timeout}
     * @throws InterruptedException if the calling thread is interrupted
     */
    public byte[] exec(String pluginType, Verb verb, byte[] stdin, InvocationArgs args, Duration timeout, String network)
            throws PluginExecutionException, PluginErrorException, CniTimeoutException, InterruptedException {
        Objects.requireNonNull(args, "args");
        List<String> env = environment(verb, args.containerId(), args.netns(), args.cniArgs(), args.ifName(), cniPath());
        return run(pluginType, verb, stdin, env, timeout, network);
    }

    /**
     * Asks a plugin which spec versions it supports, as libcni's {@code GetVersionInfo}: dummy
     * {@code CNI_NETNS}, {@code CNI_IFNAME} and {@code CNI_PATH}, stdin {@code {"cniVersion":"1.1.0"}};
     * a plugin that fails with {@code unknown CNI_COMMAND: VERSION} supports only {@code 0.1.0}.
     *
     * @param pluginType the plugin's {@code type}
     * @param timeout the time the call may take
     * @return what the plugin supports
     * @throws InvalidResultException if the answer cannot be decoded (libcni's
     *     {@code decoding version info: ...} messages)
     * @throws PluginExecutionException as for {@link #exec}
     * @throws PluginErrorException if the plugin fails otherwise
     * @throws CniTimeoutException if the call takes longer than {@code timeout}
     * @throws InterruptedException if the calling thread is interrupted
     */
    public PluginVersionInfo version(String pluginType, Duration timeout) throws InvalidResultException,
            PluginExecutionException, PluginErrorException, CniTimeoutException, InterruptedException {
        List<String> env = environment(Verb.VERSION, "", DUMMY, "", DUMMY, DUMMY);
        byte[] stdout;
        try {
            stdout = run(pluginType, Verb.VERSION, VERSION_STDIN, env, timeout, null);
        } catch (PluginErrorException e) {
            if (e.error().message().equals(UNKNOWN_VERSION_COMMAND)) {
                return PluginVersionInfo.PRE_VERSION;
            }
            throw e;
        }
        try {
            return PluginVersionInfo.decode(stdout);
        } catch (GoDecoding.Failure e) {
            throw new InvalidResultException(context(pluginType, Verb.VERSION, null) + e.getMessage(), e);
        }
    }

    /**
     * Finds a plugin as {@link #exec} does.
     *
     * @param pluginType the plugin's {@code type}
     * @return the absolute path of its executable
     * @throws PluginExecutionException with reason {@code NOT_FOUND} and libcni's message
     */
    public Path find(String pluginType) throws PluginExecutionException {
        return PluginLookup.find(pluginType, pluginDirs);
    }

    /**
     * The environment of one plugin run: the parent's without the six {@code CNI_*} names, then the
     * six in libcni's order.
     */
    List<String> environment(Verb verb, String containerId, String netns, String cniArgs, String ifName, String path) {
        List<String> env = new ArrayList<>(inheritedEnvironment.size() + CNI_VARIABLES.size());
        env.addAll(inheritedEnvironment);
        env.add("CNI_COMMAND=" + verb.name());
        env.add("CNI_CONTAINERID=" + containerId);
        env.add("CNI_NETNS=" + netns);
        env.add("CNI_ARGS=" + cniArgs);
        env.add("CNI_IFNAME=" + ifName);
        env.add("CNI_PATH=" + path);
        return env;
    }

    private String cniPath() {
        return cniPath;
    }

    /** The parent's environment as {@code NAME=value} entries, without the six {@code CNI_*} names. */
    private static List<String> inherited(Map<String, String> parent) {
        List<String> env = new ArrayList<>();
        parent.forEach((name, value) -> {
            if (!CNI_VARIABLES.contains(name)) {
                env.add(name + "=" + value);
            }
        });
        return List.copyOf(env);
    }

    private byte[] run(String pluginType, Verb verb, byte[] stdin, List<String> env, Duration timeout, String network)
            throws PluginExecutionException, PluginErrorException, CniTimeoutException, InterruptedException {
        Path executable;
        try {
            executable = PluginLookup.find(pluginType, pluginDirs);
        } catch (PluginExecutionException e) {
            audit.check(pluginDirs, null);
            throw new PluginExecutionException(e.reason(), context(pluginType, verb, network) + e.getMessage(), e);
        }
        audit.check(pluginDirs, executable);
        ExecResult result = runRetryingBusy(executable, pluginType, verb, stdin, env, timeout, network);
        if (!result.succeeded()) {
            throw new PluginErrorException(PluginErrors.of(result), pluginType, verb, network, null);
        }
        if (result.stderr().length > 0) {
            // A plugin may echo its stdin, runtimeConfig and all: capability values are masked.
            LOG.log(Level.DEBUG, () -> context(pluginType, verb, network).replace(" failed ", " ")
                    + "stderr: " + Redaction.ofRequest(stdin).apply(result.stderrText().strip()));
        }
        return result.stdout();
    }

    private ExecResult runRetryingBusy(Path executable, String pluginType, Verb verb, byte[] stdin, List<String> env,
                                       Duration timeout, String network)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        long start = System.nanoTime();
        PluginExecutionException busy = null;
        for (int attempt = 1; attempt <= BUSY_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(BUSY_DELAY);
            }
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                throw new CniTimeoutException(context(pluginType, verb, network) + "timed out after "
                        + timeout.toMillis() + " ms while " + executable + " was busy (text file busy)", busy);
            }
            try {
                return executor.run(new ExecRequest(executable, stdin, env, left, maxOutputBytes));
            } catch (PluginExecutionException e) {
                if (e.reason() != Reason.TEXT_FILE_BUSY) {
                    throw new PluginExecutionException(e.reason(), context(pluginType, verb, network) + e.getMessage(), e);
                }
                busy = e;
                int tried = attempt;
                LOG.log(Level.DEBUG, () -> executable + " is busy (text file busy), attempt " + tried + " of " + BUSY_ATTEMPTS);
            } catch (CniTimeoutException e) {
                throw new CniTimeoutException(context(pluginType, verb, network) + e.getMessage(), e);
            }
        }
        throw new PluginExecutionException(Reason.TEXT_FILE_BUSY, context(pluginType, verb, network)
                + "cannot start plugin " + executable + ": text file busy after " + BUSY_ATTEMPTS + " attempts "
                + BUSY_DELAY.toMillis() + " ms apart", busy);
    }

    /** The message prefix PluginErrorException uses too: {@code plugin type="x" network="n" failed (add): }. */
    private static String context(String pluginType, Verb verb, String network) {
        StringBuilder sb = new StringBuilder("plugin type=\"").append(pluginType).append('"');
        if (network != null && !network.isEmpty()) {
            sb.append(" network=\"").append(network).append('"');
        }
        return sb.append(" failed (").append(verb.description()).append("): ").toString();
    }
}
