package io.cni4j.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test method once for each real executor provider ({@link RealNetwork#EXECUTORS}: process, then
 * jna), passing the provider's name as the method's {@code String} parameter. Each run is named
 * {@code [process]} or {@code [jna]} under the method's display name, so reports tell which executor a
 * failure came from.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{0}]")
@MethodSource("io.cni4j.it.RealNetwork#executors")
@interface ForEachExecutor {
}
