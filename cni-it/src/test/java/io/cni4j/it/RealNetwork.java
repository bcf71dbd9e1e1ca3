package io.cni4j.it;

import io.cni4j.api.Cni;
import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.exec.ExecutorDiscovery;
import io.cni4j.testkit.CniTestDirs;
import io.cni4j.testkit.RootTestGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixture of one real-plugin test run with one executor provider ({@code process} or {@code jna}):
 * private conf, cache, plugin and host-local data directories under the test's temporary directory,
 * network namespaces made by that provider's {@link NetnsManager} (removed by {@link #close()}), and a
 * client builder wired to Debian's plugins and that provider's executor.
 *
 * <p>Every test JVM runs in a private network and mount namespace (build-support/netns-java/bin/java),
 * so bridges, veths and iptables rules vanish with it; still, every test and executor uses its own
 * bridge name and private subnet ({@link #lan(int)}) so that no run sees another's state, and traffic
 * only flows between the namespaces a run made. Slot {@code n} is bridge {@code cni4j-p<n>} and
 * {@code 10.<200+n>.0.0/24} with the process executor, {@code cni4j-j<n>} and {@code 10.<200+n>.1.0/24}
 * with jna. Slots taken so far (keep them unique across cni-it):
 *
 * <pre>
 *  ChainTest            1 fullChain, 2 twoNamespacesTalk, 3 failedSetupRollsBack, 4 removeAfterConfDeleted,
 *                       12 checkPasses, 14 portmapCheckBug, 15 failedSetupWithoutRollback,
 *                       16 removeByFreshClient, 17 invalidContainerId
 *  ManyContainersTest   5
 *  GcStatusTest         6 gcRealBridge (its script plugins touch no network)
 *  ReadmeQuickStartTest 7
 *  NetworkKindsTest     8 and 10 conflistAndConfWithMaxConfNum2, 9 ptp, 11 macvlan (its dummy parent link
 *                       takes the slot's bridge name), 13 version031
 *  TimeoutTest          none (script plugins, no namespace)
 *  PluginFaultsTest     20 killedMidAdd, 21 hangs, 22 silent, 23 busyUntilReleased, 24 busyToTheEnd
 *  CacheFaultsTest      25 readOnly, 26 diskFull
 *  ConcurrencyTest      27
 *  JvmKillTest          28
 * </pre>
 */
final class RealNetwork implements AutoCloseable {

    /** Where Debian's containernetworking-plugins live. */
    static final Path PLUGIN_DIR = Path.of("/usr/lib/cni");
    /** What {@link #requireRealNetworking()} names when it skips or fails a test. */
    private static final String WHAT = "real-plugin test";

    /** The real executor providers by name, in the order the tests run them ({@link ForEachExecutor}). */
    static final List<String> EXECUTORS = List.of("process", "jna");

    private static final int MAX_SLOT = 55;
    private static final Map<String, ExecutorProvider> PROVIDERS = new HashMap<>();

    private final String executor;
    private final ExecutorProvider provider;
    private final CniTestDirs dirs;
    private final Path dataDir;
    private final NetnsManager netnsManager;
    private final List<Path> namespaces = new ArrayList<>();

    private RealNetwork(String executor, CniTestDirs dirs, Path dataDir, Path netnsDir) {
        this.executor = executor;
        this.provider = provider(executor);
        this.dirs = dirs;
        this.dataDir = dataDir;
        this.netnsManager = provider.netnsManager(netnsDir);
    }

    /** One test's own network on one executor: a bridge (or other link) name and a {@code /24}. */
    record Lan(String bridge, String subnet) {

        /** @return the subnet's first three octets and a dot, e.g. {@code 10.201.0.} */
        String prefix() {
            return subnet.substring(0, subnet.lastIndexOf('.') + 1);
        }

        /** @return the subnet's {@code .1}, which bridge and ptp give the host side */
        String gateway() {
            return prefix() + "1";
        }
    }

    /** @return the executor providers' names, for {@link ForEachExecutor} */
    static List<String> executors() {
        return EXECUTORS;
    }

    /**
     * Skips the test (or fails it when {@code CNI4J_REQUIRE_ROOT_TESTS=1}, see {@link RootTestGate})
     * unless it can change real network state safely: root with CAP_SYS_ADMIN, the JVM in the private
     * network namespace of build-support/netns-java (never the machine's own), and the plugins and
     * tools installed.
     */
    static void requireRealNetworking() {
        RootTestGate.requireRoot(WHAT);
        RootTestGate.requirePrivateNetworkNamespace(WHAT);
        RootTestGate.skipOrFail(WHAT, missingPluginsOrTools());
    }

    private static Optional<String> missingPluginsOrTools() {
        if (!Files.isExecutable(PLUGIN_DIR.resolve("bridge"))) {
            return Optional.of(PLUGIN_DIR + "/bridge is missing: install containernetworking-plugins");
        }
        for (String tool : List.of("ip", "iptables", "nsenter", "tc", "perl")) {
            if (HostState.exec("sh", "-c", "command -v " + tool).exitStatus() != 0) {
                return Optional.of("the tool " + tool + " is missing");
            }
        }
        return Optional.empty();
    }

    /**
     * Makes the fixture under a temporary directory.
     *
     * @param tmp the test's temporary directory
     * @param executor the executor provider's name, one of {@link #EXECUTORS}
     * @return the fixture
     * @throws IOException if the directories cannot be created
     */
    static RealNetwork under(Path tmp, String executor) throws IOException {
        CniTestDirs dirs = CniTestDirs.createUnder(tmp.resolve("cni"));
        Path dataDir = Files.createDirectories(tmp.resolve("ipam"));
        Path netnsDir = Files.createDirectories(tmp.resolve("netns"));
        return new RealNetwork(executor, dirs, dataDir, netnsDir);
    }

    /**
     * The named provider, selected once per JVM as {@code Cni.Builder.executor(name)} selects it
     * (discovery logs every test provider it skips, with a stack trace: once is enough).
     *
     * @param executor the provider's name
     * @return the provider
     */
    static synchronized ExecutorProvider provider(String executor) {
        return PROVIDERS.computeIfAbsent(executor, ExecutorDiscovery::select);
    }

    /** @return the name of the executor provider under test */
    String executor() {
        return executor;
    }

    /** @return the executor provider under test */
    ExecutorProvider provider() {
        return provider;
    }

    /**
     * The bridge name and subnet of a slot of the class comment's table, for this executor.
     *
     * @param slot the slot, 1 to 55
     * @return e.g. {@code cni4j-p1} and {@code 10.201.0.0/24} for slot 1 with the process executor
     */
    Lan lan(int slot) {
        if (slot < 1 || slot > MAX_SLOT) {
            throw new IllegalArgumentException("slot " + slot + " is outside 1.." + MAX_SLOT);
        }
        int index = EXECUTORS.indexOf(executor);
        return new Lan("cni4j-" + executor.charAt(0) + slot, "10." + (200 + slot) + "." + index + ".0/24");
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
     * A client builder on Debian's plugins, the executor under test and this test's directories.
     *
     * @return the builder
     */
    Cni.Builder client() {
        return Cni4j.newBuilder()
                .executorProvider(provider)
                .pluginDirs(List.of(PLUGIN_DIR))
                .confDir(dirs.confDir())
                .cacheDir(dirs.cacheDir())
                .timeout(Duration.ofSeconds(60));
    }

    /**
     * A bridge + host-local plugin object (no trailing comma), {@code isGateway} and no masquerade.
     *
     * @param lan the bridge name and subnet
     * @return the JSON object
     */
    String bridge(Lan lan) {
        return """
                {"type":"bridge","bridge":"%s","isGateway":true,"ipMasq":false,
                 "ipam":{"type":"host-local","dataDir":"%s","ranges":[[{"subnet":"%s"}]],
                         "routes":[{"dst":"0.0.0.0/0"}]}}""".formatted(lan.bridge(), dataDir, lan.subnet());
    }

    /**
     * A host-local IPAM object for a subnet in this test's data directory.
     *
     * @param lan the network whose subnet to allocate from
     * @return the JSON object
     */
    String hostLocal(Lan lan) {
        return """
                {"type":"host-local","dataDir":"%s","ranges":[[{"subnet":"%s"}]]}""".formatted(dataDir, lan.subnet());
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
