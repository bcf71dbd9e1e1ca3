package io.cni4j.core.internal.client;

import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.core.internal.engine.InvokerRunner;
import io.cni4j.core.internal.engine.NetworkEngine;
import io.cni4j.core.internal.invoke.PluginInvoker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Wires a client's engine from its settings. */
final class Engines {

    private Engines() {
    }

    static PluginInvoker invoker(Settings settings) {
        Set<String> names = settings.inheritedEnvironment();
        Supplier<Map<String, String>> environment = names == null ? System::getenv : () -> {
            Map<String, String> allowed = new LinkedHashMap<>();
            System.getenv().forEach((name, value) -> {
                if (names.contains(name)) {
                    allowed.put(name, value);
                }
            });
            return allowed;
        };
        return new PluginInvoker(settings.provider().executor(), settings.pluginDirs(), settings.maxOutputBytes(),
                environment, PluginInvoker.REAL_SLEEPER);
    }

    static NetworkEngine engine(Settings settings, PluginInvoker invoker) {
        return new NetworkEngine(new InvokerRunner(invoker), new ResultCache(settings.cacheDir()));
    }
}
