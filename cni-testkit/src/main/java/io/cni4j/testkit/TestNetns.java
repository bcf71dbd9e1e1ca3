package io.cni4j.testkit;

import io.cni4j.api.spi.NetnsManager;
import java.nio.file.Path;

/**
 * A real network namespace made for one test by {@link NetnsExtension}, removed after it.
 *
 * @param name the namespace file's name
 * @param path the namespace file, to pass as {@code CNI_NETNS}
 * @param manager the manager that made it (of the selected executor provider)
 * @param providerName the name of the executor provider whose manager made it
 */
public record TestNetns(String name, Path path, NetnsManager manager, String providerName) {
}
