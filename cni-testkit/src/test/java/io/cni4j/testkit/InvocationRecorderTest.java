package io.cni4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cni4j.api.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InvocationRecorderTest {

    @Test
    @DisplayName("concurrent runs are all recorded")
    void concurrentRecording() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor().register("p", call -> PluginReply.ok());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(() -> executor.run(FakePluginExecutorTest.request("p", "ADD", "{}"))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(executor.recorder().size()).isEqualTo(400);
        assertThat(executor.recorder().invocations()).allSatisfy(i -> assertThat(i.threadName()).startsWith("pool-"));
    }

    @Test
    @DisplayName("queries filter by type and verb, snapshots do not change, clear forgets")
    void queries() throws Exception {
        FakePluginExecutor executor = new FakePluginExecutor()
                .register("a", call -> PluginReply.ok()).register("b", call -> PluginReply.ok());
        executor.run(FakePluginExecutorTest.request("a", "ADD", "{}"));
        executor.run(FakePluginExecutorTest.request("b", "ADD", "{}"));
        executor.run(FakePluginExecutorTest.request("b", "DEL", "{}"));
        InvocationRecorder recorder = executor.recorder();
        List<RecordedInvocation> snapshot = recorder.invocations();
        assertThat(recorder.invocations("b")).extracting(RecordedInvocation::verb).containsExactly(Verb.ADD, Verb.DEL);
        assertThat(recorder.invocations("b", Verb.DEL)).hasSize(1);
        assertThat(recorder.invocations(Verb.ADD)).extracting(RecordedInvocation::pluginType).containsExactly("a", "b");
        recorder.clear();
        assertThat(recorder.size()).isZero();
        assertThat(snapshot).hasSize(3);
    }
}
