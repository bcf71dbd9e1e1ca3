package io.cni4j.core.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.CniException;
import io.cni4j.api.CniResult;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.api.ResultCacheException;
import io.cni4j.api.Verb;
import io.cni4j.core.CniResults;
import io.cni4j.core.internal.cache.CacheEntry;
import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.core.internal.json.Json;
import io.cni4j.core.internal.result.ResultMerger;
import io.cni4j.core.internal.result.ResultReader;
import io.cni4j.core.internal.result.ResultWriter;
import io.cni4j.core.internal.version.SpecVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * libcni's network-list operations (§2.5–2.10): ADD with prevResult chaining and the result cache,
 * DEL in reverse with the cached result, CHECK, STATUS and GC, each gated on the list's version as
 * libcni gates it. One instance serves every network of a client; it holds no locks (the facade
 * serialises what must not overlap).
 */
public final class NetworkEngine {

    private static final System.Logger LOG = System.getLogger(NetworkEngine.class.getName());

    private final PluginRunner runner;
    private final ResultCache cache;
    private final RequestConfig requests = new RequestConfig();

    /**
     * Creates an engine.
     *
     * @param runner runs plugins
     * @param cache the result cache
     */
    public NetworkEngine(PluginRunner runner, ResultCache cache) {
        this.runner = runner;
        this.cache = cache;
    }

    /** @return the result cache */
    public ResultCache cache() {
        return cache;
    }

    /**
     * ADD (libcni's {@code AddNetworkList}): validates the arguments, runs the plugins in order, each
     * with the previous plugin's result, and caches the final result.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @param deadline the call's deadline
     * @return the last plugin's result, in its own version
     * @throws CniException on invalid arguments, a plugin failure or a cache write failure (no cache
     *     file is written when a plugin fails)
     * @throws InterruptedException if interrupted
     */
    public CniResult add(NetworkConfigList list, RuntimeConf rt, Deadline deadline)
            throws CniException, InterruptedException {
        validateAttachment(list, rt);
        CniResult result = null;
        PluginConfig last = null;
        for (PluginConfig plugin : list.plugins()) {
            JsonNode prev = result == null ? null : resultJson(result);
            byte[] stdin = requests.forAttachment(list.name(), list.cniVersion(), plugin, prev, rt);
            byte[] stdout = runner.run(plugin.type(), Verb.ADD, stdin, rt, deadline, list.name());
            try {
                result = CniResults.fromPluginOutput(list.cniVersion(), stdout);
            } catch (InvalidResultException e) {
                throw invalidResult(plugin, list, e);
            }
            last = plugin;
        }
        if (result == null) {
            throw new InvalidConfigException("network \"" + list.name() + "\" has no plugins");
        }
        try {
            // The final result is what the facade merges; a dangling interface index fails here, naming
            // the plugin that returned it, rather than later in the merge (where go-cni panics).
            ResultMerger.checkInterfaceIndexes(result);
        } catch (InvalidResultException e) {
            throw invalidResult(last, list, e);
        }
        try {
            cache.write(new CacheEntry(rt.containerId(), list.source().getBytes(StandardCharsets.UTF_8),
                    rt.ifName(), list.name(), rt.netns(), rt.args(), rt.capabilityArgs(), resultJson(result)));
        } catch (IOException e) {
            throw new ResultCacheException("failed to set network \"" + list.name() + "\" cached result in "
                    + cache.resultsDir() + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static InvalidResultException invalidResult(PluginConfig plugin, NetworkConfigList list,
                                                        InvalidResultException e) {
        return new InvalidResultException("plugin type=\"" + plugin.type() + "\" network=\"" + list.name()
                + "\" returned an invalid result (add): " + e.getMessage(), e);
    }

    /**
     * DEL (libcni's {@code DelNetworkList}): plugins in reverse order with the cached result (0.4.0 and
     * later); an unreadable cache is deleted and DEL goes on without it; the cache file is deleted after
     * success and kept after a failure so that DEL can be retried.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @param deadline the deadline
     * @throws CniException if the version does not parse or a plugin fails
     * @throws InterruptedException if interrupted
     */
    public void del(NetworkConfigList list, RuntimeConf rt, Deadline deadline)
            throws CniException, InterruptedException {
        delete(list, rt, deadline, false, null);
    }

    /**
     * DEL as {@link #del(NetworkConfigList, RuntimeConf, Deadline)}, with the attachment's cache file
     * already read (by {@link #readCached}, for the same network, container and interface), so that
     * a remove reads and parses each file once.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @param deadline the deadline
     * @param cached the attachment's cache file as read
     * @throws CniException if the version does not parse or a plugin fails
     * @throws InterruptedException if interrupted
     */
    public void del(NetworkConfigList list, RuntimeConf rt, Deadline deadline, CachedRecord cached)
            throws CniException, InterruptedException {
        delete(list, rt, deadline, false, Objects.requireNonNull(cached, "cached"));
    }

    /**
     * DEL to undo a failed ADD (cni4j's rollback, which libcni lacks): as {@link #del}, except that a
     * failing plugin does not stop the others. libcni's DEL stops at the first failure and relies on the
     * runtime to retry; a rollback has no one to retry it, so a plugin that cannot run (still busy, say)
     * must not keep the earlier plugins' resources, such as the bridge's veth and address, in place.
     * Every failure is thrown, the first with the others suppressed; the cache file is kept then.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @param deadline the deadline
     * @throws CniException if the version does not parse or any plugin fails
     * @throws InterruptedException if interrupted
     */
    public void undo(NetworkConfigList list, RuntimeConf rt, Deadline deadline)
            throws CniException, InterruptedException {
        delete(list, rt, deadline, true, null);
    }

    private void delete(NetworkConfigList list, RuntimeConf rt, Deadline deadline, boolean everyPlugin,
                        CachedRecord record) throws CniException, InterruptedException {
        validate(list, rt);
        JsonNode cached = null;
        if (atLeast(list, "0.4.0")) {
            try {
                cached = cachedResult(list, record != null ? record : readCached(list, rt)).orElse(null);
            } catch (CniException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "ignoring unusable cached result of network \""
                        + list.name() + "\" for " + rt.containerId() + ": " + e.getMessage());
                deleteCacheQuietly(list, rt);
            }
        }
        cached = forEveryPlugin(list, cached);
        List<PluginConfig> plugins = list.plugins();
        List<CniException> failures = new ArrayList<>();
        for (int i = plugins.size() - 1; i >= 0; i--) {
            PluginConfig plugin = plugins.get(i);
            byte[] stdin = requests.forAttachment(list.name(), list.cniVersion(), plugin, cached, rt);
            try {
                runner.run(plugin.type(), Verb.DEL, stdin, rt, deadline, list.name());
            } catch (CniException e) {
                if (!everyPlugin) {
                    throw e;
                }
                failures.add(e);
            }
        }
        throwAll(failures);
        deleteCacheQuietly(list, rt);
    }

    /**
     * CHECK (libcni's {@code CheckNetworkList}): refused below 0.4.0; a no-op with
     * {@code disableCheck}; otherwise every plugin in order with the same cached result.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @param deadline the deadline
     * @throws CniException if the version cannot CHECK, the cache is unusable, or a plugin fails
     * @throws InterruptedException if interrupted
     */
    public void check(NetworkConfigList list, RuntimeConf rt, Deadline deadline)
            throws CniException, InterruptedException {
        if (!supportsCheck(list)) {
            throw new InvalidConfigException("configuration version \"" + list.cniVersion()
                    + "\" does not support the CHECK command (network \"" + list.name() + "\")");
        }
        if (list.disableCheck()) {
            return;
        }
        validate(list, rt);
        JsonNode cached;
        try {
            cached = cachedResult(list, rt).orElse(null);
        } catch (CniException e) {
            throw new ResultCacheException("failed to get network \"" + list.name() + "\" cached result: "
                    + e.getMessage(), e);
        }
        cached = forEveryPlugin(list, cached);
        for (PluginConfig plugin : list.plugins()) {
            byte[] stdin = requests.forAttachment(list.name(), list.cniVersion(), plugin, cached, rt);
            runner.run(plugin.type(), Verb.CHECK, stdin, rt, deadline, list.name());
        }
    }

    /**
     * Tells whether a network's version can CHECK (0.4.0 and later).
     *
     * @param list the network
     * @return {@code true} if CHECK is supported
     * @throws InvalidConfigException if the version does not parse
     */
    public static boolean supportsCheck(NetworkConfigList list) throws InvalidConfigException {
        return atLeast(list, "0.4.0");
    }

    /**
     * STATUS (libcni's {@code GetStatusNetworkList}): nothing below 1.1.0; otherwise every plugin in
     * order, stopping at the first error (its code, e.g. 50 or 51, is kept).
     *
     * @param list the network
     * @param deadline the deadline
     * @throws CniException the first plugin failure
     * @throws InterruptedException if interrupted
     */
    public void status(NetworkConfigList list, Deadline deadline) throws CniException, InterruptedException {
        if (!SpecVersion.atLeastLenient(list.cniVersion(), "1.1.0")) {
            return;
        }
        for (PluginConfig plugin : list.plugins()) {
            byte[] stdin = requests.forStatus(list.name(), list.cniVersion(), plugin);
            runner.run(plugin.type(), Verb.STATUS, stdin, RuntimeConf.EMPTY, deadline, list.name());
        }
    }

    /**
     * GC (libcni's {@code GCNetworkList}): nothing with {@code disableGC}; DEL of every cached
     * attachment of this network that is not valid; then, for 1.1.0 lists, GC to every plugin. Every
     * failure is collected; the first is thrown with the rest suppressed.
     *
     * @param list the network
     * @param valid the attachments still in use ({@code null}: none is valid)
     * @param deadline the deadline
     * @throws CniException the first failure
     * @throws InterruptedException if interrupted
     */
    public void gc(NetworkConfigList list, Collection<GcAttachment> valid, Deadline deadline)
            throws CniException, InterruptedException {
        if (list.disableGC()) {
            return;
        }
        List<CniException> failures = new ArrayList<>();
        Set<GcAttachment> validSet = valid == null ? Set.of() : new HashSet<>(valid);
        List<CachedAttachment> cached;
        try {
            cached = cache.attachments("");
        } catch (CniException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "GC of network \"" + list.name()
                    + "\" cannot list the result cache: " + e.getMessage());
            cached = List.of();
        }
        for (CachedAttachment a : cached) {
            if (!a.network().equals(list.name()) || validSet.contains(new GcAttachment(a.containerId(), a.ifName()))) {
                continue;
            }
            RuntimeConf rt = new RuntimeConf(a.containerId(), a.netns(), a.ifName(), cachedArgs(a), cachedCapabilities(a));
            try {
                validate(list, rt);
            } catch (CniException e) {
                // A damaged or tampered file: no DEL can be built from it, and failing every GC for it helps no one.
                LOG.log(System.Logger.Level.WARNING, () -> "GC of network \"" + list.name()
                        + "\" skips a cached attachment whose record is unusable: " + e.getMessage());
                continue;
            }
            try {
                del(list, rt, deadline);
            } catch (CniException e) {
                failures.add(e);
            }
        }
        if (SpecVersion.atLeastLenient(list.cniVersion(), "1.1.0")) {
            for (PluginConfig plugin : list.plugins()) {
                try {
                    byte[] stdin = requests.forGc(list.name(), list.cniVersion(), plugin,
                            valid == null ? List.of() : valid);
                    runner.run(plugin.type(), Verb.GC, stdin, RuntimeConf.EMPTY, deadline, list.name());
                } catch (CniException e) {
                    failures.add(e);
                }
            }
        }
        throwAll(failures);
    }

    /**
     * Throws the first of several failures with the others suppressed.
     *
     * @param failures the failures, possibly none
     * @throws CniException the first, if any
     */
    public static void throwAll(List<? extends CniException> failures) throws CniException {
        if (failures.isEmpty()) {
            return;
        }
        CniException first = failures.get(0);
        for (int i = 1; i < failures.size(); i++) {
            first.addSuppressed(failures.get(i));
        }
        throw first;
    }

    /**
     * The capability arguments recorded with a cached attachment; none when the record holds no
     * object.
     *
     * @param a the cached attachment
     * @return the capability arguments object, never {@code null}
     */
    public static ObjectNode cachedCapabilities(CachedAttachment a) {
        if (a.capabilityArgsJson().isEmpty()) {
            return Json.object();
        }
        try {
            return cachedCapabilities(Json.parse(a.capabilityArgsJson()));
        } catch (JsonProcessingException e) {
            return Json.object();
        }
    }

    /**
     * The capability arguments of a cache record, as {@link #cachedCapabilities(CachedAttachment)}.
     *
     * @param recorded the record's {@code capabilityArgs}, or {@code null}
     * @return the object, or an empty one when the record holds no object
     */
    public static ObjectNode cachedCapabilities(JsonNode recorded) {
        return recorded instanceof ObjectNode o ? o : Json.object();
    }

    /**
     * The CNI_ARGS recorded with a cached attachment, or none when they would be refused (a damaged or
     * tampered file): a DEL must stay possible, and runs without them then (a WARNING says so).
     *
     * @param a the cached attachment
     * @return the args to use
     */
    public static List<Map.Entry<String, String>> cachedArgs(CachedAttachment a) {
        return cachedArgs(a.network(), a.containerId(), a.cniArgs());
    }

    /**
     * The CNI_ARGS of a cache record, as {@link #cachedArgs(CachedAttachment)}.
     *
     * @param network the record's network, for the warning
     * @param containerId the record's container, for the warning
     * @param args the recorded pairs
     * @return the args to use
     */
    public static List<Map.Entry<String, String>> cachedArgs(String network, String containerId,
                                                            List<Map.Entry<String, String>> args) {
        try {
            Validation.args(args);
            return args;
        } catch (InvalidRequestException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "the cached CNI_ARGS of network \"" + network + "\" for "
                    + containerId + " are unusable, DEL runs without them: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The cached result of an attachment converted to the list's version (libcni's
     * {@code getCachedResult}).
     *
     * @param list the network
     * @param rt the runtime arguments
     * @return the result as JSON, or empty when nothing is cached
     * @throws CniException if the file cannot be read, parsed or converted
     */
    public Optional<JsonNode> cachedResult(NetworkConfigList list, RuntimeConf rt) throws CniException {
        return cachedResult(list, readCached(list, rt));
    }

    private static Optional<JsonNode> cachedResult(NetworkConfigList list, CachedRecord record) throws CniException {
        if (record.failure() != null) {
            throw record.failure();
        }
        if (record.file() == null) {
            return Optional.empty();
        }
        CniResult parsed;
        if (record.entry() != null) {
            if (record.entry().result() == null) {
                return Optional.empty();
            }
            parsed = ResultReader.parse(record.entry().result());
        } else {
            parsed = CniResults.parse(record.file().bytes()); // a legacy file: the whole file is the result
        }
        CniResult converted;
        try {
            converted = CniResults.convert(parsed, list.cniVersion());
        } catch (InvalidResultException e) {
            throw new InvalidResultException("failed to convert cached result to config version \""
                    + list.cniVersion() + "\": " + e.getMessage(), e);
        }
        return Optional.of(resultJson(converted));
    }

    /**
     * Reads an attachment's cache file once, for {@link #del(NetworkConfigList, RuntimeConf, Deadline,
     * CachedRecord)} and for whatever else the caller takes from the record. Never throws: a file that
     * cannot be read is reported by the record, and DEL deals with it as with any unusable cache.
     *
     * @param list the network
     * @param rt the runtime arguments (container id and interface name)
     * @return the file as read
     */
    public CachedRecord readCached(NetworkConfigList list, RuntimeConf rt) {
        Optional<ResultCache.CachedFile> file;
        try {
            file = cache.read(list.name(), rt.containerId(), rt.ifName());
        } catch (IOException e) {
            return new CachedRecord(null, null, new ResultCacheException("cannot read cached result of network \""
                    + list.name() + "\": " + e.getMessage(), e));
        } catch (CniException e) {
            return new CachedRecord(null, null, e);
        }
        if (file.isEmpty()) {
            return new CachedRecord(null, null, null);
        }
        return new CachedRecord(file.get(), ResultCache.parse(file.get().bytes()).orElse(null), null);
    }

    /**
     * An attachment's cache file as read once.
     *
     * @param file the file, or {@code null} when there is none or it could not be read
     * @param entry its {@code cniCacheV1} record, or {@code null} when there is no file or it holds
     *     another kind (a legacy raw result) or is malformed
     * @param failure why the file could not be read, or {@code null}
     */
    public record CachedRecord(ResultCache.CachedFile file, CacheEntry entry, CniException failure) {

        /**
         * The record if it is this attachment's, as {@link ResultCache#attachments(String)} would list
         * it: for the arguments and capabilities recorded at ADD.
         *
         * @param containerId the container id
         * @param network the network name
         * @param ifName the interface name
         * @return the record, or empty if there is none or it is another attachment's
         */
        public Optional<CacheEntry> entryOf(String containerId, String network, String ifName) {
            if (entry == null || !ResultCache.isAttachment(entry, containerId)
                    || !entry.networkName().equals(network) || !entry.ifName().equals(ifName)) {
                return Optional.empty();
            }
            return Optional.of(entry);
        }
    }

    private void deleteCacheQuietly(NetworkConfigList list, RuntimeConf rt) {
        try {
            cache.delete(list.name(), rt.containerId(), rt.ifName());
        } catch (IOException | CniException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot delete cached result of network \"" + list.name()
                    + "\" for " + rt.containerId() + ": " + e.getMessage());
        }
    }

    /**
     * A cached result that goes into the request of every plugin of a list: written once (sorted, as
     * requests are) when there are several plugins, instead of once per request.
     */
    private static JsonNode forEveryPlugin(NetworkConfigList list, JsonNode cached) {
        return cached != null && list.plugins().size() > 1 ? Json.sortedRaw(cached) : cached;
    }

    /** The result as the JSON tree it is written as: a new tree, the caller's to keep. */
    private static JsonNode resultJson(CniResult result) {
        return ResultWriter.tree(result);
    }

    private static boolean atLeast(NetworkConfigList list, String version) throws InvalidConfigException {
        try {
            return SpecVersion.atLeast(list.cniVersion(), version);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("network \"" + list.name() + "\": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an attachment's arguments as {@link #add} does before any plugin runs: those of
     * {@link #validate}, and that the result cache can name a file for the attachment (no part escapes
     * the cache directory, the name fits in 255 bytes), so that a setup is never refused only after its
     * plugins ran.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @throws CniException an {@link io.cni4j.api.InvalidRequestException} with the spec's code
     */
    public void validateAttachment(NetworkConfigList list, RuntimeConf rt) throws CniException {
        validate(list, rt);
        cache.path(list.name(), rt.containerId(), rt.ifName());
    }

    /**
     * Checks an attachment's arguments as ADD does, before any plugin runs: container id, network
     * name, interface name, CNI_ARGS and netns path.
     *
     * @param list the network
     * @param rt the runtime arguments
     * @throws CniException an {@link io.cni4j.api.InvalidRequestException} with the spec's code
     */
    public static void validate(NetworkConfigList list, RuntimeConf rt) throws CniException {
        Validation.containerId(rt.containerId());
        Validation.networkName(list.name());
        Validation.interfaceName(rt.ifName());
        Validation.args(rt.args());
        Validation.netns(rt.netns());
    }

    /**
     * The CNI_ARGS of an attachment as pairs, in order.
     *
     * @param args the args map
     * @return the pairs
     */
    public static List<Map.Entry<String, String>> pairs(Map<String, String> args) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        args.forEach((k, v) -> out.add(Map.entry(k, v)));
        return out;
    }
}
