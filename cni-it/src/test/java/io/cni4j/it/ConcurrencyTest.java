package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.LoadOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load with Debian's plugins: 200 containers set up, checked and (every fourth at once) removed by 8
 * threads, while another thread reloads the configuration without pause and two GCs run in between, each
 * listing every container of the run as valid and so removing only the four stale containers set up
 * beforehand. Every call is bounded by a timeout, so a deadlock fails the test instead of hanging it.
 * Afterwards: distinct addresses for the live containers, each really on its eth0, reservations and cache
 * files exactly those of the live containers; after removing everything, nothing is left.
 *
 * <p>It runs with the process executor only, to keep the build's time modest: the executors differ in how
 * they start a plugin, not in the engine's locks and cache, and ManyContainersTest runs 50 containers on
 * 8 threads with each executor.
 */
class ConcurrencyTest {

    private static final String NETWORK = "it-load";
    private static final int CONTAINERS = 200;
    private static final int THREADS = 8;
    private static final int STALE = 4;
    private static final long MINUTES = 5;

    @TempDir
    Path tmp;
    private RealNetwork net;
    private ExecutorService pool;

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    @DisplayName("200 containers: setup, check and remove on 8 threads with reloads and two GCs in between: no deadlock, "
            + "no duplicate address, no orphan cache file or reservation, no leftover veth")
    void twoHundredContainers() throws Exception {
        String executor = "process";
        RealNetwork.requireRealNetworking();
        net = RealNetwork.under(tmp, executor);
        RealNetwork.Lan lan = net.lan(27);
        net.dirs().writeConflist("10-load", """
                {"cniVersion":"1.0.0","name":"%s","plugins":[%s]}""".formatted(NETWORK, net.bridge(lan)));
        List<Path> namespaces = new ArrayList<>();
        List<GcAttachment> everyContainer = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            namespaces.add(net.netns("load-" + i));
            everyContainer.add(new GcAttachment("load-" + i, "eth0"));
            everyContainer.add(new GcAttachment("load-" + i, "lo"));
        }
        List<Path> stale = new ArrayList<>();
        for (int i = 0; i < STALE; i++) {
            stale.add(net.netns("stale-" + i));
        }
        Set<String> linksBefore = HostState.links();
        pool = Executors.newFixedThreadPool(THREADS);

        try (Cni cni = net.client().build()) {
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            for (int i = 0; i < STALE; i++) {
                cni.setup("stale-" + i, stale.get(i).toString());
            }

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger loads = new AtomicInteger();
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread loader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        cni.load(LoadOption.loopback(), LoadOption.defaultConf());
                        loads.incrementAndGet();
                        Thread.sleep(5);
                    } catch (Exception | Error e) {
                        loadFailure.compareAndSet(null, e);
                        return;
                    }
                }
            }, "reloader");
            loader.start();
            List<String> ips = new ArrayList<>();
            try {
                // phase 1: setup + check of all, every fourth removed right away, a GC after a third and two thirds
                List<Future<String>> setups = new ArrayList<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    int n = i;
                    setups.add(pool.submit(() -> {
                        String id = "load-" + n;
                        String ns = namespaces.get(n).toString();
                        String ip = cni.setup(id, ns).interfaces().get("eth0").addresses().get(0).ip().getHostAddress();
                        cni.check(id, ns);
                        if (n % 4 == 0) {
                            cni.remove(id, ns);
                        }
                        return ip;
                    }));
                    if (i == CONTAINERS / 3 || i == 2 * CONTAINERS / 3) {
                        setups.add(pool.submit(() -> {
                            cni.gc(everyContainer);
                            return "gc";
                        }));
                    }
                }
                for (Future<String> f : setups) {
                    String ip = f.get(MINUTES, TimeUnit.MINUTES);
                    if (!ip.equals("gc")) {
                        ips.add(ip);
                    }
                }

                Set<String> live = new HashSet<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    if (i % 4 == 0) {
                        assertThat(HostState.linkIn(namespaces.get(i), "eth0")).as("removed load-" + i).isEmpty();
                        continue;
                    }
                    assertThat(live.add(ips.get(i))).as("address %s of load-%s is unique", ips.get(i), i).isTrue();
                    assertThat(HostState.ipv4In(namespaces.get(i), "eth0")).containsExactly(ips.get(i) + "/24");
                }
                assertThat(HostState.reservations(net.dataDir(), NETWORK)).containsExactlyInAnyOrderElementsOf(live);
                List<String> expectedFiles = new ArrayList<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    if (i % 4 != 0) {
                        expectedFiles.add(NETWORK + "-load-" + i + "-eth0");
                        expectedFiles.add("cni-loopback-load-" + i + "-lo");
                    }
                }
                assertThat(HostState.cacheFiles(net.cacheDir())).containsExactlyInAnyOrderElementsOf(expectedFiles);
                for (Path ns : stale) {
                    assertThat(HostState.linkIn(ns, "eth0")).as("stale container removed by GC").isEmpty();
                }

                // phase 2: remove all (the removed ones again), with checks of the live ones and a GC in between
                List<Future<?>> removals = new ArrayList<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    int n = i;
                    removals.add(pool.submit(() -> {
                        String id = "load-" + n;
                        String ns = namespaces.get(n).toString();
                        if (n % 4 != 0) {
                            cni.check(id, ns);
                        }
                        cni.remove(id, ns);
                        return null;
                    }));
                    if (i == CONTAINERS / 2) {
                        removals.add(pool.submit(() -> {
                            cni.gc(everyContainer);
                            return null;
                        }));
                    }
                }
                for (Future<?> f : removals) {
                    f.get(MINUTES, TimeUnit.MINUTES);
                }
            } finally {
                stop.set(true);
                loader.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertThat(loader.isAlive()).isFalse();
            assertThat(loadFailure.get()).isNull();
            assertThat(loads.get()).isPositive();
            System.out.println("ConcurrencyTest[" + executor + "]: " + CONTAINERS + " containers, " + loads.get()
                    + " loads during the run");
        }

        for (Path ns : namespaces) {
            assertThat(HostState.linkIn(ns, "eth0")).isEmpty();
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.reservations(net.dataDir(), NETWORK)).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }
}
