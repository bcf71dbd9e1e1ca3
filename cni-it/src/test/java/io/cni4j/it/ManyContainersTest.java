package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many containers at once on one bridge network, through the async calls on a pool of 8 threads,
 * while another thread keeps reloading the configuration; with each real executor.
 */
class ManyContainersTest {

    private static final int CONTAINERS = 50;
    private static final int PARALLEL = 8;

    @TempDir
    Path tmp;
    private RealNetwork net;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        RealNetwork.requireRealNetworking();
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (net != null) {
            net.close();
        }
    }

    @ForEachExecutor
    @DisplayName("A30: 50 containers set up and removed 8 at a time while the configuration is reloaded: 50 distinct "
            + "addresses, each really on its eth0; nothing left afterwards")
    void fiftyContainers(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(5);
        net.dirs().writeConflist("10-many", """
                {"cniVersion":"1.0.0","name":"it-many","plugins":[%s,{"type":"firewall"}]}"""
                .formatted(net.bridge(lan)));
        List<Path> namespaces = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            namespaces.add(net.netns("many-" + i));
        }
        Set<String> linksBefore = HostState.links();

        try (Cni cni = net.client().asyncExecutor(pool).build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            // Debian's firewall plugin creates its CNI-FORWARD chain on first use and two first uses
            // at once can race in iptables (seen once here); one setup and remove first creates it.
            Path warmup = net.netns("many-warmup");
            cni.setup("many-warmup", warmup.toString());
            cni.remove("many-warmup", warmup.toString());

            // A30: loads run concurrently with the setups and neither blocks nor starves the other
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger loads = new AtomicInteger();
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread loader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        cni.load(LoadOption.loopback(), LoadOption.defaultConf());
                        loads.incrementAndGet();
                        Thread.sleep(2);
                    } catch (Exception | Error e) {
                        loadFailure.compareAndSet(null, e);
                        return;
                    }
                }
            }, "reloader");
            loader.start();
            List<CompletableFuture<Result>> setups = new ArrayList<>();
            try {
                for (int i = 0; i < CONTAINERS; i++) {
                    setups.add(cni.setupAsync("many-" + i, namespaces.get(i).toString()));
                }
                CompletableFuture.allOf(setups.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            } finally {
                stop.set(true);
                loader.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertThat(loader.isAlive()).isFalse();
            assertThat(loadFailure.get()).isNull();
            assertThat(loads.get()).isPositive();

            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < CONTAINERS; i++) {
                String ip = setups.get(i).join().interfaces().get("eth0").addresses().get(0).ip().getHostAddress();
                assertThat(ip).startsWith(lan.prefix());
                assertThat(HostState.ipv4In(namespaces.get(i), "eth0")).containsExactly(ip + "/24");
                addresses.add(ip);
            }
            assertThat(addresses).hasSize(CONTAINERS);
            assertThat(HostState.reservations(net.dataDir(), "it-many")).containsExactlyInAnyOrderElementsOf(addresses);
            assertThat(HostState.cacheFiles(net.cacheDir())).hasSize(2 * CONTAINERS);
            assertThat(HostState.iptables("filter")).filteredOn(l -> l.startsWith("-A CNI-FORWARD -s " + lan.prefix()))
                    .hasSize(CONTAINERS);

            List<CompletableFuture<Void>> removals = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) {
                removals.add(cni.removeAsync("many-" + i, namespaces.get(i).toString()));
            }
            CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        }

        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        for (Path ns : namespaces) {
            assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        }
        assertThat(HostState.reservations(net.dataDir(), "it-many")).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
        assertThat(HostState.iptables("filter")).noneMatch(l -> l.contains(lan.prefix()));
    }
}
