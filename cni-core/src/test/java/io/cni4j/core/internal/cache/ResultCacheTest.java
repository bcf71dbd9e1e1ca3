package io.cni4j.core.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.api.CachedAttachment;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.core.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultCacheTest {

    /** The cache file §2.8 shows, as Go's encoder wrote it for a go-cni Setup. */
    static final String GO_WRITTEN = "{\"kind\":\"cniCacheV1\",\"containerId\":\"c2201c8869e4\",\"config\":\"eyJjbmlWZXJzaW9uIjoiMS4wLjAiLCJuYW1lIjoiY29udGFpbmVyZC1uZXQiLCJwbHVnaW5zIjpbeyJ0eXBlIjoiYnJpZGdlIiwiYnJpZGdlIjoiY25pMCIsImlzR2F0ZXdheSI6dHJ1ZSwiaXBNYXNxIjp0cnVlLCJpcGFtIjp7InR5cGUiOiJob3N0LWxvY2FsIiwicmFuZ2VzIjpbW3sic3VibmV0IjoiMTAuODguMC4wLzE2In1dXSwicm91dGVzIjpbeyJkc3QiOiIwLjAuMC4wLzAifV19fSx7InR5cGUiOiJwb3J0bWFwIiwiY2FwYWJpbGl0aWVzIjp7InBvcnRNYXBwaW5ncyI6dHJ1ZX19XX0=\",\"ifName\":\"eth0\",\"networkName\":\"containerd-net\",\"netns\":\"/var/run/netns/cni-51d91578\",\"cniArgs\":[[\"IgnoreUnknown\",\"1\"],[\"K8S_POD_NAMESPACE\",\"default\"],[\"K8S_POD_NAME\",\"nginx\"]],\"capabilityArgs\":{\"portMappings\":[{\"HostPort\":8080,\"ContainerPort\":80,\"Protocol\":\"tcp\",\"HostIP\":\"\"}]},\"result\":{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"mac\":\"0e:4a:6b:2a:11:01\",\"name\":\"cni0\"},{\"mac\":\"5a:1c:33:0a:9e:02\",\"name\":\"vethd3a1f2c4\"},{\"mac\":\"b2:a1:c0:16:d5:e2\",\"name\":\"eth0\",\"sandbox\":\"/var/run/netns/cni-51d91578\"}],\"ips\":[{\"address\":\"10.88.0.5/16\",\"gateway\":\"10.88.0.1\",\"interface\":2}],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}";

    static final String CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"containerd-net\",\"plugins\":[{\"type\":\"bridge\",\"bridge\":\"cni0\",\"isGateway\":true,\"ipMasq\":true,\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"10.88.0.0/16\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}";

    @TempDir
    Path dir;

    private CacheEntry goEntry() throws Exception {
        JsonNode go = Json.parse(GO_WRITTEN);
        return new CacheEntry("c2201c8869e4", CONFIG.getBytes(StandardCharsets.UTF_8), "eth0", "containerd-net",
                "/var/run/netns/cni-51d91578",
                List.of(Map.entry("IgnoreUnknown", "1"), Map.entry("K8S_POD_NAMESPACE", "default"),
                        Map.entry("K8S_POD_NAME", "nginx")),
                go.get("capabilityArgs"), go.get("result"));
    }

    @Test
    @DisplayName("a file written by Go libcni is read field by field (A13 format)")
    void readsGoWrittenFile() throws Exception {
        CacheEntry e = ResultCache.parse(GO_WRITTEN.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(e.containerId()).isEqualTo("c2201c8869e4");
        assertThat(new String(e.config(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
        assertThat(e.ifName()).isEqualTo("eth0");
        assertThat(e.networkName()).isEqualTo("containerd-net");
        assertThat(e.netns()).isEqualTo("/var/run/netns/cni-51d91578");
        assertThat(e.cniArgs()).containsExactly(Map.entry("IgnoreUnknown", "1"),
                Map.entry("K8S_POD_NAMESPACE", "default"), Map.entry("K8S_POD_NAME", "nginx"));
        assertThat(e.capabilityArgs().at("/portMappings/0/HostPort").asInt()).isEqualTo(8080);
        assertThat(e.result().at("/ips/0/address").asText()).isEqualTo("10.88.0.5/16");
    }

    @Test
    @DisplayName("what cni4j writes is, as JSON, exactly what Go libcni writes for the same attachment")
    void writesGoCompatibleFile() throws Exception {
        ResultCache cache = new ResultCache(dir);
        cache.write(goEntry());
        Path file = dir.resolve("results/containerd-net-c2201c8869e4-eth0");
        assertThat(Json.parse(Files.readAllBytes(file))).isEqualTo(Json.parse(GO_WRITTEN));
        List<String> keys = new java.util.ArrayList<>();
        Json.parse(Files.readAllBytes(file)).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("kind", "containerId", "config", "ifName", "networkName", "netns",
                "cniArgs", "capabilityArgs", "result");
    }

    @Test
    @DisplayName("the file is 0600 in a 0700 directory and no temp file is left behind")
    void modesAndNoTempFiles() throws Exception {
        ResultCache cache = new ResultCache(dir.resolve("fresh"));
        cache.write(goEntry());
        cache.write(goEntry());
        Path results = dir.resolve("fresh/results");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(results))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("fresh"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                results.resolve("containerd-net-c2201c8869e4-eth0")))).isEqualTo("rw-------");
        assertThat(cache.hasTempFiles()).isFalse();
        try (var s = Files.list(results)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("containerd-net-c2201c8869e4-eth0");
        }
    }

    @Test
    @DisplayName("optional fields are omitted when empty")
    void omitsEmptyOptionalFields() throws Exception {
        ResultCache cache = new ResultCache(dir);
        cache.write(new CacheEntry("id1", "{}".getBytes(StandardCharsets.UTF_8), "eth0", "net", "", List.of(),
                Json.object(), null));
        JsonNode written = Json.parse(Files.readAllBytes(dir.resolve("results/net-id1-eth0")));
        List<String> keys = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("kind", "containerId", "config", "ifName", "networkName");
    }

    @Test
    @DisplayName("read gives the cached result; a legacy raw-result file is its own result; missing is empty")
    void readResult() throws Exception {
        ResultCache cache = new ResultCache(dir);
        assertThat(cache.read("net", "id", "eth0")).isEmpty();
        cache.write(goEntry());
        byte[] result = cache.read("containerd-net", "c2201c8869e4", "eth0").orElseThrow().resultJson().orElseThrow();
        assertThat(Json.parse(result).get("cniVersion").asText()).isEqualTo("1.0.0");

        Files.writeString(dir.resolve("results/legacy-id-eth0"), "{\"cniVersion\":\"0.3.1\",\"ips\":[]}");
        byte[] legacy = cache.read("legacy", "id", "eth0").orElseThrow().resultJson().orElseThrow();
        assertThat(Json.parse(legacy).get("cniVersion").asText()).isEqualTo("0.3.1");
    }

    @Test
    @DisplayName("a directory in place of the file, or an oversized file, is a read error, not a hang")
    void unreadableFiles() throws Exception {
        ResultCache cache = new ResultCache(dir);
        Files.createDirectories(dir.resolve("results/net-id-eth0"));
        assertThatThrownBy(() -> cache.read("net", "id", "eth0")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
        Path big = dir.resolve("results/net-big-eth0");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), ResultCache.MAX_FILE_BYTES);
        }
        assertThatThrownBy(() -> cache.read("net", "big", "eth0")).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", ".", "..", "a\u0000b", "a\nb", ".tmp-x"})
    @DisplayName("names that could escape the results directory are refused")
    void unsafeNames(String bad) {
        ResultCache cache = new ResultCache(dir);
        assertThatThrownBy(() -> cache.path("net", bad, "eth0")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cache.path(bad, "id", "eth0")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> cache.path("net", "id", bad)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("an empty part gives libcni's message")
    void emptyParts() {
        ResultCache cache = new ResultCache(dir);
        assertThatThrownBy(() -> cache.path("", "some-container-id", "eth0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cache file path requires network name (\"\"), container ID (\"some-container-id\"), "
                        + "and interface name (\"eth0\")");
    }

    @Test
    @DisplayName("attachments: sorted, filtered by container, bad files skipped, missing dir empty (A18)")
    void attachments() throws Exception {
        ResultCache cache = new ResultCache(dir);
        assertThat(cache.attachments("")).isEmpty();
        byte[] conf = "{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8);
        cache.write(new CacheEntry("b", conf, "eth0", "net2", "/run/netns/b", List.of(), null, null));
        cache.write(new CacheEntry("a", conf, "eth1", "net1", "", List.of(Map.entry("K", "V")), null, null));
        cache.write(new CacheEntry("a", conf, "eth0", "net1", "", List.of(), null, null));
        Path results = dir.resolve("results");
        Files.writeString(results.resolve("net1-a-eth9"), "garbage");
        Files.writeString(results.resolve("net1-a-eth8"), "{\"cniVersion\":\"0.4.0\"}");
        Files.writeString(results.resolve("net3-a-eth0"),
                "{\"kind\":\"cniCacheV1\",\"containerId\":\"other\",\"config\":\"\",\"ifName\":\"eth0\",\"networkName\":\"net3\"}");
        Files.writeString(results.resolve("net4-a-eth0"),
                "{\"kind\":\"cniCacheV1\",\"containerId\":\"a\",\"config\":\"\",\"ifName\":\"\",\"networkName\":\"net4\"}");

        List<CachedAttachment> all = cache.attachments("");
        assertThat(all).extracting(a -> a.network() + "/" + a.containerId() + "/" + a.ifName())
                .containsExactly("net1/a/eth0", "net1/a/eth1", "net2/b/eth0", "net3/other/eth0");
        assertThat(all.get(1).cniArgs()).containsExactly(Map.entry("K", "V"));
        assertThat(all.get(2).netns()).isEqualTo("/run/netns/b");
        assertThat(all.get(0).configJson()).isEqualTo("{\"name\":\"n\"}");

        assertThat(cache.attachments("a")).extracting(CachedAttachment::ifName).containsExactly("eth0", "eth1");
        assertThat(cache.attachments("b")).extracting(CachedAttachment::network).containsExactly("net2");
    }

    @Test
    @DisplayName("the config is stored as standard base64 with padding, for every length, and read back as it was")
    void configBase64() throws Exception {
        ResultCache cache = new ResultCache(dir);
        java.util.Random random = new java.util.Random(3);
        for (int length = 0; length < 70; length++) {
            byte[] config = new byte[length];
            random.nextBytes(config);
            cache.write(new CacheEntry("id", config, "eth0", "net", "", List.of(), null, null));
            byte[] file = Files.readAllBytes(cache.path("net", "id", "eth0"));
            assertThat(Json.parse(file).get("config").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(config));
            assertThat(ResultCache.parse(file).orElseThrow().config()).isEqualTo(config);
        }
    }

    @Test
    @DisplayName("attachments with skipped names: those files are left out, the others listed as without")
    void attachmentsSkippingNames() throws Exception {
        ResultCache cache = new ResultCache(dir);
        byte[] conf = "{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8);
        cache.write(new CacheEntry("a", conf, "eth0", "net1", "", List.of(), null, null));
        cache.write(new CacheEntry("a", conf, "eth0", "net2", "", List.of(), null, null));
        cache.write(new CacheEntry("a", conf, "eth1", "net2", "", List.of(), null, null));
        cache.write(new CacheEntry("b", conf, "eth0", "net2", "", List.of(), null, null));
        String skipped = cache.path("net2", "a", "eth0").getFileName().toString();

        assertThat(cache.attachments("a", java.util.Set.of(skipped)))
                .extracting(a -> a.network() + "/" + a.containerId() + "/" + a.ifName())
                .containsExactly("net1/a/eth0", "net2/a/eth1");
        assertThat(cache.attachments("a", java.util.Set.of())).isEqualTo(cache.attachments("a"));
    }

    @Test
    @DisplayName("delete removes the file and tolerates a missing one")
    void delete() throws Exception {
        ResultCache cache = new ResultCache(dir);
        cache.write(goEntry());
        cache.delete("containerd-net", "c2201c8869e4", "eth0");
        cache.delete("containerd-net", "c2201c8869e4", "eth0");
        assertThat(cache.read("containerd-net", "c2201c8869e4", "eth0")).isEmpty();
    }

    @Test
    @DisplayName("a failed write leaves neither a partial target nor a temp file")
    void failedWriteLeavesNothing() throws Exception {
        ResultCache cache = new ResultCache(dir);
        Files.createDirectories(dir.resolve("results/containerd-net-c2201c8869e4-eth0/inner"));
        assertThatThrownBy(() -> cache.write(goEntry())).isInstanceOf(IOException.class);
        assertThat(cache.hasTempFiles()).isFalse();
    }

    @Test
    @DisplayName("stale temp files (a writer killed between create and rename) are deleted, young ones and real "
            + "entries are kept")
    void staleTempFiles() throws Exception {
        ResultCache cache = new ResultCache(dir);
        assertThat(cache.deleteStaleTempFiles(ResultCache.STALE_TEMP_AGE)).isZero(); // no results directory yet
        cache.write(goEntry());
        Path results = dir.resolve("results");
        Path stale = Files.writeString(results.resolve(".tmp-net-c1-eth0-1a2b"), "{\"kind\":\"cniCa");
        Path young = Files.writeString(results.resolve(".tmp-net-c2-eth0-3c4d"), "{\"kind\":");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(ResultCache.STALE_TEMP_AGE).minusSeconds(1)));

        assertThat(cache.deleteStaleTempFiles(ResultCache.STALE_TEMP_AGE)).isEqualTo(1);

        assertThat(stale).doesNotExist();
        assertThat(young).exists();
        assertThat(results.resolve("containerd-net-c2201c8869e4-eth0")).exists();
        assertThat(cache.attachments("")).hasSize(1);
    }

    @Test
    @DisplayName("a file name of 255 bytes is written and read; one byte more is refused (NAME_MAX)")
    void nameLengthLimit() throws Exception {
        ResultCache cache = new ResultCache(dir);
        String id = "x".repeat(ResultCache.MAX_NAME_BYTES - "net--eth0".length());
        byte[] conf = "{}".getBytes(StandardCharsets.UTF_8);
        cache.write(new CacheEntry(id, conf, "eth0", "net", "", List.of(), null, null));
        assertThat(cache.read("net", id, "eth0")).isPresent();
        assertThat(cache.attachments(id)).extracting(CachedAttachment::containerId).containsExactly(id);
        assertThatThrownBy(() -> cache.path("net", id + "x", "eth0"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessageContaining("would be 256 bytes, more than the 255");
        assertThatThrownBy(() -> cache.path("net", "\u00e9".repeat(124), "eth0"))
                .as("counted in UTF-8 bytes").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("a record larger than the 4 MiB read limit is not written: it could never be read back")
    void oversizedRecordIsNotWritten() throws Exception {
        ResultCache cache = new ResultCache(dir);
        JsonNode huge = Json.nodes().textNode("x".repeat((int) ResultCache.MAX_FILE_BYTES));
        CacheEntry entry = new CacheEntry("id", "{}".getBytes(StandardCharsets.UTF_8), "eth0", "net", "", List.of(),
                Json.object().set("big", huge), null);
        assertThatThrownBy(() -> cache.write(entry)).isInstanceOf(IOException.class)
                .hasMessageContaining("more than the 4194304 bytes (4 MiB) a cache file may have");
        assertThat(cache.read("net", "id", "eth0")).isEmpty();
        assertThat(cache.hasTempFiles()).isFalse();
    }

    @Test
    @DisplayName("a name the JVM cannot encode as a file name (an unpaired surrogate) is refused, not an InvalidPathException")
    void unencodableName() {
        ResultCache cache = new ResultCache(dir);
        assertThatThrownBy(() -> cache.path("net", "c1", "eth\ud800"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo(4))
                .hasMessageContaining("cannot be encoded as a file name");
    }
}
