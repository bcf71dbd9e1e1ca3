package io.cni4j.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.IpPrefix;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.InvocationRecorder;
import java.nio.file.Files;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade under load with the testkit's fake plugins (no processes, so the engine, the locks and the
 * real result cache are what is measured): 10,000 containers set up, checked and (every fourth at once)
 * removed by 8 threads while another thread keeps reloading the configuration and two GCs run in between,
 * each listing every container of the run as valid. Every wait is bounded, so a deadlock fails the test.
 * ConcurrencyTest in cni-it does the same with Debian's plugins at 200 containers.
 */
class FakeLoadTest {

    private static final int CONTAINERS = 10_000;
    private static final int THREADS = 8;
    private static final long MINUTES = 5;

    @TempDir
    Path dir;
    private ExecutorService pool;

    private Path shmCache;

    @AfterEach
    void tearDown() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (shmCache != null) {
            try (Stream<Path> files = Files.walk(shmCache)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @DisplayName("10,000 containers on 8 threads with reloads and two GCs: no deadlock, no duplicate address, the "
            + "cache and the allocations exactly those of the live containers, nothing left after removal")
    void tenThousandContainers() throws Exception {
        FakeBridgePlugin bridge = FakePlugins.bridge("10.20.0.0/16");
        InvocationRecorder recorder = new InvocationRecorder();
        FakePluginExecutor plugins = new FakePluginExecutor(recorder)
                .register("bridge", bridge)
                .register("tuning", FakePlugins.passThrough());
        Path pluginDir = Files.createDirectories(dir.resolve("bin"));
        Path confDir = Files.createDirectories(dir.resolve("conf"));
        // on tmpfs where there is one: this test is about the engine and its locks, not the disk's fsync
        Path shm = Path.of("/dev/shm");
        Path cacheDir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "cni4j-load-") : dir.resolve("cache");
        shmCache = cacheDir.startsWith(shm) ? cacheDir : null;
        plugins.installPlaceholders(pluginDir);
        Files.writeString(confDir.resolve("10-load.conflist"), """
                {"cniVersion":"1.1.0","name":"load","plugins":[{"type":"bridge"},{"type":"tuning"}]}""");
        List<GcAttachment> everyContainer = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            everyContainer.add(new GcAttachment("c" + i, "eth0"));
        }
        pool = Executors.newFixedThreadPool(THREADS);

        try (Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins))
                .pluginDirs(List.of(pluginDir)).confDir(confDir).cacheDir(cacheDir).build()) {
            CniClient client = (CniClient) cni;
            cni.load(LoadOption.defaultConf());
            cni.setup("stale", "/run/netns/stale");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger loads = new AtomicInteger();
            AtomicReference<Throwable> loadFailure = new AtomicReference<>();
            Thread loader = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        cni.load(LoadOption.defaultConf());
                        loads.incrementAndGet();
                        Thread.sleep(5);
                    } catch (Exception | Error e) {
                        loadFailure.compareAndSet(null, e);
                        return;
                    }
                }
            }, "reloader");
            loader.start();
            try {
                List<Future<IpPrefix>> setups = new ArrayList<>();
                List<Future<?>> gcs = new ArrayList<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    int n = i;
                    setups.add(pool.submit(() -> {
                        String id = "c" + n;
                        String ns = "/run/netns/" + id;
                        IpPrefix ip = cni.setup(id, ns).interfaces().get("eth0").addresses().get(0).address();
                        cni.check(id, ns);
                        if (n % 4 == 0) {
                            cni.remove(id, ns);
                        }
                        return ip;
                    }));
                    if (i == CONTAINERS / 3 || i == 2 * CONTAINERS / 3) {
                        gcs.add(pool.submit(() -> {
                            cni.gc(everyContainer);
                            return null;
                        }));
                    }
                }
                Set<IpPrefix> live = new HashSet<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    IpPrefix ip = setups.get(i).get(MINUTES, TimeUnit.MINUTES);
                    if (i % 4 != 0) {
                        assertThat(live.add(ip)).as("address %s of c%s is unique", ip, i).isTrue();
                        assertThat(bridge.addressOf("c" + i, "eth0")).contains(ip);
                    }
                }
                for (Future<?> gc : gcs) {
                    gc.get(MINUTES, TimeUnit.MINUTES);
                }
                assertThat(bridge.allocationCount()).isEqualTo(live.size());
                assertThat(bridge.addressOf("stale", "eth0")).as("stale container removed by GC").isEmpty();
                assertThat(cacheFiles(cacheDir)).hasSize(live.size()).noneMatch(f -> f.startsWith(".tmp-"))
                        .doesNotContain("load-stale-eth0");
                assertThat(recorder.invocations(Verb.GC)).hasSize(2 * 2);
                recorder.clear();

                List<Future<?>> removals = new ArrayList<>();
                for (int i = 0; i < CONTAINERS; i++) {
                    int n = i;
                    removals.add(pool.submit(() -> {
                        cni.remove("c" + n, "/run/netns/c" + n);
                        return null;
                    }));
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
            assertThat(client.containerLockEntries()).as("per-container locks left behind").isZero();
        }
        assertThat(bridge.allocationCount()).isZero();
        assertThat(cacheFiles(cacheDir)).isEmpty();
    }

    private static List<String> cacheFiles(Path cacheDir) throws Exception {
        try (Stream<Path> files = Files.list(cacheDir.resolve("results"))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
