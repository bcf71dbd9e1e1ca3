package io.cni4j.tool.internal.exit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.CniError;
import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.ConfigReadException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.InvalidRequestException;
import io.cni4j.api.InvalidResultException;
import io.cni4j.api.LoadException;
import io.cni4j.api.NetnsException;
import io.cni4j.api.NetworkNotFoundException;
import io.cni4j.api.NotInitializedException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.ResultCacheException;
import io.cni4j.api.Verb;
import io.cni4j.tool.internal.cli.UsageException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExitStatusTest {

    static Stream<Arguments> failures() {
        CniError error = new CniError(7, "bad", "");
        return Stream.of(
                Arguments.of(new UsageException("x"), 2),
                Arguments.of(new NotInitializedException("no config"), 3),
                Arguments.of(new LoadException("load failed", new NotInitializedException("no config")), 3),
                Arguments.of(new LoadException("load failed", new InvalidConfigException("bad")), 1),
                Arguments.of(new CniTimeoutException("slow"), 4),
                Arguments.of(new PluginErrorException(error, "bridge", Verb.ADD, "net", new CniTimeoutException("slow")), 4),
                Arguments.of(new InvalidConfigException("bad"), 1),
                Arguments.of(new ConfigReadException("unreadable"), 1),
                Arguments.of(new InvalidResultException("garbage"), 1),
                Arguments.of(new NetworkNotFoundException("gone"), 1),
                Arguments.of(new LoadException("load failed"), 1),
                Arguments.of(new InvalidRequestException(error), 1),
                Arguments.of(new PluginErrorException(error, "bridge", Verb.ADD, "net", null), 1),
                Arguments.of(new PluginExecutionException(PluginExecutionException.Reason.NOT_FOUND, "no plugin", null), 1),
                Arguments.of(new NetnsException("no netns"), 1),
                Arguments.of(new ResultCacheException("cache", new IOException("disk")), 1),
                Arguments.of(new IllegalStateException("no executor"), 1),
                Arguments.of(new InterruptedException(), 1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    @DisplayName("every exception type maps to its documented exit status")
    void mapping(Throwable failure, int status) {
        assertThat(ExitStatus.of(failure)).isEqualTo(status);
    }
}
