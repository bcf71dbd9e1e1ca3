package io.cni4j.core.internal.engine;

import io.cni4j.api.CniException;
import io.cni4j.api.InvalidConfigException;
import io.cni4j.api.NetworkConfigList;
import io.cni4j.api.PluginConfig;
import io.cni4j.core.internal.invoke.PluginInvoker;
import io.cni4j.core.internal.invoke.PluginVersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * libcni's {@code ValidateNetworkList} (§2.11): every plugin of a network must be installed and must
 * list the network's version (an empty version counts as 0.1.0) among the versions it supports.
 */
public final class ListValidation {

    private ListValidation() {
    }

    /**
     * Validates a network against its plugins' VERSION answers.
     *
     * @param list the network
     * @param invoker finds and runs the plugins
     * @param deadline the call's deadline
     * @return the capabilities the plugins declare as {@code true}, without duplicates, in plugin order
     * @throws CniException the first plugin that is missing, fails VERSION or does not support the
     *     version, with the others suppressed
     * @throws InterruptedException if interrupted
     */
    public static List<String> validate(NetworkConfigList list, PluginInvoker invoker, Deadline deadline)
            throws CniException, InterruptedException {
        String expected = list.cniVersion().isEmpty() ? "0.1.0" : list.cniVersion();
        List<CniException> failures = new ArrayList<>();
        Set<String> capabilities = new LinkedHashSet<>();
        for (PluginConfig plugin : list.plugins()) {
            try {
                PluginVersionInfo info = invoker.version(plugin.type(),
                        deadline.remaining("validate network \"" + list.name() + "\""));
                if (!info.supportedVersions().contains(expected)) {
                    failures.add(new InvalidConfigException("plugin " + plugin.type()
                            + " does not support config version \"" + expected + "\" (network \"" + list.name()
                            + "\"; it supports " + info.supportedVersions() + ")"));
                }
            } catch (CniException e) {
                failures.add(e);
            }
            plugin.capabilities().forEach((name, on) -> {
                if (Boolean.TRUE.equals(on)) {
                    capabilities.add(name);
                }
            });
        }
        NetworkEngine.throwAll(failures);
        return List.copyOf(capabilities);
    }
}
