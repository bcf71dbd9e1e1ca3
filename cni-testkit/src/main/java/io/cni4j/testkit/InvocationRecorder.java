package io.cni4j.testkit;

import io.cni4j.api.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every invocation of a {@link FakePluginExecutor}'s plugins, in the order they ended. Thread-safe:
 * plugins run concurrently and tests read while they run. Queries return snapshots.
 */
public final class InvocationRecorder {

    private final List<RecordedInvocation> invocations = new ArrayList<>();

    /** Creates an empty recorder. */
    public InvocationRecorder() {
    }

    /**
     * Adds an invocation. The executor calls this; tests may too, to build a recorder by hand.
     *
     * @param invocation the invocation
     */
    public synchronized void record(RecordedInvocation invocation) {
        invocations.add(Objects.requireNonNull(invocation, "invocation"));
    }

    /** @return every invocation so far, oldest first */
    public synchronized List<RecordedInvocation> invocations() {
        return List.copyOf(invocations);
    }

    /**
     * The invocations of one plugin type.
     *
     * @param pluginType the type, e.g. {@code bridge}
     * @return its invocations, oldest first
     */
    public List<RecordedInvocation> invocations(String pluginType) {
        return invocations().stream().filter(i -> i.pluginType().equals(pluginType)).toList();
    }

    /**
     * The invocations of one plugin type with one verb.
     *
     * @param pluginType the type
     * @param verb the verb
     * @return those invocations, oldest first
     */
    public List<RecordedInvocation> invocations(String pluginType, Verb verb) {
        return invocations().stream().filter(i -> i.pluginType().equals(pluginType) && i.verb() == verb).toList();
    }

    /**
     * The invocations with one verb, of any plugin type.
     *
     * @param verb the verb
     * @return those invocations, oldest first
     */
    public List<RecordedInvocation> invocations(Verb verb) {
        return invocations().stream().filter(i -> i.verb() == verb).toList();
    }

    /** @return how many invocations were recorded */
    public synchronized int size() {
        return invocations.size();
    }

    /** Forgets every invocation, e.g. between the setup and the act phase of a test. */
    public synchronized void clear() {
        invocations.clear();
    }

    @Override
    public String toString() {
        return invocations().toString();
    }
}
