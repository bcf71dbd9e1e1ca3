package io.cni4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link CniTestDirs} parameters: fresh, empty configuration, cache and plugin directories
 * in a new temporary directory, deleted after the test (or after the class, for {@code @BeforeAll}
 * parameters). All parameters of one test, including those of its {@code @BeforeEach} methods, get
 * the same instance.
 *
 * <pre>{@code
 * @ExtendWith(CniDirsExtension.class)
 * class LoaderTest {
 *     @Test
 *     void loadsTheFirstConflist(CniTestDirs dirs) throws Exception {
 *         dirs.writeConflist("10-net", "{\"cniVersion\":\"1.0.0\",\"name\":\"net\",\"plugins\":[...]}");
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class CniDirsExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CniDirsExtension.class);

    /** Creates the extension (JUnit does). */
    public CniDirsExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CniTestDirs.class;
    }

    @Override
    public CniTestDirs resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        CniTestDirs dirs = store.get(context.getUniqueId(), CniTestDirs.class);
        if (dirs == null) {
            try {
                dirs = CniTestDirs.createUnder(Files.createTempDirectory("cni4j-test-"));
            } catch (IOException e) {
                throw new ParameterResolutionException("cannot create temporary CNI directories: " + e, e);
            }
            store.put(context.getUniqueId(), dirs);
        }
        return dirs;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        cleanUp(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        cleanUp(context);
    }

    private static void cleanUp(ExtensionContext context) throws IOException {
        CniTestDirs dirs = context.getStore(NAMESPACE).remove(context.getUniqueId(), CniTestDirs.class);
        if (dirs != null) {
            dirs.delete();
        }
    }
}
