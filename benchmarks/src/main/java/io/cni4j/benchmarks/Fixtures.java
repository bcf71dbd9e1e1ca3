package io.cni4j.benchmarks;

import io.cni4j.api.Cni;
import io.cni4j.api.LoadOption;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.core.Cni4j;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.testkit.FakeExecutorProvider;
import io.cni4j.testkit.FakePluginExecutor;
import io.cni4j.testkit.FakePlugins;
import io.cni4j.testkit.InvocationRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What several benchmarks set up the same way: the fake chain and a plugin VERSION request. */
final class Fixtures {

    /** The stdin of a VERSION call. */
    static final byte[] VERSION_STDIN = "{\"cniVersion\":\"1.1.0\"}".getBytes(StandardCharsets.UTF_8);

    private Fixtures() {
    }

    /**
     * A client over loopback + bridge/host-local + portmap, whose plugins are the testkit's fakes
     * (they answer at once), loaded; its plugin dir, conf dir and cache dir are made under a root.
     *
     * @param cni the client; the caller closes it
     * @param recorder the fake executor's record of invocations, to clear between batches
     */
    record FakeChain(Cni cni, InvocationRecorder recorder) {

        /**
         * Makes the tree under {@code root} and a loaded client over it.
         *
         * @param root an empty directory: {@code bin}, {@code conf} and {@code cache} go in it
         * @return the chain
         * @throws Exception if a directory cannot be made or the load fails
         */
        static FakeChain open(Path root) throws Exception {
            FakePluginExecutor plugins = new FakePluginExecutor()
                    .register("loopback", FakePlugins.loopback())
                    .register("bridge", FakePlugins.bridge("10.0.0.0/8"))
                    .register("portmap", FakePlugins.passThrough());
            Path bin = Files.createDirectories(root.resolve("bin"));
            plugins.installPlaceholders(bin);
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.writeString(conf.resolve("10-net.conflist"), """
                    {"cniVersion":"1.0.0","name":"net","plugins":[
                      {"type":"bridge","bridge":"cni0","isGateway":true,"ipMasq":true,
                       "ipam":{"type":"host-local","ranges":[[{"subnet":"10.0.0.0/8"}]],"routes":[{"dst":"0.0.0.0/0"}]}},
                      {"type":"portmap","capabilities":{"portMappings":true}}]}""");
            Cni cni = Cni4j.newBuilder().executorProvider(new FakeExecutorProvider(plugins)).pluginDirs(List.of(bin))
                    .confDir(conf).cacheDir(root.resolve("cache")).build();
            cni.load(LoadOption.loopback(), LoadOption.defaultConf());
            return new FakeChain(cni, plugins.recorder());
        }
    }

    /**
     * A VERSION request for a program, with this process's environment (without {@code CNI_*}) and
     * the six {@code CNI_*} variables, as the engine would send it.
     *
     * @param program the executable
     * @param timeout the run's timeout
     * @return the request
     */
    static ExecRequest versionRequest(Path program, Duration timeout) {
        List<String> env = new ArrayList<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("CNI_")) {
                env.add(k + "=" + v);
            }
        });
        env.addAll(List.of("CNI_COMMAND=VERSION", "CNI_CONTAINERID=", "CNI_NETNS=dummy", "CNI_ARGS=",
                "CNI_IFNAME=dummy", "CNI_PATH=dummy"));
        return new ExecRequest(program, VERSION_STDIN, env, timeout, PluginInvoker.DEFAULT_MAX_OUTPUT_BYTES);
    }
}
