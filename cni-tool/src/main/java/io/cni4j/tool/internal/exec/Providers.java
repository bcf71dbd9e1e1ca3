package io.cni4j.tool.internal.exec;

import io.cni4j.api.spi.ExecutorProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds executor providers for the commands that use one directly ({@code version}, {@code netns},
 * {@code demo}), with the engine's selection rules: the name given, else the system property
 * {@code io.cni4j.executor}, else the available provider with the highest priority (ties go to the
 * alphabetically first name; a negative priority is chosen only by name, as the testkit's fake is). A
 * provider that fails to load is skipped.
 */
public final class Providers {

    /** The system property the engine reads for the provider name. */
    public static final String PROPERTY = "io.cni4j.executor";

    private final Supplier<List<ExecutorProvider>> source;

    /**
     * Selection among the providers a supplier gives.
     *
     * @param source the candidates, asked on each selection
     */
    public Providers(Supplier<List<ExecutorProvider>> source) {
        this.source = source;
    }

    /**
     * The providers visible to the tool's module through {@link ServiceLoader}.
     *
     * @return the providers that loaded; failures are skipped
     */
    public static List<ExecutorProvider> discover() {
        List<ExecutorProvider> found = new ArrayList<>();
        var iterator = ServiceLoader.load(ExecutorProvider.class, Providers.class.getClassLoader()).stream().iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next().get());
            } catch (ServiceConfigurationError e) {
                System.getLogger(Providers.class.getName()).log(System.Logger.Level.WARNING,
                        "skipping an executor provider that failed to load", e);
            }
        }
        return found;
    }

    /**
     * Selects a provider.
     *
     * @param name the name asked for on the command line, if any
     * @return the provider, available
     * @throws IllegalStateException naming the candidates if the named provider is missing or
     *     unavailable, or if none is available
     */
    public ExecutorProvider select(Optional<String> name) {
        List<ExecutorProvider> candidates = source.get();
        Optional<String> wanted = name.or(() -> Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank()));
        if (wanted.isPresent()) {
            ExecutorProvider p = candidates.stream().filter(c -> c.name().equals(wanted.get())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executor provider named '" + wanted.get()
                            + "'; found: " + describe(candidates)));
            if (!p.isAvailable()) {
                throw new IllegalStateException("executor provider '" + p.name() + "' is not available: "
                        + p.unavailabilityCause().map(Throwable::getMessage).orElse("no reason given"));
            }
            return p;
        }
        return candidates.stream().filter(ExecutorProvider::isAvailable)
                .filter(c -> c.priority() >= 0)
                .min(Comparator.comparingInt(ExecutorProvider::priority).reversed().thenComparing(ExecutorProvider::name))
                .orElseThrow(() -> new IllegalStateException("no executor provider is available; found: "
                        + describe(candidates) + " (put cni-exec-process on the module path)"));
    }

    private static String describe(List<ExecutorProvider> candidates) {
        if (candidates.isEmpty()) {
            return "none";
        }
        return candidates.stream().map(c -> c.name() + (c.isAvailable() ? "" : " (unavailable: "
                + c.unavailabilityCause().map(Throwable::getMessage).orElse("?") + ")"))
                .collect(Collectors.joining(", "));
    }
}
