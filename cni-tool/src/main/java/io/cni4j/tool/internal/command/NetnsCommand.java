package io.cni4j.tool.internal.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.cli.OptionSpec;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.output.Table;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code netns create NAME}, {@code netns remove NAME|PATH}, {@code netns list}: named network
 * namespaces through the selected executor provider's {@link NetnsManager}.
 */
public final class NetnsCommand {

    private NetnsCommand() {
    }

    /** @return the command */
    public static Command command() {
        CommandSpec spec = new CommandSpec("netns", "create, remove or list named network namespaces",
                List.of(CommandSpec.required("create|remove|list"), CommandSpec.optional("NAME|PATH")),
                List.of(OptionSpec.single("netns-dir", "DIR", "where the namespace files live (default /run/netns)")),
                String.join("\n",
                        "  netns create NAME        prints the new namespace's path (JSON: {\"name\", \"path\"})",
                        "  netns remove NAME|PATH   unmounts and deletes it; a missing one is not an error",
                        "  netns list               the namespaces in the directory (JSON: [{\"name\", \"path\"}])",
                        "",
                        "Needs root. The namespace manager is the executor provider's (see --executor)."));
        return new Command(spec, NetnsCommand::run);
    }

    private static int run(Context c) throws Exception {
        String action = c.args().positional(0).orElseThrow();
        Path dir = Path.of(c.args().value("netns-dir").orElse(NetnsManager.DEFAULT_DIRECTORY.toString()))
                .toAbsolutePath().normalize();
        switch (action) {
            case "create" -> {
                String name = name(c, action);
                if (name.contains("/")) {
                    throw new UsageException("netns create needs a NAME without '/', got '" + name + "'");
                }
                Path path = manager(c, dir).create(name);
                c.print(ToolJson.object().put("name", name).put("path", path.toString()), path + "\n");
            }
            case "remove" -> {
                String arg = name(c, action);
                Path path = arg.contains("/") ? Path.of(arg).toAbsolutePath().normalize() : dir.resolve(arg);
                manager(c, dir).remove(path);
                c.confirm("removed " + path);
            }
            case "list" -> {
                if (c.args().positional(1).isPresent()) {
                    throw new UsageException("netns list takes no NAME");
                }
                NetnsManager manager = manager(c, dir);
                ArrayNode json = ToolJson.array();
                Table table = new Table("NAME", "PATH");
                for (Path p : list(dir)) {
                    if (manager.isNetns(p)) {
                        json.addObject().put("name", p.getFileName().toString()).put("path", p.toString());
                        table.row(p.getFileName().toString(), p.toString());
                    }
                }
                c.print(json, table.render());
            }
            default -> throw new UsageException("unknown netns action '" + action + "' (create, remove or list)");
        }
        return 0;
    }

    private static String name(Context c, String action) throws UsageException {
        return c.args().positional(1).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new UsageException("netns " + action + " needs a NAME"));
    }

    private static NetnsManager manager(Context c, Path dir) {
        return c.provider().netnsManager(dir);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
