package io.cni4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.testkit.internal.json.JsonTrees;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one {@link RecordedInvocation}: its environment and the config it got on
 * stdin. Reached through {@link RecorderAssert#invoked} or {@link CniAssertions#assertThat(RecordedInvocation)}.
 */
public final class InvocationAssert extends AbstractAssert<InvocationAssert, RecordedInvocation> {

    InvocationAssert(RecordedInvocation actual) {
        super(actual, InvocationAssert.class);
    }

    /**
     * Verifies that the config's {@code runtimeConfig} carries a capability (the engine injects only
     * the capabilities the plugin declares).
     *
     * @param capability the capability name, e.g. {@code portMappings}
     * @return this
     */
    public InvocationAssert withCapability(String capability) {
        isNotNull();
        if (!actual.runtimeConfig().has(capability)) {
            failWithMessage("Expecting %s to carry capability \"%s\" in runtimeConfig but runtimeConfig is %s",
                    actual.describe(), capability, describe(actual.runtimeConfig()));
        }
        return this;
    }

    /**
     * Verifies that the config's {@code runtimeConfig} carries a capability with this value.
     *
     * @param capability the capability name
     * @param json the expected value as JSON, e.g. {@code [{"hostPort":8080,"containerPort":80,"protocol":"tcp"}]}
     * @return this
     */
    public InvocationAssert withCapability(String capability, String json) {
        withCapability(capability);
        JsonNode expected = JsonTrees.parse(json);
        JsonNode value = actual.runtimeConfig().get(capability);
        if (!expected.equals(value)) {
            failWithMessage("Expecting %s to carry capability \"%s\" = %s but it is %s", actual.describe(), capability,
                    JsonTrees.text(expected), JsonTrees.text(value));
        }
        return this;
    }

    /**
     * Verifies that the config's {@code runtimeConfig} does not carry a capability.
     *
     * @param capability the capability name
     * @return this
     */
    public InvocationAssert withoutCapability(String capability) {
        isNotNull();
        if (actual.runtimeConfig().has(capability)) {
            failWithMessage("Expecting %s not to carry capability \"%s\" but runtimeConfig is %s", actual.describe(),
                    capability, describe(actual.runtimeConfig()));
        }
        return this;
    }

    /**
     * Verifies one environment variable.
     *
     * @param name the variable, e.g. {@code CNI_IFNAME}
     * @param value the expected value
     * @return this
     */
    public InvocationAssert withEnv(String name, String value) {
        isNotNull();
        Optional<String> found = actual.env(name);
        if (!found.equals(Optional.of(value))) {
            failWithMessage("Expecting %s to have %s=%s in its environment but it has %s", actual.describe(), name, value,
                    found.map(v -> name + "=" + v).orElse(name + " unset"));
        }
        return this;
    }

    /**
     * Verifies that an environment variable is unset.
     *
     * @param name the variable
     * @return this
     */
    public InvocationAssert withoutEnv(String name) {
        isNotNull();
        if (actual.env(name).isPresent()) {
            failWithMessage("Expecting %s not to have %s in its environment but it has %s=%s", actual.describe(), name,
                    name, actual.env(name).get());
        }
        return this;
    }

    /**
     * Verifies a value in the config the plugin got on stdin.
     *
     * @param jsonPointer where, e.g. {@code /name} or {@code /prevResult/ips/0/address}
     * @param json the expected value as JSON, e.g. {@code "\"mynet\""} or {@code 1500}
     * @return this
     */
    public InvocationAssert withConfigAt(String jsonPointer, String json) {
        isNotNull();
        JsonNode expected = JsonTrees.parse(json);
        JsonNode value = actual.config().at(jsonPointer);
        if (!expected.equals(value)) {
            failWithMessage("Expecting %s to have %s at %s in its config but it has %s; config: %s", actual.describe(),
                    JsonTrees.text(expected), jsonPointer, describe(value), describe(actual.config()));
        }
        return this;
    }

    /**
     * Verifies that the config carries a {@code prevResult}.
     *
     * @return this
     */
    public InvocationAssert withPrevResult() {
        isNotNull();
        if (!actual.config().has("prevResult")) {
            failWithMessage("Expecting %s to get a prevResult but its config has none: %s", actual.describe(),
                    describe(actual.config()));
        }
        return this;
    }

    /**
     * Verifies that the config carries no {@code prevResult} (as for the first plugin of an ADD).
     *
     * @return this
     */
    public InvocationAssert withoutPrevResult() {
        isNotNull();
        if (actual.config().has("prevResult")) {
            failWithMessage("Expecting %s to get no prevResult but it got %s", actual.describe(),
                    describe(actual.config().get("prevResult")));
        }
        return this;
    }

    private static String describe(JsonNode node) {
        return node == null || node.isMissingNode() ? "<missing>" : JsonTrees.text(node);
    }
}
