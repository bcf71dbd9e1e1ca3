package io.cni4j.core.internal.exec;

import io.cni4j.api.spi.ExecutorProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Spliterator;
import java.util.stream.Collectors;

/**
 * Finds and selects the {@link ExecutorProvider}.
 *
 * <p>Providers come from {@link ServiceLoader} with the core's own class loader (so the result does
 * not depend on the calling thread's context class loader), on the module path through
 * {@code provides} and on the class path through {@code META-INF/services}. Each provider is
 * instantiated exactly once; one that fails to load, to instantiate, or to describe itself is
 * skipped with a WARNING log line instead of breaking discovery.
 *
 * <p>Selection: the explicit name (the client builder's {@code executor(name)}), else the system
 * property {@value #PROPERTY}, else the available provider with the highest priority (ties go to
 * the alphabetically first name, with a warning).
 */
public final class ExecutorDiscovery {

    /** The system property that names the executor provider when the builder does not. */
    public static final String PROPERTY = "io.cni4j.executor";

    /** What to add when no provider is found. */
    static final String ADD_PROCESS_EXECUTOR =
            "add io.cni4j:cni-exec-process (module io.cni4j.exec.process) to the module path or class path";

    /** Stop looking after this many consecutive loading errors (a broken loader could repeat forever). */
    private static final int MAX_LOAD_ERRORS = 64;

    private static final System.Logger LOG = System.getLogger(ExecutorDiscovery.class.getName());

    private ExecutorDiscovery() {
    }

    /**
     * A loaded provider and what it said about itself, asked once.
     *
     * @param provider the provider instance
     * @param name its name
     * @param priority its priority
     * @param available whether it can work here
     * @param unavailabilityCause why not, when not available
     */
    public record Candidate(ExecutorProvider provider, String name, int priority, boolean available,
                            Optional<Throwable> unavailabilityCause) {

        /**
         * Validates the components.
         *
         * @param provider the provider
         * @param name the name
         * @param priority the priority
         * @param available the availability
         * @param unavailabilityCause the cause, may be empty
         */
        public Candidate {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(name, "name");
            unavailabilityCause = unavailabilityCause == null ? Optional.empty() : unavailabilityCause;
        }

        /**
         * Asks a provider about itself.
         *
         * @param provider the provider
         * @return the candidate
         * @throws RuntimeException whatever the provider throws
         */
        public static Candidate of(ExecutorProvider provider) {
            boolean available = provider.isAvailable();
            Optional<Throwable> cause = available ? Optional.empty()
                    : Objects.requireNonNullElse(provider.unavailabilityCause(), Optional.empty());
            return new Candidate(provider, Objects.requireNonNull(provider.name(), "name()"), provider.priority(),
                    available, cause);
        }

        /** @return e.g. {@code process (priority 10)} or {@code jna (unavailable: no libc)} */
        String describe() {
            if (available) {
                return name + " (priority " + priority + ")";
            }
            return name + " (unavailable: " + unavailabilityCause.map(Throwable::toString).orElse("no reason given") + ")";
        }
    }

    /**
     * Selects the provider: {@code explicitName}, else the system property, else by priority.
     *
     * @param explicitName the name given to the client builder, or {@code null}
     * @return the selected, available provider
     * @throws IllegalStateException if the named provider is missing or unavailable, or none is available
     */
    public static ExecutorProvider select(String explicitName) {
        return select(explicitName, System.getProperty(PROPERTY), discover());
    }

    /**
     * Loads every provider that ServiceLoader sees from the core's class loader.
     *
     * @return the providers that loaded and described themselves, in ServiceLoader order
     */
    public static List<Candidate> discover() {
        ServiceLoader<ExecutorProvider> loader =
                ServiceLoader.load(ExecutorProvider.class, ExecutorDiscovery.class.getClassLoader());
        Spliterator<ServiceLoader.Provider<ExecutorProvider>> providers = loader.stream().spliterator();
        List<Candidate> candidates = new ArrayList<>();
        int errors = 0;
        while (errors < MAX_LOAD_ERRORS) {
            try {
                if (!providers.tryAdvance(p -> instantiate(p).ifPresent(candidates::add))) {
                    break;
                }
                errors = 0;
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.log(Level.WARNING, "skipping an executor provider that failed to load: " + e, e);
            }
        }
        return List.copyOf(candidates);
    }

    private static Optional<Candidate> instantiate(ServiceLoader.Provider<ExecutorProvider> provider) {
        try {
            return Optional.of(Candidate.of(provider.get()));
        } catch (ServiceConfigurationError | RuntimeException e) {
            LOG.log(Level.WARNING, "skipping executor provider " + provider.type().getName() + ": " + e, e);
            return Optional.empty();
        }
    }

    /**
     * The selection rules, apart from where the candidates and the property come from.
     *
     * @param explicitName the builder's name, or {@code null}/blank for none
     * @param propertyValue the system property's value, or {@code null}/blank for none
     * @param candidates the loaded providers
     * @return the selected provider
     * @throws IllegalStateException if the named provider is missing or unavailable, or none is available
     */
    public static ExecutorProvider select(String explicitName, String propertyValue, List<Candidate> candidates) {
        if (!isBlank(explicitName)) {
            return byName(explicitName.strip(), "named on the client builder", candidates);
        }
        if (!isBlank(propertyValue)) {
            return byName(propertyValue.strip(), "named by the system property " + PROPERTY, candidates);
        }
        List<Candidate> available = candidates.stream().filter(Candidate::available)
                .filter(c -> c.priority() >= 0) // negative priority: only when named (the testkit's fake)
                .sorted(Comparator.comparingInt(Candidate::priority).reversed().thenComparing(Candidate::name))
                .toList();
        if (available.isEmpty()) {
            IllegalStateException e = new IllegalStateException("no executor provider is available: "
                    + ADD_PROCESS_EXECUTOR + unavailableSuffix(candidates));
            candidates.stream().flatMap(c -> c.unavailabilityCause().stream()).findFirst().ifPresent(e::initCause);
            throw e;
        }
        Candidate chosen = available.get(0);
        if (available.size() > 1 && available.get(1).priority() == chosen.priority()) {
            LOG.log(Level.WARNING, () -> "executor providers " + available.get(0).name() + " and "
                    + available.get(1).name() + " share priority " + chosen.priority() + "; using "
                    + chosen.name() + " (set " + PROPERTY + " to choose)");
        }
        LOG.log(Level.DEBUG, () -> "using executor provider " + chosen.describe() + " of " + describeAll(candidates));
        return chosen.provider();
    }

    private static ExecutorProvider byName(String name, String how, List<Candidate> candidates) {
        Optional<Candidate> match = candidates.stream().filter(c -> c.name().equals(name)).findFirst();
        if (match.isEmpty()) {
            throw new IllegalStateException("executor provider \"" + name + "\" (" + how + ") was not found; "
                    + "providers found: " + describeAll(candidates)
                    + (candidates.isEmpty() ? " (" + ADD_PROCESS_EXECUTOR + ")" : ""));
        }
        Candidate c = match.get();
        if (!c.available()) {
            IllegalStateException e = new IllegalStateException("executor provider \"" + name + "\" (" + how
                    + ") is not available: " + c.unavailabilityCause().map(Throwable::toString).orElse("no reason given")
                    + "; providers found: " + describeAll(candidates));
            c.unavailabilityCause().ifPresent(e::initCause);
            throw e;
        }
        return c.provider();
    }

    private static String unavailableSuffix(List<Candidate> candidates) {
        return candidates.isEmpty() ? "" : "; providers found: " + describeAll(candidates);
    }

    private static String describeAll(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
