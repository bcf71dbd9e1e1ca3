package io.cni4j.testkit;

import io.cni4j.api.Verb;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link InvocationRecorder}: which fake plugins ran, how often and in
 * which order. Get one from {@link CniAssertions#assertThat(InvocationRecorder)}.
 */
public final class RecorderAssert extends AbstractAssert<RecorderAssert, InvocationRecorder> {

    RecorderAssert(InvocationRecorder actual) {
        super(actual, RecorderAssert.class);
    }

    /**
     * Verifies that a plugin type was invoked with a verb at least once, and moves on to assertions
     * about the most recent such invocation.
     *
     * @param pluginType the plugin type, e.g. {@code portmap}
     * @param verb the verb
     * @return assertions on the last matching invocation
     */
    public InvocationAssert invoked(String pluginType, Verb verb) {
        isNotNull();
        List<RecordedInvocation> matches = actual.invocations(pluginType, verb);
        if (matches.isEmpty()) {
            failWithMessage("Expecting %s %s to have been invoked but the recorded invocations are %s", pluginType, verb,
                    actual.invocations());
        }
        return new InvocationAssert(matches.get(matches.size() - 1));
    }

    /**
     * Verifies that a plugin type was never invoked with a verb.
     *
     * @param pluginType the plugin type
     * @param verb the verb
     * @return this
     */
    public RecorderAssert notInvoked(String pluginType, Verb verb) {
        isNotNull();
        List<RecordedInvocation> matches = actual.invocations(pluginType, verb);
        if (!matches.isEmpty()) {
            failWithMessage("Expecting %s %s not to have been invoked but it was, %s times: %s", pluginType, verb,
                    matches.size(), matches);
        }
        return this;
    }

    /**
     * Verifies how often a plugin type was invoked with a verb.
     *
     * @param pluginType the plugin type
     * @param verb the verb
     * @param times the expected count
     * @return this
     */
    public RecorderAssert invokedTimes(String pluginType, Verb verb, int times) {
        isNotNull();
        int count = actual.invocations(pluginType, verb).size();
        if (count != times) {
            failWithMessage("Expecting %s %s to have been invoked %s times but it was invoked %s times; recorded: %s",
                    pluginType, verb, times, count, actual.invocations());
        }
        return this;
    }

    /**
     * Verifies the order of the invocations with one verb: their plugin types, exactly and in order
     * (invocations with other verbs are ignored). Checks that ADD ran the chain forwards and DEL
     * backwards.
     *
     * @param verb the verb
     * @param pluginTypes the expected plugin types, in order
     * @return this
     */
    public RecorderAssert invokedInOrder(Verb verb, String... pluginTypes) {
        isNotNull();
        List<String> types = actual.invocations(verb).stream().map(RecordedInvocation::pluginType).toList();
        if (!types.equals(List.of(pluginTypes))) {
            failWithMessage("Expecting the %s invocations to be, in order, %s but they were %s", verb,
                    List.of(pluginTypes), types);
        }
        return this;
    }

    /**
     * Verifies that nothing was invoked.
     *
     * @return this
     */
    public RecorderAssert hasNoInvocations() {
        isNotNull();
        if (actual.size() != 0) {
            failWithMessage("Expecting no plugin invocations but there were %s: %s", actual.size(), actual.invocations());
        }
        return this;
    }
}
