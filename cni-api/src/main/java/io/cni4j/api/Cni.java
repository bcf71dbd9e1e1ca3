package io.cni4j.api;

import io.cni4j.api.spi.ExecutorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A CNI client: gives network namespaces their network through CNI plugins, as containerd's
 * go-cni does, with libcni's engine underneath.
 *
 * <p>Get one from {@code io.cni4j.core.Cni4j.newBuilder()}. A client is thread-safe: {@link #load}
 * may run while other threads set up containers (it waits for them and they for it); operations on
 * one container id never overlap; operations on different containers run in parallel; {@link #gc}
 * runs alone.
 *
 * <p>Blocking methods throw {@link CniException} subtypes and {@link InterruptedException} (the
 * running plugin is killed first). Each has an {@code ...Async} twin whose future completes
 * exceptionally with the same exception types; cancelling the future kills the running plugin.
 *
 * <pre>{@code
 * try (Cni cni = Cni4j.newBuilder().pluginDirs(List.of(Path.of("/usr/lib/cni"))).build()) {
 *     cni.load(LoadOption.loopback(), LoadOption.defaultConf());
 *     Result result = cni.setup("c1", "/run/netns/c1", portMappings(List.of(PortMapping.tcp(8080, 80))));
 *     cni.check("c1", "/run/netns/c1");
 *     cni.remove("c1", "/run/netns/c1");
 * }
 * }</pre>
 *
 * <p>Where go-cni leaks or hides errors, cni4j by default does better: a failed setup removes what it
 * attached; remove works from the result cache even when the network is no longer loaded, tries every
 * network and reports every failure; check skips networks whose version cannot CHECK; every call has
 * a timeout; "text file busy" retries end in an error. {@link Builder} has switches for go-cni's
 * behaviour where it matters.
 */
public interface Cni extends AutoCloseable {

    /**
     * Replaces the loaded networks with those the options give, applied in order (go-cni's
     * {@code Load}). On failure the networks added by earlier options stay loaded, as in go-cni.
     *
     * @param options the network sources
     * @throws LoadException if an option fails; its cause is the option's failure
     */
    void load(LoadOption... options) throws LoadException;

    /**
     * Attaches the container to every loaded network, networks in parallel (go-cni's {@code Setup}).
     *
     * @param containerId the container id
     * @param netnsPath the path of the container's network namespace
     * @param options per-call options
     * @return the merged result
     * @throws CniException if fewer networks than the minimum are loaded, an argument is invalid, or a
     *     plugin fails (after the networks already attached were removed, unless rollback is off)
     * @throws InterruptedException if interrupted; running plugins are killed
     */
    Result setup(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException;

    /**
     * Attaches the container to every loaded network, one network after another in load order
     * (go-cni's {@code SetupSerially}); the spec-compliant path for plugins that depend on each other.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @return the merged result
     * @throws CniException as for {@link #setup}
     * @throws InterruptedException if interrupted
     */
    Result setupSerially(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException;

    /**
     * Detaches the container from every network: the loaded ones, and those only the result cache
     * still knows for this container (using the configuration cached at ADD). Every network is tried;
     * the first failure is thrown with the others suppressed. When the call gives no capabilities or
     * args, each network's DEL gets those recorded at ADD (plugins such as portmap need them to clean
     * up). A plugin error whose own message says "not found" is ignored, as in go-cni.
     *
     * @param containerId the container id
     * @param netnsPath the netns path, may be empty if the namespace is gone
     * @param options per-call options
     * @throws CniException if a network could not be removed
     * @throws InterruptedException if interrupted
     */
    void remove(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException;

    /**
     * Checks the container's networking with CHECK on every loaded network whose version supports it
     * (0.4.0 and later); other networks are skipped unless the client is strict.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @throws CniException if a plugin reports a problem
     * @throws InterruptedException if interrupted
     */
    void check(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException;

    /**
     * Asks every loaded network of version 1.1.0 or later whether it is ready (STATUS), with the
     * client's timeout.
     *
     * @throws CniException if not initialized or a plugin is not ready (code 50 or 51)
     * @throws InterruptedException if interrupted
     */
    void status() throws CniException, InterruptedException;

    /**
     * {@link #status()} with an explicit timeout.
     *
     * @param timeout a positive timeout for the whole call
     * @throws CniException if not initialized, not ready, or timed out
     * @throws InterruptedException if interrupted
     */
    void status(Duration timeout) throws CniException, InterruptedException;

    /**
     * Garbage-collects (CNI 1.1 GC): removes every cached attachment of a loaded network that is not
     * in {@code validAttachments}, then sends GC to the plugins of 1.1.0 networks. Runs alone: no setup,
     * remove or check overlaps it. Every failure is collected.
     *
     * @param validAttachments the attachments still in use
     * @throws CniException the first failure, with the others suppressed
     * @throws InterruptedException if interrupted
     */
    void gc(Collection<GcAttachment> validAttachments) throws CniException, InterruptedException;

    /**
     * Lists the attachments in the result cache, sorted by file name.
     *
     * @param containerId only this container's, or empty for all
     * @return the attachments
     * @throws CniException if the cache directory cannot be read
     */
    List<CachedAttachment> attachments(String containerId) throws CniException;

    /**
     * Validates one loaded network against its plugins (libcni's {@code ValidateNetworkList}): each
     * plugin must be installed and must support the network's version according to its VERSION answer.
     *
     * @param networkName the network's name
     * @return the capabilities its plugins declare, without duplicates
     * @throws NetworkNotFoundException if no loaded network has that name
     * @throws CniException the first plugin that is missing or does not support the version, with the
     *     others suppressed
     * @throws InterruptedException if interrupted
     */
    List<String> validate(String networkName) throws CniException, InterruptedException;

    /**
     * Asks a plugin which spec versions it supports (libcni's {@code GetVersionInfo}): the plugin is
     * looked up in the plugin directories and run with {@code CNI_COMMAND=VERSION}; a plugin too old
     * to know VERSION supports 0.1.0 only.
     *
     * @param pluginType the plugin's type, e.g. {@code bridge}
     * @return the plugin's answer
     * @throws CniException if the plugin is not found, fails, or answers something undecodable
     * @throws InterruptedException if interrupted
     */
    VersionInfo versionInfo(String pluginType) throws CniException, InterruptedException;

    /**
     * A snapshot of the settings and loaded networks (go-cni's {@code GetConfig}).
     *
     * @return the snapshot
     */
    CniConfig config();

    /**
     * {@link #setup} without blocking.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @return the future result
     */
    CompletableFuture<Result> setupAsync(String containerId, String netnsPath, NamespaceOption... options);

    /**
     * {@link #setupSerially} without blocking.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @return the future result
     */
    CompletableFuture<Result> setupSeriallyAsync(String containerId, String netnsPath, NamespaceOption... options);

    /**
     * {@link #remove} without blocking.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @return the future
     */
    CompletableFuture<Void> removeAsync(String containerId, String netnsPath, NamespaceOption... options);

    /**
     * {@link #check} without blocking.
     *
     * @param containerId the container id
     * @param netnsPath the netns path
     * @param options per-call options
     * @return the future
     */
    CompletableFuture<Void> checkAsync(String containerId, String netnsPath, NamespaceOption... options);

    /**
     * {@link #status()} without blocking.
     *
     * @return the future
     */
    CompletableFuture<Void> statusAsync();

    /**
     * {@link #gc} without blocking.
     *
     * @param validAttachments the attachments still in use
     * @return the future
     */
    CompletableFuture<Void> gcAsync(Collection<GcAttachment> validAttachments);

    /**
     * Releases the client's threads. Running calls finish; new calls fail. Idempotent.
     */
    @Override
    void close();

    /**
     * Configures a {@link Cni}. Builders are not thread-safe; each setter returns the same builder.
     */
    interface Builder {

        /**
         * Where plugin executables are looked up, in order.
         * Default: {@code [/opt/cni/bin]}.
         *
         * @param dirs absolute directories, at least one
         * @return this builder
         */
        Builder pluginDirs(List<Path> dirs);

        /**
         * The configuration directory that {@link LoadOption#defaultConf()} and
         * {@link LoadOption#allConf()} read. Default: {@code /etc/cni/net.d}.
         *
         * @param dir the directory
         * @return this builder
         */
        Builder confDir(Path dir);

        /**
         * The result cache directory ({@code <dir>/results/...}). Default: {@code /var/lib/cni}.
         *
         * @param dir the directory
         * @return this builder
         */
        Builder cacheDir(Path dir);

        /**
         * How many files {@link LoadOption#defaultConf()} loads; 0 or less loads all. Default: 1.
         *
         * @param max the number of files
         * @return this builder
         */
        Builder maxConfNum(int max);

        /**
         * How many networks must be loaded before operations run. Default: 1.
         *
         * @param count the minimum
         * @return this builder
         */
        Builder minNetworkCount(int count);

        /**
         * The interface name prefix, followed by a number. Default: {@code eth}.
         *
         * @param prefix the prefix
         * @return this builder
         */
        Builder interfacePrefix(String prefix);

        /**
         * Selects the executor provider by name. Default: the system property
         * {@code io.cni4j.executor}, else the available provider with the highest priority.
         *
         * @param name the provider name, e.g. {@code process} or {@code jna}
         * @return this builder
         */
        Builder executor(String name);

        /**
         * Uses this provider instance instead of discovering one (for tests and custom executors).
         * Default: discovery as for {@link #executor(String)}.
         *
         * @param provider the provider
         * @return this builder
         */
        Builder executorProvider(ExecutorProvider provider);

        /**
         * The default timeout of every call, including status. Default: 60 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        Builder timeout(Duration timeout);

        /**
         * The executor that runs async calls and parallel setups. Default: a pool of daemon platform
         * threads owned by the client and shut down by {@link Cni#close()}.
         *
         * @param executor the executor
         * @return this builder
         */
        Builder asyncExecutor(Executor executor);

        /**
         * Whether a failed setup removes the networks it attached before throwing. Default:
         * {@code true}; {@code false} keeps go-cni's behaviour (leave them for the caller's remove).
         *
         * @param rollback whether to roll back
         * @return this builder
         */
        Builder rollbackOnFailure(boolean rollback);

        /**
         * Whether check fails on networks whose version cannot CHECK, as go-cni does. Default:
         * {@code false} (they are skipped).
         *
         * @param strict whether to be strict
         * @return this builder
         */
        Builder strictCheck(boolean strict);

        /**
         * The most bytes a plugin may write to stdout, and separately to stderr, before it is killed.
         * Default: 16 MiB.
         *
         * @param bytes a positive limit
         * @return this builder
         */
        Builder maxOutputBytes(long bytes);

        /**
         * Which variables of this process's environment the plugins inherit. Default ({@code null}):
         * all of them, as libcni passes {@code os.Environ()}. With a set, only the variables it names
         * that are set in this process are passed, so that secrets in the runtime's environment never
         * reach a plugin. Either way cni4j sets the six {@code CNI_*} variables (COMMAND, CONTAINERID,
         * NETNS, ARGS, IFNAME, PATH) itself, replacing inherited ones. Most plugins run other programs
         * ({@code iptables}, {@code ip}) and need at least {@code PATH}:
         * {@code inheritEnvironment(Set.of("PATH"))}.
         *
         * @param names the variable names to pass on, or {@code null} to pass the whole environment
         * @return this builder
         */
        Builder inheritEnvironment(java.util.Set<String> names);

        /**
         * Builds the client.
         *
         * @return a new client
         * @throws IllegalStateException if no usable executor provider is found
         */
        Cni build();
    }
}
