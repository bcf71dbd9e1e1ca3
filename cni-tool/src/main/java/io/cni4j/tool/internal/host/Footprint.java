package io.cni4j.tool.internal.host;

import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.Result;
import io.cni4j.api.spi.NetnsManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run of the demo or the bench made on the host, recorded as it is made, so that teardown
 * removes exactly that and then proves nothing is left: network namespaces, the bridge (the bridge
 * plugin leaves it in place on DEL), the host ends of the veth pairs, and a temp dir holding the
 * configuration, the result cache ({@code cache}) and the IPAM state. Thread-safe: workers record
 * while a shutdown hook may tear down.
 */
public final class Footprint {

    private final String bridge;
    private final Map<String, Path> namespaces = new LinkedHashMap<>();
    private final Set<String> hostLinks = new LinkedHashSet<>();
    private boolean bridgeMayExist;
    private Path tempDir;

    /**
     * An empty footprint.
     *
     * @param bridge the bridge the run's network makes
     */
    public Footprint(String bridge) {
        this.bridge = bridge;
    }

    /**
     * Makes the run's temp dir, with {@code conf} and {@code cache} in it.
     *
     * @param parent where to make it; empty for the JVM's temp dir ({@code java.io.tmpdir})
     * @param prefix the temp dir's name prefix
     * @return the temp dir
     * @throws IOException if it cannot be made
     */
    public Path makeTempDir(Optional<Path> parent, String prefix) throws IOException {
        Path dir = parent.isPresent() ? Files.createTempDirectory(parent.get(), prefix)
                : Files.createTempDirectory(prefix);
        synchronized (this) {
            tempDir = dir;
        }
        Files.createDirectories(confDir());
        Files.createDirectories(cacheDir());
        return dir;
    }

    /** @return the temp dir, once made */
    public synchronized Optional<Path> tempDir() {
        return Optional.ofNullable(tempDir);
    }

    /** @return the configuration directory in the temp dir */
    public synchronized Path confDir() {
        return required().resolve("conf");
    }

    /** @return the result cache directory in the temp dir */
    public synchronized Path cacheDir() {
        return required().resolve("cache");
    }

    private Path required() {
        if (tempDir == null) {
            throw new IllegalStateException("no temp dir yet");
        }
        return tempDir;
    }

    /**
     * Creates a network namespace and records it.
     *
     * @param manager the executor provider's namespace manager
     * @param name the namespace name
     * @return its path
     * @throws Exception if it cannot be created
     */
    public Path createNamespace(NetnsManager manager, String name) throws Exception {
        Path path = manager.create(name);
        synchronized (this) {
            namespaces.put(name, path);
        }
        return path;
    }

    /** @return the namespaces made, name to path, in creation order */
    public synchronized Map<String, Path> namespaces() {
        return new LinkedHashMap<>(namespaces);
    }

    /** Records that a setup is about to run, after which the bridge may exist. */
    public synchronized void bridgeMayExist() {
        bridgeMayExist = true;
    }

    /**
     * Records the host-side interfaces a setup made (the veth ends), to check later that they are gone.
     *
     * @param result the setup's result
     */
    public synchronized void hostLinks(Result result) {
        for (Map.Entry<String, InterfaceConfig> e : result.interfaces().entrySet()) {
            if (e.getValue().sandbox().isEmpty() && !e.getKey().equals(bridge) && !e.getKey().equals("lo")) {
                hostLinks.add(e.getKey());
            }
        }
        result.raw().forEach(this::hostLinks);
    }

    /**
     * Records the host-side interfaces of one plugin result.
     *
     * @param result a network's result
     */
    public synchronized void hostLinks(CniResult result) {
        for (Interface i : result.interfaces()) {
            if (i.sandbox().isEmpty() && !i.name().isEmpty() && !i.name().equals(bridge)) {
                hostLinks.add(i.name());
            }
        }
    }

    /**
     * Removes every namespace made, trying all.
     *
     * @param manager the namespace manager, or {@code null} if none was obtained
     * @return what was done
     * @throws Exception the first failure, the others suppressed
     */
    public String removeNamespaces(NetnsManager manager) throws Exception {
        Map<String, Path> made = namespaces();
        if (made.isEmpty() || manager == null) {
            return "none was made";
        }
        Exception first = null;
        for (Path p : made.values()) {
            try {
                manager.remove(p);
            } catch (Exception e) {
                first = addFailure(first, e);
            }
        }
        if (first != null) {
            throw first;
        }
        return made.size() <= 2 ? "removed " + String.join(" and ", made.values().stream().map(Path::toString).toList())
                : "removed " + made.size() + " namespaces";
    }

    /**
     * Deletes the bridge, if a setup ran and it is there.
     *
     * @param ip the {@code ip} program, or {@code null} if preflight did not get that far
     * @return what was done
     * @throws Exception if {@code ip link delete} fails
     */
    public String deleteBridge(String ip) throws Exception {
        synchronized (this) {
            if (!bridgeMayExist || ip == null) {
                return "none was made";
            }
        }
        if (!Host.linkExists(ip, bridge)) {
            return bridge + " is already gone";
        }
        HostCommand.Output deleted = HostCommand.run(Host.COMMAND_TIMEOUT, List.of(ip, "link", "delete", bridge));
        if (!deleted.ok()) {
            throw new HostException("ip link delete " + bridge + " failed: " + deleted.diagnostic());
        }
        return "deleted " + bridge + " (the bridge plugin leaves bridges in place on DEL)";
    }

    /**
     * What is still there of what was made: namespace files, the bridge, veth ends, result cache
     * files, IPAM reservations.
     *
     * @param ip the {@code ip} program, or {@code null} to skip the links
     * @return one description per leftover; empty when everything is gone
     * @throws Exception if the host cannot be inspected
     */
    public List<String> leftovers(String ip) throws Exception {
        List<String> left = new ArrayList<>();
        for (Path p : namespaces().values()) {
            if (Files.exists(p)) {
                left.add("netns " + p);
            }
        }
        boolean bridgeToo;
        List<String> veths;
        Path dir;
        synchronized (this) {
            bridgeToo = bridgeMayExist;
            veths = List.copyOf(hostLinks);
            dir = tempDir;
        }
        if (ip != null) {
            Set<String> links = Host.linkNames(ip);
            if (bridgeToo && links.contains(bridge)) {
                left.add("bridge " + bridge);
            }
            for (String veth : veths) {
                if (links.contains(veth)) {
                    left.add("link " + veth);
                }
            }
        }
        if (dir != null) {
            for (Path f : Host.files(dir.resolve("cache"))) {
                left.add("cache file " + f);
            }
            for (Path f : Host.files(BridgeNetwork.ipamDir(dir))) {
                if (Host.isAddress(f.getFileName().toString())) {
                    left.add("IPAM reservation " + f);
                }
            }
        }
        return left;
    }

    /**
     * Deletes the temp dir and everything in it.
     *
     * @return what was done
     * @throws IOException if it cannot be deleted
     */
    public String deleteTempDir() throws IOException {
        Path dir;
        synchronized (this) {
            dir = tempDir;
        }
        if (dir == null) {
            return "none was made";
        }
        Host.deleteTree(dir);
        return "deleted " + dir;
    }

    private static Exception addFailure(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
