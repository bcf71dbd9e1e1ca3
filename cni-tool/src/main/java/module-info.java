/**
 * The {@code cni4j} command line: sets up, checks and removes container networking with CNI plugins
 * as cnitool and ocicnitool do, shows the loaded configuration and the result cache, runs GC and
 * STATUS, asks a plugin for its versions, manages named network namespaces, and runs a demo.
 *
 * <p>{@link io.cni4j.tool.Main} is the entry point ({@code java -m io.cni4j.tool/io.cni4j.tool.Main});
 * everything else is internal. Executor modules on the module path ({@code io.cni4j.exec.process},
 * {@code io.cni4j.exec.jna}) provide the plugin executor and the namespace manager; the engine finds
 * and selects them ({@code Cni4j.executorProvider}), so this module uses no service itself.
 */
module io.cni4j.tool {
    requires io.cni4j.api;
    requires io.cni4j.core;
    requires com.fasterxml.jackson.databind;
    requires java.logging;

    exports io.cni4j.tool;
}
