package io.cni4j.testkit.internal.junit;

import io.cni4j.api.spi.ExecutorProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Picks the real executor provider for root tests the way the engine picks one (the system property
 * {@value #PROPERTY} by name, else the available provider with the highest priority), but never the
 * fake provider, which makes no real namespaces.
 */
public final class ProviderSelection {

    /** The system property that names a provider. */
    public static final String PROPERTY = "io.cni4j.executor";

    private static final String FAKE = "fake";

    /**
     * The outcome: a provider, or the reason there is none.
     *
     * @param provider the selected provider, or {@code null}
     * @param problem why none was selected, or {@code null}
     */
    public record Selection(ExecutorProvider provider, String problem) {
    }

    private ProviderSelection() {
    }

    /**
     * Discovers providers with {@link ServiceLoader} from the testkit's class loader and selects one.
     *
     * @return the selection
     */
    public static Selection discover() {
        List<ExecutorProvider> providers = new ArrayList<>();
        List<String> loadFailures = new ArrayList<>();
        Iterator<ExecutorProvider> it = ServiceLoader.load(ExecutorProvider.class, ProviderSelection.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                loadFailures.add(e.getMessage());
            }
        }
        Selection selection = select(providers, System.getProperty(PROPERTY));
        if (selection.problem() != null && !loadFailures.isEmpty()) {
            return new Selection(null, selection.problem() + "; providers that failed to load: " + loadFailures);
        }
        return selection;
    }

    /**
     * Selects a real provider from a list.
     *
     * @param providers the candidates
     * @param requestedName the requested name, or {@code null}/blank for the highest priority
     * @return the selection
     */
    public static Selection select(List<ExecutorProvider> providers, String requestedName) {
        List<ExecutorProvider> real = providers.stream().filter(p -> !FAKE.equals(p.name())).toList();
        List<String> names = real.stream().map(ExecutorProvider::name).toList();
        if (requestedName != null && !requestedName.isBlank()) {
            if (FAKE.equals(requestedName)) {
                return new Selection(null, PROPERTY + "=fake selects the fake provider, which makes no real namespaces");
            }
            ExecutorProvider named = real.stream().filter(p -> p.name().equals(requestedName)).findFirst().orElse(null);
            if (named == null) {
                return new Selection(null, "no executor provider named \"" + requestedName + "\" (" + PROPERTY
                        + "); found " + names);
            }
            return available(named) ? new Selection(named, null)
                    : new Selection(null, "executor provider \"" + requestedName + "\" is not available: " + cause(named));
        }
        return real.stream().filter(ProviderSelection::available)
                .max(Comparator.comparingInt(ExecutorProvider::priority))
                .map(p -> new Selection(p, null))
                .orElseGet(() -> new Selection(null, real.isEmpty()
                        ? "no real executor provider on the class or module path (add cni-exec-process or cni-exec-jna)"
                        : "no executor provider is available: " + describe(real)));
    }

    private static boolean available(ExecutorProvider provider) {
        try {
            return provider.isAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String cause(ExecutorProvider provider) {
        try {
            return provider.unavailabilityCause().map(Objects::toString).orElse("no reason given");
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static String describe(List<ExecutorProvider> providers) {
        List<String> parts = new ArrayList<>();
        providers.forEach(p -> parts.add(p.name() + ": " + cause(p)));
        return String.join("; ", parts);
    }
}
