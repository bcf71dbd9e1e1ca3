package io.cni4j.tool.internal.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.exec.PluginVersion;
import io.cni4j.tool.internal.output.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code version PLUGIN}: the plugin's answer to VERSION. */
public final class VersionCommand {

    private VersionCommand() {
    }

    /** @return the command */
    public static Command command() {
        CommandSpec spec = new CommandSpec("version", "print the spec versions a plugin supports (VERSION)",
                List.of(CommandSpec.required("PLUGIN")), List.of(),
                "PLUGIN is looked up in the plugin dirs. JSON output is the plugin's answer as it wrote it,\n"
                        + "e.g. {\"cniVersion\": \"1.0.0\", \"supportedVersions\": [\"0.1.0\", ...]}.");
        return new Command(spec, c -> {
            String name = c.args().positional(0).orElseThrow();
            Path plugin = PluginVersion.find(name, c.global().pluginDirs());
            var executor = c.providers().select(c.global().executor()).executor();
            JsonNode answer = PluginVersion.query(executor, plugin, c.timeout());
            List<String> versions = new ArrayList<>();
            answer.path("supportedVersions").forEach(v -> versions.add(v.asText()));
            String table = new Table("PLUGIN", "PATH", "SUPPORTED VERSIONS")
                    .row(name, plugin.toString(), String.join(", ", versions)).render();
            c.print(answer, table);
            return 0;
        });
    }
}
