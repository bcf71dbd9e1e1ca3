package io.cni4j.core.internal.engine;

import io.cni4j.api.CniException;
import io.cni4j.api.PluginErrorException;
import io.cni4j.api.Verb;
import io.cni4j.core.internal.invoke.InvocationArgs;
import io.cni4j.core.internal.invoke.PluginInvoker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's {@link PluginRunner} on top of the {@link PluginInvoker}: gives each run what is left of
 * the call's deadline, emits a {@link PluginInvocationEvent} and a debug log line per run.
 */
public final class InvokerRunner implements PluginRunner {

    private static final System.Logger LOG = System.getLogger(InvokerRunner.class.getName());

    private final PluginInvoker invoker;

    /**
     * Creates the runner.
     *
     * @param invoker the invoker
     */
    public InvokerRunner(PluginInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public byte[] run(String pluginType, Verb verb, byte[] stdin, RuntimeConf rt, Deadline deadline, String network)
            throws CniException, InterruptedException {
        PluginInvocationEvent event = new PluginInvocationEvent();
        event.begin();
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            Map<String, String> args = rt.args().isEmpty() ? Map.of() : new LinkedHashMap<>();
            rt.args().forEach(e -> args.put(e.getKey(), e.getValue()));
            byte[] out = invoker.exec(pluginType, verb, stdin,
                    new InvocationArgs(rt.containerId(), rt.netns(), rt.ifName(), args),
                    deadline.remaining(() -> "plugin type=\"" + pluginType + "\" (" + verb.description() + ")"),
                    network);
            event.exitStatus = 0;
            event.errorCode = -1;
            return out;
        } catch (PluginErrorException e) {
            outcome = "plugin error " + e.code();
            event.exitStatus = -1;
            event.errorCode = e.code();
            throw e;
        } catch (CniException e) {
            outcome = e.getClass().getSimpleName();
            event.exitStatus = -1;
            event.errorCode = -1;
            throw e;
        } catch (InterruptedException e) {
            outcome = "interrupted";
            event.exitStatus = -1;
            event.errorCode = -1;
            throw e;
        } finally {
            event.end();
            if (event.shouldCommit()) {
                event.pluginType = pluginType;
                event.verb = verb.name();
                event.network = network;
                event.containerId = rt.containerId();
                event.outcome = outcome;
                event.commit();
            }
            String result = outcome;
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("%s %s network=%s container=%s: %s in %.1f ms",
                    pluginType, verb, network, rt.containerId(), result, (System.nanoTime() - start) / 1e6));
        }
    }
}
