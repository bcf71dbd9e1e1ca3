package io.cni4j.testkit;

import io.cni4j.api.spi.ExecutorProvider;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ExecutorProvider} of the fakes: a {@link FakePluginExecutor} and
 * {@link FakeNetnsManager}s. It is registered with {@link java.util.ServiceLoader} under the name
 * {@value #NAME} with priority {@value #PRIORITY}, so discovery never picks it over a real provider;
 * name it ({@code -Dio.cni4j.executor=fake}) or, better, pass an instance to the client builder's
 * {@code executorProvider(...)} so the test holds the executor and its recorder.
 */
public final class FakeExecutorProvider implements ExecutorProvider {

    /** The provider's name. */
    public static final String NAME = "fake";

    /** The provider's priority: far below any real provider. */
    public static final int PRIORITY = -100;

    private final FakePluginExecutor executor;

    /** Creates a provider with a new, empty {@link FakePluginExecutor} (the ServiceLoader constructor). */
    public FakeExecutorProvider() {
        this(new FakePluginExecutor());
    }

    /**
     * Creates a provider around an executor the test has set up.
     *
     * @param executor the executor with its registered plugins
     */
    public FakeExecutorProvider(FakePluginExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** @return {@value #NAME} */
    @Override
    public String name() {
        return NAME;
    }

    /** @return {@value #PRIORITY} */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /** @return always {@code true}: the fakes need nothing from the machine */
    @Override
    public boolean isAvailable() {
        return true;
    }

    /** @return always empty */
    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    /** @return the fake executor, the same instance on every call */
    @Override
    public FakePluginExecutor executor() {
        return executor;
    }

    /**
     * A fake netns manager: namespaces are plain files under {@code directory} (no root needed).
     *
     * @param directory where the files live
     * @return a new {@link FakeNetnsManager}
     */
    @Override
    public FakeNetnsManager netnsManager(Path directory) {
        return new FakeNetnsManager(directory);
    }
}
