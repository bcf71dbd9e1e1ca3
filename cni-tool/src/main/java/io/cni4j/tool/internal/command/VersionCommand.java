package io.cni4j.tool.internal.command;

import io.cni4j.api.Cni;
import io.cni4j.api.VersionInfo;
import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.output.JsonShapes;
import io.cni4j.tool.internal.output.Table;
import java.util.List;

/** {@code version PLUGIN}: the spec versions a plugin supports, from the engine's VERSION call. */
public final class VersionCommand {

    private VersionCommand() {
    }

    /** @return the command */
    public static Command command() {
        CommandSpec spec = new CommandSpec("version", "print the spec versions a plugin supports (VERSION)",
                List.of(CommandSpec.required("PLUGIN")), List.of(),
                "PLUGIN is looked up in the plugin dirs; no network configuration is needed. JSON output:\n"
                        + "{\"cniVersion\": \"1.0.0\", \"supportedVersions\": [\"0.1.0\", ...]}. A plugin too old to\n"
                        + "know VERSION supports 0.1.0 only.");
        return new Command(spec, c -> {
            String plugin = c.args().positional(0).orElseThrow();
            VersionInfo info;
            try (Cni cni = c.clients().create(c.global())) {
                info = cni.versionInfo(plugin);
            }
            String table = new Table("PLUGIN", "CNI VERSION", "SUPPORTED VERSIONS")
                    .row(plugin, info.cniVersion(), String.join(", ", info.supportedVersions())).render();
            c.print(JsonShapes.versionInfo(info), table);
            return 0;
        });
    }
}
