package io.cni4j.it;

import static org.assertj.core.api.Assertions.fail;

import io.cni4j.api.Cni;
import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.testkit.CniTestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The fixture of one real-plugin test: private conf, cache, plugin and host-local data directories
 * under the test's temporary directory, network namespaces made by the process provider's
 * {@link NetnsManager} (removed by {@link #close()}), and a client builder wired to Debian's plugins.
 *
 * <p>Every test JVM runs in a private network and mount namespace (build-support/netns-java/bin/java),
 * so bridges, veths and iptables rules vanish with it; still, every test uses its own bridge name and
 * private subnet so that tests never see each other's state, and traffic only flows between the
 * namespaces a test made. Assigned so far (keep them unique across cni-it):
 *
 * <pre>
 *  ChainTest            cni4j-t0 10.201.0.0/24, t1 10.202, t2 10.203, t3 10.204, t8 10.212,
 *                       t10 10.214, t11 10.215, t12 10.216, t13 10.217
 *  ManyContainersTest   cni4j-t4 10.205.0.0/24
 *  GcStatusTest         cni4j-t5 10.206.0.0/24 (its script plugins touch no network)
 *  ReadmeQuickStartTest cni4j-t6 10.207.0.0/24
 *  NetworkKindsTest     cni4j-t7 10.208.0.0/24, ptp 10.209 and 10.210, macvlan on cni4j-dummy0 10.211,
 *                       cni4j-t9 10.213
 * </pre>
 */
final class RealNetwork implements AutoCloseable {

    /** Where Debian's containernetworking-plugins live. */
    static final Path PLUGIN_DIR = Path.of("/usr/lib/cni");
    /** CI sets it to 1: then a test that cannot run fails instead of being skipped. */
    static final String REQUIRE_ENV = "CNI4J_REQUIRE_ROOT_TESTS";

    private static ExecutorProvider process;

    private final CniTestDirs dirs;
    private final Path dataDir;
    private final NetnsManager netnsManager;
    private final List<Path> namespaces = new ArrayList<>();

    private RealNetwork(CniTestDirs dirs, Path dataDir, NetnsManager netnsManager) {
        this.dirs = dirs;
        this.dataDir = dataDir;
        this.netnsManager = netnsManager;
    }

    /**
     * Skips the test (or fails it when {@value #REQUIRE_ENV}=1) unless it can change real network
     * state safely: root with CAP_SYS_ADMIN, the plugins and tools installed, and the JVM in a private
     * network namespace (never the machine's own).
     */
    static void requireRealNetworking() {
        Optional<String> problem = problem();
        if (problem.isEmpty()) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            fail("real-plugin test cannot run: " + problem.get() + " (" + REQUIRE_ENV + "=1)");
        }
        Assumptions.abort("real-plugin test skipped: " + problem.get() + " (set " + REQUIRE_ENV + "=1 to fail instead)");
    }

    private static Optional<String> problem() {
        List<String> status;
        try {
            status = Files.readAllLines(Path.of("/proc/self/status"));
        } catch (IOException e) {
            return Optional.of("cannot read /proc/self/status (not Linux?)");
        }
        String uid = status.stream().filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[2]).findFirst().orElse("?");
        if (!uid.equals("0")) {
            return Optional.of("not running as root (effective uid " + uid + ")");
        }
        long capEff = status.stream().filter(l -> l.startsWith("CapEff:"))
                .map(l -> Long.parseUnsignedLong(l.split("\\s+")[1], 16)).findFirst().orElse(0L);
        if ((capEff & (1L << 21)) == 0) {
            return Optional.of("running as root without CAP_SYS_ADMIN");
        }
        if (!Files.isExecutable(PLUGIN_DIR.resolve("bridge"))) {
            return Optional.of(PLUGIN_DIR + "/bridge is missing: install containernetworking-plugins");
        }
        for (String tool : List.of("ip", "iptables", "nsenter", "tc", "perl")) {
            if (HostState.exec("sh", "-c", "command -v " + tool).exitStatus() != 0) {
                return Optional.of("the tool " + tool + " is missing");
            }
        }
        // The wrapper unshares the network namespace between the forking JVM and this one: a JVM that
        // shares its parent's namespace would change the machine's network.
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
            long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
            Path parent = Files.readSymbolicLink(Path.of("/proc/" + parentPid + "/ns/net"));
            if (self.equals(parent)) {
                return Optional.of("the test JVM shares the network namespace of its parent process (" + self
                        + "); real-plugin tests only run in the private namespace of build-support/netns-java/bin/java");
            }
        } catch (IOException e) {
            return Optional.of("cannot compare this JVM's network namespace with its parent's: " + e);
        }
        return Optional.empty();
    }

    /**
     * Makes the fixture under a temporary directory.
     *
     * @param tmp the test's temporary directory
     * @return the fixture
     * @throws IOException if the directories cannot be created
     */
    static RealNetwork under(Path tmp) throws IOException {
        CniTestDirs dirs = CniTestDirs.createUnder(tmp.resolve("cni"));
        Path dataDir = Files.createDirectories(tmp.resolve("ipam"));
        Path netnsDir = Files.createDirectories(tmp.resolve("netns"));
        return new RealNetwork(dirs, dataDir, process().netnsManager(netnsDir));
    }

    /** @return the process executor provider, discovered once (discovery logs the test providers it skips) */
    static synchronized ExecutorProvider process() {
        if (process == null) {
            process = ExecutorDiscovery.select("process");
        }
        return process;
    }

    /** @return the conf, cache and plugin directories */
    CniTestDirs dirs() {
        return dirs;
    }

    /** @return the cache directory */
    Path cacheDir() {
        return dirs.cacheDir();
    }

    /** @return host-local's {@code dataDir} for every network of this test */
    Path dataDir() {
        return dataDir;
    }

    /**
     * Creates a network namespace for this test.
     *
     * @param name the file name
     * @return its path
     * @throws NetnsException if it cannot be created
     */
    Path netns(String name) throws NetnsException {
        Path p = netnsManager.create(name);
        namespaces.add(p);
        return p;
    }

    /**
     * A client builder on Debian's plugins, the process executor and this test's directories.
     *
     * @return the builder
     */
    Cni.Builder client() {
        return Cni4j.newBuilder()
                .executorProvider(process())
                .pluginDirs(List.of(PLUGIN_DIR))
                .confDir(dirs.confDir())
                .cacheDir(dirs.cacheDir())
                .timeout(Duration.ofSeconds(60));
    }

    /**
     * A bridge + host-local plugin object (no trailing comma), {@code isGateway} and no masquerade.
     *
     * @param bridge the bridge name
     * @param subnet the subnet
     * @return the JSON object
     */
    String bridge(String bridge, String subnet) {
        return """
                {"type":"bridge","bridge":"%s","isGateway":true,"ipMasq":false,
                 "ipam":{"type":"host-local","dataDir":"%s","ranges":[[{"subnet":"%s"}]],
                         "routes":[{"dst":"0.0.0.0/0"}]}}""".formatted(bridge, dataDir, subnet);
    }

    /**
     * A host-local IPAM object for a subnet in this test's data directory.
     *
     * @param subnet the subnet
     * @return the JSON object
     */
    String hostLocal(String subnet) {
        return """
                {"type":"host-local","dataDir":"%s","ranges":[[{"subnet":"%s"}]]}""".formatted(dataDir, subnet);
    }

    /** Removes the namespaces this test made. */
    @Override
    public void close() throws NetnsException {
        NetnsException first = null;
        for (Path p : namespaces) {
            try {
                netnsManager.remove(p);
            } catch (NetnsException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        namespaces.clear();
        if (first != null) {
            throw first;
        }
    }
}
