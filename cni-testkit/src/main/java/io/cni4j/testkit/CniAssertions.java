package io.cni4j.testkit;

import io.cni4j.api.CniResult;
import io.cni4j.api.Result;

/**
 * Entry point of the AssertJ assertions for cni4j values. Static-import {@code assertThat} from here
 * next to AssertJ's own; overloads pick the right one.
 *
 * <pre>{@code
 * assertThat(result).hasInterface("eth0").withAddressIn("10.22.0.0/16").withGateway("10.22.0.1");
 * assertThat(executor.recorder()).invoked("portmap", Verb.ADD).withCapability("portMappings");
 * }</pre>
 */
public final class CniAssertions {

    private CniAssertions() {
    }

    /**
     * Assertions on the facade's merged {@link Result}.
     *
     * @param actual the result
     * @return the assertion
     */
    public static ResultAssert assertThat(Result actual) {
        return new ResultAssert(actual);
    }

    /**
     * Assertions on one plugin's or network's {@link CniResult}.
     *
     * @param actual the result
     * @return the assertion
     */
    public static CniResultAssert assertThat(CniResult actual) {
        return new CniResultAssert(actual);
    }

    /**
     * Assertions on what fake plugins were asked to do.
     *
     * @param actual the recorder
     * @return the assertion
     */
    public static RecorderAssert assertThat(InvocationRecorder actual) {
        return new RecorderAssert(actual);
    }

    /**
     * Assertions on one recorded invocation.
     *
     * @param actual the invocation
     * @return the assertion
     */
    public static InvocationAssert assertThat(RecordedInvocation actual) {
        return new InvocationAssert(actual);
    }
}
