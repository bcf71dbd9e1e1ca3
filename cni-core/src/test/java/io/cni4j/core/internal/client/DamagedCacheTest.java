package io.cni4j.core.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.ResultCacheException;
import io.cni4j.api.Verb;
import io.cni4j.core.Cni4j;
import io.cni4j.testkit.FakeBridgePlugin;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A result cache file damaged after setup, in every way a crash, a full disk, another tool or an
 * operator can damage it: remove still runs every DEL and deletes the file, gc still succeeds, and
 * check reports a {@link ResultCacheException} that names the network (or, where libcni reads the
 * file as a legacy raw result, runs with that).
 */
@Timeout(60)
class DamagedCacheTest {

    private static final String NS = "/run/netns/c1";

    @TempDir
    Path dir;

    FakePluginExecutor plugins;
    FakeBridgePlugin bridge;
    Path pluginDir;
    Path confDir;
    Path cacheDir;

    @BeforeEach
    void setUp() throws Exception {
        bridge = FakePlugins.bridge("10.22.0.0/16");
        plugins = new FakePluginExecutor().register("bridge", bridge);
        pluginDir = Files.createDirectories(dir.resolve("bin"));
        confDir = Files.createDirectories(dir.resolve("conf"));
        cacheDir = dir.resolve("cache");
        plugins.installPlaceholders(pluginDir);
        Files.writeString(confDir.resolve("10-net.conflist"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[{\"type\":\"bridge\"}]}");
    }

    private Cni client() throws Exception {
        Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(pluginDir))
                .confDir(confDir).cacheDir(cacheDir).build();
        cni.load(LoadOption.defaultConf());
        return cni;
    }

    private Path cacheFile(String id) {
        return cacheDir.resolve("results/net-" + id + "-eth0");
    }

    /** What check does with the damaged file. */
    enum Check { FAILS, RUNS }

    /** What is left where the file was after remove. */
    enum Left { NOTHING, THE_DIRECTORY }

    /** One way to damage a cache file, and what check and remove then do. */
    enum Damage {
        TRUNCATED(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            }
        },
        EMPTY(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.write(file, new byte[0]);
            }
        },
        GARBAGE(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, "this is not a cache file\n");
            }
        },
        BINARY(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                byte[] bytes = new byte[4096];
                new Random(42).nextBytes(bytes);
                Files.write(file, bytes);
            }
        },
        /** libcni reads a file of another kind as a legacy raw result: here an empty 0.1.0 one, which converts. */
        WRONG_KIND(Check.RUNS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, Files.readString(file).replace("\"cniCacheV1\"", "\"cniCacheV2\""));
            }
        },
        UNKNOWN_RESULT_VERSION(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, Files.readString(file).replace("\"cniVersion\":\"1.0.0\"", "\"cniVersion\":\"0.4567.0\""));
            }
        },
        /** An older result version converts to the network's: check runs with it. */
        OLDER_RESULT_VERSION(Check.RUNS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, Files.readString(file).replace("\"cniVersion\":\"1.0.0\"", "\"cniVersion\":\"0.3.1\""));
            }
        },
        RESULT_NOT_AN_OBJECT(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                String text = Files.readString(file);
                Files.writeString(file, text.substring(0, text.indexOf("\"result\":")) + "\"result\":[1,2]}");
            }
        },
        LEGACY_RAW_RESULT_OF_AN_UNKNOWN_VERSION(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, "{\"cniVersion\":\"9.9.9\",\"ips\":[]}");
            }
        },
        /** The record's CNI_ARGS could never be passed on: remove and gc run DEL without them. */
        CACHED_ARGS_WITH_NUL(Check.RUNS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                String text = Files.readString(file);
                Files.writeString(file, text.replace("\"networkName\":\"net\"",
                        "\"networkName\":\"net\",\"cniArgs\":[[\"a\\u0000\",\"1\"]]"));
            }
        },
        /** The record names a container id no DEL may carry: gc skips it, remove of c1 deletes the file by its name. */
        RECORDED_CONTAINER_ID_INVALID(Check.RUNS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.writeString(file, Files.readString(file).replace("\"containerId\":\"c1\"", "\"containerId\":\"c;1\""));
            }
        },
        EMPTY_DIRECTORY(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.delete(file);
                Files.createDirectory(file);
            }
        },
        /** Never deleted recursively: someone else put it there. */
        DIRECTORY_WITH_CONTENT(Check.FAILS, Left.THE_DIRECTORY) {
            @Override
            void apply(Path file) throws IOException {
                Files.delete(file);
                Files.writeString(Files.createDirectory(file).resolve("inside"), "x");
            }
        },
        FIFO(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException, InterruptedException {
                Files.delete(file);
                int exit = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor();
                assumeTrue(exit == 0, "mkfifo failed");
            }
        },
        SYMLINK_LOOP(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.delete(file);
                Files.createSymbolicLink(file, file);
            }
        },
        /** Mode 000, or for root (who reads anything) a link to a file whose reading fails with EIO. */
        UNREADABLE(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                if (Files.isReadable(file)) {
                    Files.delete(file);
                    Files.createSymbolicLink(file, Path.of("/proc/self/mem"));
                }
            }
        },
        /** Larger than the 4 MiB read limit (sparse, so it costs no disk). */
        HUGE(Check.FAILS, Left.NOTHING) {
            @Override
            void apply(Path file) throws IOException {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap("}".getBytes(StandardCharsets.UTF_8)), 64L << 20);
                }
            }
        };

        final Check check;
        final Left left;

        Damage(Check check, Left left) {
            this.check = check;
            this.left = left;
        }

        abstract void apply(Path file) throws IOException, InterruptedException;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    @DisplayName("check fails clearly or runs as libcni does; remove runs DEL and deletes the file")
    void checkAndRemove(Damage damage) throws Exception {
        try (Cni cni = client()) {
            cni.setup("c1", NS);
            damage.apply(cacheFile("c1"));
            plugins.recorder().clear();

            if (damage.check == Check.FAILS) {
                assertThatThrownBy(() -> cni.check("c1", NS)).isInstanceOf(ResultCacheException.class)
                        .hasMessageStartingWith("failed to get network \"net\" cached result: ");
                assertThat(plugins.recorder().invocations()).as("plugins run by check").isEmpty();
            } else {
                cni.check("c1", NS);
                assertThat(plugins.recorder().invocations("bridge", Verb.CHECK)).singleElement()
                        .satisfies(i -> assertThat(i.config().get("prevResult").get("cniVersion").asText())
                                .isEqualTo("1.0.0"));
            }
            assertThatCode(() -> cni.attachments("")).as("listing the cache").doesNotThrowAnyException();

            cni.remove("c1", NS);
        }
        assertThat(plugins.recorder().invocations("bridge", Verb.DEL)).hasSize(1);
        assertThat(bridge.allocationCount()).isZero();
        if (damage.left == Left.NOTHING) {
            assertThat(Files.exists(cacheFile("c1"), LinkOption.NOFOLLOW_LINKS)).as("cache file left").isFalse();
        } else {
            assertThat(cacheFile("c1")).isDirectory();
        }
        try (Cni again = client()) {
            again.remove("c1", NS);
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    @DisplayName("gc succeeds and removes the readable stale attachments next to a damaged file")
    void gc(Damage damage) throws Exception {
        try (Cni cni = client()) {
            cni.setup("c1", NS);
            cni.setup("c2", "/run/netns/c2");
            cni.setup("keep", "/run/netns/keep");
            damage.apply(cacheFile("c1"));

            cni.gc(List.of(new io.cni4j.api.GcAttachment("keep", "eth0")));

            assertThat(cacheFile("c2")).doesNotExist();
            assertThat(cacheFile("keep")).exists();
            List<String> deleted = plugins.recorder().invocations("bridge", Verb.DEL).stream()
                    .map(i -> i.env().get("CNI_CONTAINERID")).toList();
            assertThat(deleted).contains("c2").doesNotContain("keep");
            // A damaged file that still parses as cniCacheV1 was collected; one that does not is not listed.
            List<String> listed = cni.attachments("").stream().map(CachedAttachment::containerId).toList();
            assertThat(listed).contains("keep").doesNotContain("c1", "c2");
            cni.remove("c1", NS);
            cni.remove("keep", "/run/netns/keep");
        }
        assertThat(bridge.allocationCount()).isZero();
    }

    @Test
    @DisplayName("a cache directory that is a file makes remove report it, after every DEL ran")
    void cacheDirIsAFile() throws Exception {
        try (Cni cni = client()) {
            cni.setup("c1", NS);
            Path results = cacheDir.resolve("results");
            Files.walk(results).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.writeString(results, "not a directory");
            assertThatThrownBy(() -> cni.remove("c1", NS)).isInstanceOf(io.cni4j.api.ConfigReadException.class)
                    .hasMessageContaining("failed to read result cache directory " + results);
            assertThat(plugins.recorder().invocations("bridge", Verb.DEL)).hasSize(1);
        }
        assertThat(bridge.allocationCount()).isZero();
    }
}
