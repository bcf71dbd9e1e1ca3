package io.cni4j.tool.internal.bench;

import io.cni4j.api.Cni;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.Result;

/**
 * The chain through cni4j: {@link Cni#setupSerially} (or {@link Cni#setup} with
 * {@code --parallel-networks}), {@link Cni#check} and {@link Cni#remove} on a client whose networks
 * are loaded, with the result cache in the bench's temp dir.
 */
final class EngineDriver implements Driver {

    private final Cni cni;
    private final boolean parallelNetworks;

    /**
     * A driver over a loaded client.
     *
     * @param cni the client, loaded with loopback and the bench network
     * @param parallelNetworks whether to set up the networks in parallel
     */
    EngineDriver(Cni cni, boolean parallelNetworks) {
        this.cni = cni;
        this.parallelNetworks = parallelNetworks;
    }

    @Override
    public String name() {
        return "cni4j";
    }

    @Override
    public Attached setup(BenchContainer c) throws Exception {
        String netns = c.netns().toString();
        Result result = parallelNetworks ? cni.setup(c.id(), netns, options(c)) : cni.setupSerially(c.id(), netns, options(c));
        return footprint -> footprint.hostLinks(result);
    }

    @Override
    public void check(BenchContainer c) throws Exception {
        cni.check(c.id(), c.netns().toString(), options(c));
    }

    @Override
    public void remove(BenchContainer c) throws Exception {
        remove(cni, c);
    }

    /**
     * Removes a container through a client, as the cycles and the teardown do.
     *
     * @param cni the client
     * @param c the container
     * @throws Exception if a plugin or the engine fails
     */
    static void remove(Cni cni, BenchContainer c) throws Exception {
        cni.remove(c.id(), c.netns().toString(), options(c));
    }

    private static NamespaceOption[] options(BenchContainer c) {
        return c.ports().isEmpty() ? new NamespaceOption[0]
                : new NamespaceOption[] {NamespaceOption.portMappings(c.ports())};
    }
}
