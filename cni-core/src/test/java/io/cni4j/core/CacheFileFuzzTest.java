package io.cni4j.core;

import static io.cni4j.api.NamespaceOption.arg;
import static io.cni4j.api.NamespaceOption.label;
import static io.cni4j.api.NamespaceOption.portMappings;
import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Cni;
import io.cni4j.api.CniException;
import io.cni4j.api.CniResult;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.PortMapping;
import io.cni4j.api.ResultCacheException;
import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generative fuzzing of result cache files ({@link JsonMutator#CASES} mutants of a real cniCacheV1
 * file, written by a setup with CNI_ARGS and capabilities): parsing never throws, a cached result
 * parses or fails with {@link InvalidResultException}, and through the facade check succeeds or fails
 * with {@link ResultCacheException} (or the plugin's own error), remove succeeds and deletes the file
 * (unless the damage names a plugin that does not exist for a network that is not loaded: that DEL
 * fails as it would for a loaded network), and gc throws nothing but the API's exceptions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CacheFileFuzzTest {

    private static final String NS = "/run/netns/c1";

    @TempDir
    Path dir;

    @Test
    @DisplayName("mutants of a cache file never break parsing, check, remove or gc")
    void mutants() throws Exception {
        FakePluginExecutor plugins = new FakePluginExecutor().register("bridge", FakePlugins.bridge("10.22.0.0/16"))
                .register("portmap", FakePlugins.passThrough());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        plugins.installPlaceholders(bin);
        Files.writeString(conf.resolve("10-net.conflist"), "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":"
                + "[{\"type\":\"bridge\"},{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}");
        ResultCache cache = new ResultCache(dir.resolve("cache"));
        Path file = cache.path("net", "c1", "eth0");
        try (Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(bin))
                .confDir(conf).cacheDir(dir.resolve("cache")).build()) {
            cni.load(LoadOption.defaultConf());
            cni.setup("c1", NS, label("IgnoreUnknown", "1"), arg("K8S_POD_NAME", "web"),
                    portMappings(List.of(PortMapping.tcp(8080, 80))));
            byte[] original = Files.readAllBytes(file);
            cni.remove("c1", NS);

            int checked = JsonMutator.forEachMutant("cache file", original, JsonMutator.CASES, mutant -> {
                Optional<?> entry = ResultCache.parse(mutant);
                Optional<byte[]> result = new ResultCache.CachedFile(file, mutant).resultJson();
                if (result.isPresent()) {
                    try {
                        CniResult parsed = CniResults.parse(result.get());
                        assertThat(parsed.cniVersion()).isNotEmpty();
                    } catch (InvalidResultException e) {
                        assertThat(e.getMessage()).isNotBlank();
                    }
                }
                Files.write(file, mutant);
                try {
                    cni.check("c1", NS);
                } catch (ResultCacheException | PluginErrorException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
                assertThat(cni.attachments("")).hasSizeLessThanOrEqualTo(entry.isPresent() ? 1 : 0);
                try {
                    cni.remove("c1", NS);
                    assertThat(Files.exists(file, LinkOption.NOFOLLOW_LINKS)).as("cache file after remove").isFalse();
                } catch (PluginExecutionException e) {
                    // A record, damaged into another network that is not loaded, names a plugin that does not
                    // exist: that DEL cannot run, and remove says so (as for a loaded network).
                    assertThat(e.reason()).isEqualTo(PluginExecutionException.Reason.NOT_FOUND);
                    assertThat(cni.attachments("c1")).extracting(a -> a.network()).doesNotContain("net");
                }
                Files.write(file, mutant);
                try {
                    cni.gc(List.of());
                } catch (CniException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
                Files.deleteIfExists(file);
            });
            assertThat(checked).isEqualTo(JsonMutator.CASES);
        }
    }
}
