package io.cni4j.testkit;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.testkit.internal.junit.ProviderSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests that declare a {@link TestNetns} parameter a real network namespace, created before
 * the test in a new temporary directory and removed after it.
 *
 * <p>The namespace is made by the netns manager of the executor provider that the engine would
 * select: the one named by the system property {@code io.cni4j.executor}, else the available one
 * with the highest priority, found with {@link java.util.ServiceLoader} from the testkit's class
 * loader. The fake provider is never used. When the process is not root (effective uid 0 with
 * {@code CAP_SYS_ADMIN}) or no real provider is available, the test is skipped with the reason, or
 * fails instead when the environment variable {@code CNI4J_REQUIRE_ROOT_TESTS=1} is set. Tests
 * without a {@code TestNetns} parameter are left alone. An executor module that wants its own
 * provider registers {@link #withProvider(ExecutorProvider)} with {@code @RegisterExtension}.
 *
 * <pre>{@code
 * @ExtendWith(NetnsExtension.class)
 * class BridgeIT {
 *     @Test
 *     void attaches(TestNetns netns) { ... netns.path() ... }
 * }
 * }</pre>
 */
public final class NetnsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NetnsExtension.class);

    private final ExecutorProvider provider;

    /** Creates the extension that discovers the provider (JUnit calls this for {@code @ExtendWith}). */
    public NetnsExtension() {
        this.provider = null;
    }

    private NetnsExtension(ExecutorProvider provider) {
        this.provider = provider;
    }

    /**
     * An extension that uses a given provider's netns manager instead of discovering one, for
     * {@code @RegisterExtension} in an executor module's own tests.
     *
     * @param provider the provider; the fake provider is refused
     * @return the extension
     * @throws IllegalArgumentException if {@code provider} is the fake provider
     */
    public static NetnsExtension withProvider(ExecutorProvider provider) {
        if (FakeExecutorProvider.NAME.equals(provider.name())) {
            throw new IllegalArgumentException("the fake provider makes no real network namespaces");
        }
        return new NetnsExtension(provider);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, NetnsException {
        boolean wanted = Arrays.stream(context.getRequiredTestMethod().getParameterTypes()).anyMatch(t -> t == TestNetns.class);
        if (!wanted) {
            return;
        }
        RootTestGate.requireRoot("real network namespace test");
        ProviderSelection.Selection selection = provider != null
                ? ProviderSelection.select(List.of(provider), provider.name()) : ProviderSelection.discover();
        RootTestGate.skipOrFail("real network namespace test", Optional.ofNullable(selection.problem()));
        Path directory = Files.createTempDirectory("cni4j-netns-");
        NetnsManager manager = selection.provider().netnsManager(directory);
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Path path;
        try {
            path = manager.create(name);
        } catch (NetnsException | RuntimeException e) {
            Files.deleteIfExists(directory);
            throw e;
        }
        context.getStore(NAMESPACE).put(context.getUniqueId(),
                new TestNetns(name, path, manager, selection.provider().name()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException, NetnsException {
        TestNetns netns = context.getStore(NAMESPACE).remove(context.getUniqueId(), TestNetns.class);
        if (netns != null) {
            try {
                netns.manager().remove(netns.path());
            } finally {
                Files.deleteIfExists(netns.manager().directory());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestNetns.class
                && parameterContext.getDeclaringExecutable().equals(extensionContext.getTestMethod().orElse(null));
    }

    @Override
    public TestNetns resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        TestNetns netns = context.getStore(NAMESPACE).get(context.getUniqueId(), TestNetns.class);
        if (netns == null) {
            throw new ParameterResolutionException("no network namespace was created for " + context.getDisplayName());
        }
        return netns;
    }
}
