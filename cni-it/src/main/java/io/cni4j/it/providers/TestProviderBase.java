package io.cni4j.it.providers;

import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Shared behaviour of the test providers: an executor that answers every request with the provider's
 * name on stdout (so a test can tell which provider ran), and no netns manager.
 */
abstract class TestProviderBase implements ExecutorProvider {

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public PluginExecutor executor() {
        byte[] stdout = name().getBytes(StandardCharsets.UTF_8);
        return request -> new ExecResult(0, 0, stdout, new byte[0]);
    }

    @Override
    public NetnsManager netnsManager(Path directory) {
        throw new UnsupportedOperationException(name() + " manages no namespaces");
    }
}
