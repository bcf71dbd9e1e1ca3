package io.cni4j.it;

import static io.cni4j.api.NamespaceOption.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cni4j.api.Cni;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/**
 * A23 (a plugin past its deadline is killed) through the client and each real executor, with a shell
 * plugin that sleeps at ADD. libcni reports the kill as a plugin error ("netplugin failed with no error
 * message: signal: killed"); cni4j throws {@link CniTimeoutException} instead, so a caller can tell a
 * timeout from a plugin's own failure. The executor TCK covers the kill itself (SIGTERM, then SIGKILL
 * for a plugin that ignores it); these tests show it end to end: the client's deadline reaches the
 * executor, the plugin and its child are gone afterwards, and the failed setup is rolled back.
 * No root needed: no namespace is made.
 */
class TimeoutTest {

    /** Long enough for the plugin to start and write its pid files, even on a busy machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private RealNetwork net;
    private Path log;
    private Path pidFile;
    private Path childFile;

    @BeforeEach
    void files() {
        log = tmp.resolve("calls.log");
        pidFile = tmp.resolve("plugin.pid");
        childFile = tmp.resolve("child.pid");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (net != null) {
            net.close();
        }
    }

    /**
     * Writes the {@code sleeper} plugin and a 1.0.0 network {@code slow-net} of it. At ADD it records
     * its pid and that of a {@code sleep 1000} it starts, then waits for that sleep; DEL answers at once.
     * Every call is logged as its verb.
     *
     * @return the plugin's path
     */
    private Path sleeper() throws IOException {
        Path plugin = net.dirs().writeScriptPlugin("sleeper", """
                cat > /dev/null
                echo "$CNI_COMMAND" >> '%s'
                if [ "$CNI_COMMAND" = ADD ]; then
                  echo $$ > '%s'
                  sleep 1000 &
                  echo $! > '%s'
                  wait
                fi
                exit 0""".formatted(log, pidFile, childFile));
        net.dirs().writeConflist("10-slow", """
                {"cniVersion":"1.0.0","name":"slow-net","plugins":[{"type":"sleeper"}]}""");
        return plugin;
    }

    private Cni.Builder client() {
        return net.client().pluginDirs(List.of(net.dirs().pluginDir()));
    }

    @ForEachExecutor
    @DisplayName("A23: setup past its per-call timeout: CniTimeoutException names the plugin, network and verb; "
            + "the plugin and its child are killed; the rollback DEL ran; nothing is cached")
    void perCallTimeout(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        Path plugin = sleeper();
        try (Cni cni = client().build()) {
            cni.load(LoadOption.defaultConf());

            CniTimeoutException e = catchThrowableOfType(CniTimeoutException.class,
                    () -> cni.setup("c1", "/run/netns/slow-c1", timeout(DEADLINE)));

            assertThat(e).isNotNull();
            assertThat(e).hasMessageStartingWith("plugin type=\"sleeper\" network=\"slow-net\" failed (add): plugin "
                    + plugin);
            assertThat(e.getSuppressed()).isEmpty(); // the rollback succeeded
        }
        assertKilled();
        assertThat(Files.readAllLines(log)).containsExactly("ADD", "DEL");
        assertThat(HostState.cacheFiles(net.cacheDir())).isEmpty();
    }

    @ForEachExecutor
    @DisplayName("A23: the client's default timeout bounds an async setup: the future fails with CniTimeoutException "
            + "and the plugin and its child are killed")
    void clientTimeoutAsync(String executor) throws Exception {
        net = RealNetwork.under(tmp, executor);
        sleeper();
        try (Cni cni = client().timeout(DEADLINE).build()) {
            cni.load(LoadOption.defaultConf());

            CompletableFuture<Result> setup = cni.setupAsync("c2", "/run/netns/slow-c2");

            assertThat(setup).failsWithin(PATIENCE)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(CniTimeoutException.class)
                    .withMessageStartingWith("plugin type=\"sleeper\" network=\"slow-net\" failed (add): ");
        }
        assertKilled();
        assertThat(Files.readAllLines(log)).containsExactly("ADD", "DEL");
    }

    /**
     * The plugin is killed and reaped by the executor; its child is killed too (reaping that one is its
     * new parent's business, so a zombie counts as gone).
     */
    private void assertKilled() throws Exception {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long child = Long.parseLong(Files.readString(childFile).strip());
        assertThat(Path.of("/proc/" + pid)).as("the plugin (pid %s) is killed and reaped", pid).doesNotExist();
        assertThat(HostState.awaitGone(child, PATIENCE)).as("the plugin's child (pid %s) still runs", child).isTrue();
    }
}
