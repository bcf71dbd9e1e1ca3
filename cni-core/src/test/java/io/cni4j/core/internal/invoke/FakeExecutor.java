package io.cni4j.core.internal.invoke;

import io.cni4j.api.CniTimeoutException;
import io.cni4j.api.PluginExecutionException;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.PluginExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A plugin executor that records requests and answers from a script of outcomes (an
 * {@link ExecResult} or an exception to throw); the last outcome repeats.
 */
final class FakeExecutor implements PluginExecutor {

    final List<ExecRequest> requests = new ArrayList<>();
    private final Deque<Object> outcomes = new ArrayDeque<>();

    FakeExecutor then(Object outcome) {
        outcomes.add(outcome);
        return this;
    }

    static FakeExecutor answering(Object outcome) {
        return new FakeExecutor().then(outcome);
    }

    static ExecResult result(int exit, String stdout, String stderr) {
        return new ExecResult(exit, 0, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ExecResult run(ExecRequest request)
            throws PluginExecutionException, CniTimeoutException, InterruptedException {
        requests.add(request);
        Object outcome = outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
        if (outcome instanceof ExecResult r) {
            return r;
        } else if (outcome instanceof PluginExecutionException e) {
            throw e;
        } else if (outcome instanceof CniTimeoutException e) {
            throw e;
        } else if (outcome instanceof InterruptedException e) {
            throw e;
        }
        throw new AssertionError("no outcome scripted");
    }

    ExecRequest last() {
        return requests.get(requests.size() - 1);
    }
}
