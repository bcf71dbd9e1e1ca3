package io.cni4j.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.core.Cni4j;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with SIGKILL in the middle of setting up 20 containers ({@link SetupChild}, run on the plain
 * class path in a child JVM with the process executor). Afterwards, in this JVM, a fresh client:
 * <ul>
 *   <li>finds only complete {@code cniCacheV1} files in the cache (a temp file can remain only if the kill
 *       hit a cache write between create and rename; it is never read as an attachment, and GC deletes it
 *       once stale: the test ages any such file);</li>
 *   <li>{@code gc} with no valid attachment removes every attachment the cache knows about: its veth,
 *       address, reservation and cache file;</li>
 *   <li>the container whose ADD was in flight can have a veth and a reservation but no cache file (the
 *       spec's "an ADD must be followed by a DEL even if it failed"): {@code remove} of every id with the
 *       configuration loaded cleans those too.</li>
 * </ul>
 */
class JvmKillTest {

    private static final String NETWORK = "it-crash";
    private static final int CONTAINERS = 20;
    private static final int DONE_BEFORE_KILL = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private RealNetwork net;
    private Process child;

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.destroyForcibly();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    @DisplayName("SIGKILL of a JVM setting up 20 containers: only complete cache files remain; a fresh client's gc "
            + "removes every cached attachment, and remove of every id also cleans the one whose ADD was in flight")
    void killedMidSetup() throws Exception {
        RealNetwork.requireRealNetworking();
        net = RealNetwork.under(tmp, "process");
        RealNetwork.Lan lan = net.lan(28);
        net.dirs().writeConflist("10-crash", """
                {"cniVersion":"1.0.0","name":"%s","plugins":[%s]}""".formatted(NETWORK, net.bridge(lan)));
        List<Path> namespaces = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            namespaces.add(net.netns("crash-" + i));
        }
        Set<String> linksBefore = HostState.links();

        List<String> done = runAndKill(namespaces.get(0).getParent());
        assertThat(done).hasSizeGreaterThanOrEqualTo(DONE_BEFORE_KILL);

        // 1. the cache holds complete files only
        List<String> files = HostState.cacheFiles(net.cacheDir());
        List<String> temps = files.stream().filter(f -> f.startsWith(".tmp-")).toList();
        List<String> entries = files.stream().filter(f -> !f.startsWith(".tmp-")).toList();
        Set<String> cachedIds = new LinkedHashSet<>();
        for (String name : entries) {
            JsonNode file = JSON.readTree(net.cacheDir().resolve("results").resolve(name).toFile());
            assertThat(file.path("kind").asText()).as(name).isEqualTo("cniCacheV1");
            assertThat(name).isEqualTo(file.path("networkName").asText() + "-" + file.path("containerId").asText()
                    + "-" + file.path("ifName").asText());
            assertThat(file.path("result").isObject()).as(name).isTrue();
            if (file.path("networkName").asText().equals(NETWORK)) {
                cachedIds.add(file.path("containerId").asText());
            }
        }
        for (String id : done) {
            assertThat(entries).contains("cni-loopback-" + id + "-lo", NETWORK + "-" + id + "-eth0");
        }
        for (String temp : temps) {
            System.out.println("JvmKillTest: the kill hit a cache write, left " + temp);
            Files.setLastModifiedTime(net.cacheDir().resolve("results").resolve(temp),
                    FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }

        // 2. a fresh client's gc (nothing valid) removes everything the cache knows about
        try (Cni fresh = net.client().build()) {
            fresh.load(LoadOption.loopback(), LoadOption.defaultConf());
            assertThat(fresh.attachments("")).extracting(a -> a.network() + "-" + a.containerId() + "-" + a.ifName())
                    .containsExactlyElementsOf(entries);
            fresh.gc(List.of());
            assertThat(fresh.attachments("")).isEmpty();
        }
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
        for (String id : cachedIds) {
            assertThat(HostState.linkIn(namespaces.get(Integer.parseInt(id.substring("crash-".length()))), "eth0"))
                    .as(id).isEmpty();
            assertThat(HostState.reservationsOf(net.dataDir(), NETWORK, id)).as(id).isEmpty();
        }

        // 3. what the cache never knew: the ADD in flight at the kill
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            String id = "crash-" + i;
            if (!HostState.linkIn(namespaces.get(i), "eth0").isEmpty()
                    || !HostState.reservationsOf(net.dataDir(), NETWORK, id).isEmpty()) {
                inFlight.add(id);
            }
        }
        System.out.println("JvmKillTest: cached " + cachedIds + ", in flight without a cache file " + inFlight);
        assertThat(inFlight).doesNotContainAnyElementsOf(cachedIds).hasSizeLessThanOrEqualTo(1);

        try (Cni fresh = net.client().build()) {
            fresh.load(LoadOption.loopback(), LoadOption.defaultConf());
            for (int i = 0; i < CONTAINERS; i++) {
                fresh.remove("crash-" + i, namespaces.get(i).toString());
            }
        }
        for (Path ns : namespaces) {
            assertThat(HostState.linkIn(ns, "eth0")).as(ns.toString()).isEmpty();
        }
        assertThat(HostState.linksAddedSince(linksBefore)).allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.reservations(net.dataDir(), NETWORK)).isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    /**
     * Starts {@link SetupChild}, waits for {@value #DONE_BEFORE_KILL} finished setups, then stops it
     * (SIGSTOP, so that it starts no further plugin), notes the plugins it runs, kills it with SIGKILL and
     * waits until those plugins have finished on their own.
     *
     * @return the ids the child reported done, at least {@value #DONE_BEFORE_KILL}
     */
    private List<String> runAndKill(Path netnsDir) throws Exception {
        Path stderr = tmp.resolve("child.err");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", childClassPath(), SetupChild.class.getName(),
                "process", RealNetwork.PLUGIN_DIR.toString(), net.dirs().confDir().toString(),
                net.cacheDir().toString(), netnsDir.toString(), "crash-", Integer.toString(CONTAINERS));
        child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "setup-child-stdout");
        reader.setDaemon(true);
        reader.start();

        List<String> done = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (done.size() < DONE_BEFORE_KILL) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                assertThat(line).startsWith("done ");
                done.add(line.substring("done ".length()));
            } else if (!child.isAlive() || System.nanoTime() - deadline > 0) {
                fail("the child did not report " + DONE_BEFORE_KILL + " setups (alive: " + child.isAlive() + "): "
                        + Files.readString(stderr));
            }
        }
        HostState.run("kill", "-STOP", Long.toString(child.pid()));
        List<ProcessHandle> plugins = child.descendants().toList();
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(128 + 9);
        for (ProcessHandle p : plugins) {
            assertThat(HostState.awaitGone(p.pid(), PATIENCE)).as("plugin %s of the killed JVM ends", p.pid()).isTrue();
        }
        reader.join(PATIENCE.toMillis());
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            done.add(line.substring("done ".length())); // printed after the 5th, before the stop
        }
        return done;
    }

    /** This JVM's module path and class path, and this class's own location, as a plain class path. */
    private static String childClassPath() throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            Stream.of(value.split(File.pathSeparator)).filter(s -> !s.isEmpty()).forEach(entries::add);
        }
        for (Class<?> type : List.of(SetupChild.class, Cni4j.class, Cni.class, CachedAttachment.class)) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
