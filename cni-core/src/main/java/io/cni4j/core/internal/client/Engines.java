package io.cni4j.core.internal.client;

import io.cni4j.core.internal.cache.ResultCache;
import io.cni4j.core.internal.engine.InvokerRunner;
import io.cni4j.core.internal.engine.NetworkEngine;
import io.cni4j.core.internal.invoke.PluginInvoker;

/** Wires a client's engine from its settings. */
final class Engines {

    private Engines() {
    }

    static NetworkEngine create(Settings settings) {
        PluginInvoker invoker = new PluginInvoker(settings.provider().executor(), settings.pluginDirs(),
                settings.maxOutputBytes());
        return new NetworkEngine(new InvokerRunner(invoker), new ResultCache(settings.cacheDir()));
    }
}
