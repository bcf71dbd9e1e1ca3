package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cni4j.api.Cni;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.Result;
import io.cni4j.api.Verb;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that fail in ways no error object describes, second in a chain after Debian's bridge: killed by
 * SIGKILL, hanging, silent, or not startable because their file is open for writing ("text file busy").
 * Each setup fails with a clear exception of the API's hierarchy and the rollback leaves nothing: no veth,
 * no address in the namespace, no host-local reservation, no cache file. The faulty plugins are POSIX
 * shell scripts (or a copy of Debian's tuning plugin) in the test's plugin directory, which is searched
 * after Debian's; each script logs every verb it gets.
 */
class PluginFaultsTest {

    private static final String NETWORK = "fault-net";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private RealNetwork net;
    private RealNetwork.Lan lan;
    private Path ns;
    private Path log;
    private Set<String> linksBefore;

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    /**
     * Writes {@code fault-net}: bridge (with host-local) then the faulty plugin; makes the namespace.
     *
     * @param executor the executor under test
     * @param slot the slot of {@link RealNetwork}'s table
     * @param faulty the second plugin's type
     */
    private void network(String executor, int slot, String faulty) throws Exception {
        RealNetwork.requireRealNetworking();
        net = RealNetwork.under(tmp, executor);
        lan = net.lan(slot);
        log = tmp.resolve("calls.log");
        net.dirs().writeConflist("10-fault", """
                {"cniVersion":"1.0.0","name":"%s","plugins":[%s,{"type":"%s"}]}"""
                .formatted(NETWORK, net.bridge(lan), faulty));
        ns = net.netns("fault-c1");
        linksBefore = HostState.links();
    }

    /**
     * Writes a script plugin that logs its verb, runs {@code onAdd} at ADD and exits 0 on every other verb.
     *
     * @param type the plugin type
     * @param onAdd shell commands for ADD
     */
    private void script(String type, String onAdd) throws IOException {
        net.dirs().writeScriptPlugin(type, """
                cat > /dev/null
                echo "$CNI_COMMAND" >> '%s'
                if [ "$CNI_COMMAND" = ADD ]; then
                %s
                fi
                exit 0""".formatted(log, onAdd));
    }

    private Cni client() throws Exception {
        Cni cni = net.client().pluginDirs(List.of(RealNetwork.PLUGIN_DIR, net.dirs().pluginDir())).build();
        cni.load(LoadOption.defaultConf());
        return cni;
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Nothing of the attachment is left: no eth0, no host veth, no reservation, no cache file. */
    private void assertNothingLeft() {
        assertThat(HostState.linkIn(ns, "eth0")).as("eth0 in the namespace").isEmpty();
        assertThat(HostState.linksAddedSince(linksBefore)).as("links added on the host side")
                .allMatch(n -> n.equals(lan.bridge()));
        assertThat(HostState.reservations(net.dataDir(), NETWORK)).as("host-local reservations").isEmpty();
        assertThat(HostState.cacheFiles(net.cacheDir())).as("result cache").isEmpty();
    }

    @ForEachExecutor
    @DisplayName("a plugin killed by SIGKILL mid-ADD: PluginErrorException naming the plugin, verb and the kill; "
            + "the rollback DEL removes the bridge's veth, address and reservation; nothing cached")
    void killedMidAdd(String executor) throws Exception {
        network(executor, 20, "suicidal");
        script("suicidal", "kill -9 $$");

        try (Cni cni = client()) {
            PluginErrorException e = catchThrowableOfType(PluginErrorException.class,
                    () -> cni.setup("fault-c1", ns.toString()));

            assertThat(e).isNotNull();
            assertThat(e.pluginType()).isEqualTo("suicidal");
            assertThat(e.verb()).isEqualTo(Verb.ADD);
            assertThat(e.network()).isEqualTo(NETWORK);
            // jna sees the signal itself; a ProcessBuilder executor only sees 128 + 9
            assertThat(e).hasMessage("plugin type=\"suicidal\" network=\"fault-net\" failed (add): "
                    + "netplugin failed with no error message: "
                    + (executor.equals("jna") ? "signal: killed" : "exit status 137 (128+9: SIGKILL, killed?)"));
            assertThat(e.getSuppressed()).isEmpty();
        }
        assertThat(calls()).containsExactly("ADD", "DEL");
        assertNothingLeft();
    }

    @ForEachExecutor
    @DisplayName("a plugin that hangs at ADD: CniTimeoutException at the call's deadline, the plugin and its child "
            + "are killed, the rollback removes the bridge part")
    void hangs(String executor) throws Exception {
        network(executor, 21, "hanging");
        Path pidFile = tmp.resolve("plugin.pid");
        Path childFile = tmp.resolve("child.pid");
        script("hanging", """
                echo $$ > '%s'
                sleep 1000 &
                echo $! > '%s'
                wait""".formatted(pidFile, childFile));

        try (Cni cni = client()) {
            CniTimeoutException e = catchThrowableOfType(CniTimeoutException.class,
                    () -> cni.setup("fault-c1", ns.toString(), timeout(Duration.ofSeconds(2))));

            assertThat(e).isNotNull();
            assertThat(e).hasMessageStartingWith("plugin type=\"hanging\" network=\"fault-net\" failed (add): ")
                    .hasMessageContaining("and was killed");
            assertThat(e.getSuppressed()).isEmpty();
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long child = Long.parseLong(Files.readString(childFile).strip());
        assertThat(HostState.running(pid)).as("the plugin (pid %s) runs", pid).isFalse();
        assertThat(HostState.awaitGone(child, PATIENCE)).as("the plugin's child (pid %s) is gone", child).isTrue();
        assertThat(calls()).containsExactly("ADD", "DEL");
        assertNothingLeft();
    }

    @ForEachExecutor
    @DisplayName("a plugin that exits 0 without output at ADD: InvalidResultException naming the plugin and "
            + "network; rolled back")
    void silent(String executor) throws Exception {
        network(executor, 22, "silent");
        script("silent", "exit 0");

        try (Cni cni = client()) {
            InvalidResultException e = catchThrowableOfType(InvalidResultException.class,
                    () -> cni.setup("fault-c1", ns.toString()));

            assertThat(e).isNotNull();
            assertThat(e).hasMessageStartingWith(
                    "plugin type=\"silent\" network=\"fault-net\" returned an invalid result (add): ");
            assertThat(e.getSuppressed()).isEmpty();
        }
        assertThat(calls()).containsExactly("ADD", "DEL");
        assertNothingLeft();
    }

    // ---------------------------------------------------------------- text file busy

    /**
     * Copies Debian's tuning plugin (it passes prevResult through) into the test's plugin directory as
     * {@code held} and opens it for writing, as an installer that is still writing it would.
     */
    private FileChannel heldPlugin() throws IOException {
        Path held = net.dirs().pluginDir().resolve("held");
        Files.copy(RealNetwork.PLUGIN_DIR.resolve("tuning"), held, StandardCopyOption.COPY_ATTRIBUTES);
        return FileChannel.open(held, StandardOpenOption.WRITE);
    }

    /** Collects the invoker's DEBUG lines about busy attempts (System.Logger goes to java.util.logging). */
    private static final class BusyAttempts extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("io.cni4j.core.internal.invoke.PluginInvoker");
        private final Level level = logger.getLevel();
        private final List<String> lines = new CopyOnWriteArrayList<>();

        BusyAttempts() {
            logger.setLevel(Level.FINE);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            String msg = record.getMessage();
            if (msg != null && msg.contains("(text file busy), attempt ")) {
                lines.add(msg);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(level);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }

    @Test
    @DisplayName("a plugin file open for writing at ADD and released after the first busy attempt: the engine "
            + "retries and the setup succeeds")
    void busyUntilReleased() throws Exception {
        network("process", 23, "held");
        try (BusyAttempts attempts = new BusyAttempts(); Cni cni = client()) {
            CompletableFuture<Result> setup;
            try (FileChannel writer = heldPlugin()) {
                setup = cni.setupAsync("fault-c1", ns.toString());
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (attempts.lines().isEmpty() && !setup.isDone() && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(attempts.lines()).as("busy attempts seen before the release").isNotEmpty();
            }
            Result result = setup.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(attempts.lines()).hasSizeLessThan(6).allMatch(l -> l.contains("/held is busy"));
            String ip = result.interfaces().get("eth0").addresses().get(0).ip().getHostAddress();
            assertThat(HostState.ipv4In(ns, "eth0")).containsExactly(ip + "/24");
            assertThat(HostState.reservations(net.dataDir(), NETWORK)).containsExactly(ip);
            assertThat(HostState.cacheFiles(net.cacheDir())).containsExactly(NETWORK + "-fault-c1-eth0");

            cni.remove("fault-c1", ns.toString());
        }
        assertNothingLeft();
    }

    @Test
    @DisplayName("a plugin file open for writing during the whole setup: 6 attempts 1 s apart, then "
            + "PluginExecutionException(TEXT_FILE_BUSY); the rollback's DEL of that plugin is busy too, yet the bridge "
            + "part is removed; after the release a remove succeeds")
    void busyToTheEnd() throws Exception {
        network("process", 24, "held");
        try (BusyAttempts attempts = new BusyAttempts(); Cni cni = client()) {
            try (FileChannel writer = heldPlugin()) {
                PluginExecutionException e = catchThrowableOfType(PluginExecutionException.class,
                        () -> cni.setup("fault-c1", ns.toString()));

                assertThat(e).isNotNull();
                assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.TEXT_FILE_BUSY);
                assertThat(e).hasMessageStartingWith("plugin type=\"held\" network=\"fault-net\" failed (add): ")
                        .hasMessageContaining("text file busy after 6 attempts 1000 ms apart");
                assertThat(e.getSuppressed()).singleElement().isInstanceOfSatisfying(PluginExecutionException.class,
                        s -> {
                            assertThat(s.reason()).isEqualTo(PluginExecutionException.Reason.TEXT_FILE_BUSY);
                            assertThat(s).hasMessageStartingWith(
                                    "plugin type=\"held\" network=\"fault-net\" failed (delete): ");
                        });
                assertThat(attempts.lines()).hasSize(12); // 6 at ADD, 6 at the rollback's DEL
                assertNothingLeft();
            }
            cni.remove("fault-c1", ns.toString());
        }
        assertNothingLeft();
    }
}
