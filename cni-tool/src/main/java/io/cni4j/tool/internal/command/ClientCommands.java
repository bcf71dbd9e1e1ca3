package io.cni4j.tool.internal.command;

import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.Result;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.tool.internal.cli.CallOptions;
import io.cni4j.tool.internal.cli.CommandSpec;
import io.cni4j.tool.internal.cli.OptionSpec;
import io.cni4j.tool.internal.cli.OptionValues;
import io.cni4j.tool.internal.cli.UsageException;
import io.cni4j.tool.internal.output.JsonShapes;
import io.cni4j.tool.internal.output.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that work through a {@link Cni} client: setup, remove, check, status, gc, config and
 * attachments.
 */
public final class ClientCommands {

    private static final String CALL_DETAILS = String.join("\n",
            "NETNS is a path, or a name under /run/netns (as 'cni4j netns create' makes); remove accepts ''",
            "when the namespace is gone.",
            "",
            "Values:",
            "  --port HOST:CONTAINER[/PROTO][@HOSTIP]   PROTO tcp (default), udp or sctp; HOSTIP v4 or v6,",
            "                                           e.g. 8080:80, 5353:53/udp, 8443:443/tcp@127.0.0.1",
            "  --bandwidth in=RATE,out=RATE[,in-burst=BITS,out-burst=BITS]",
            "                                           bits/s with optional k, m, g (10m = 10 Mbit/s);",
            "                                           a burst not given equals its rate",
            "  --dns servers=IP,searches=DOMAIN,options=OPT   comma-separated items, each adds one entry;",
            "                                           keys and the flag repeat, e.g.",
            "                                           --dns servers=10.0.0.53,servers=10.0.0.54,options=ndots:2",
            "  --ip-range SUBNET[,START,END,GW]         one range set per flag, e.g. 10.22.0.0/16,,,10.22.0.1",
            "  --capability NAME=JSON                   e.g. --capability 'mac=\"0a:58:0a:f4:00:05\"';",
            "                                           it wins over a dedicated option of the same name",
            "  --label K=V, --arg K=V                   both become CNI_ARGS entries, as in go-cni",
            "  --timeout DURATION                       also bounds this call");

    private ClientCommands() {
    }

    /** @return every command of this class, in help order */
    public static List<Command> all() {
        return List.of(setup(), remove(), check(), status(), gc(), config(), attachments());
    }

    private static List<OptionSpec> callOptions(OptionSpec... extra) {
        List<OptionSpec> options = new ArrayList<>(List.of(extra));
        options.addAll(CallOptions.SPECS);
        return options;
    }

    /** @return {@code setup ID NETNS}: attaches the container and prints the result */
    public static Command setup() {
        CommandSpec spec = new CommandSpec("setup", "attach a container's netns to the loaded networks; prints the result",
                List.of(CommandSpec.required("ID"), CommandSpec.required("NETNS")),
                callOptions(OptionSpec.flag("serial", "set up networks one after another (SetupSerially)")),
                CALL_DETAILS);
        return new Command(spec, c -> {
            String id = c.args().positional(0).orElseThrow();
            String netns = netnsPath(c.args().positional(1).orElseThrow());
            NamespaceOption[] options = callOptions(c);
            try (Cni cni = c.loadedClient()) {
                Result result = c.args().has("serial") ? cni.setupSerially(id, netns, options) : cni.setup(id, netns, options);
                c.print(JsonShapes.result(result), Tables.result(result));
            }
            return 0;
        });
    }

    /** @return {@code remove ID NETNS}: detaches the container */
    public static Command remove() {
        CommandSpec spec = new CommandSpec("remove",
                "detach a container from every network (loaded or cached; works with an empty conf dir)",
                List.of(CommandSpec.required("ID"), CommandSpec.required("NETNS")), callOptions(), CALL_DETAILS);
        return new Command(spec, c -> {
            String id = c.args().positional(0).orElseThrow();
            String netns = netnsPath(c.args().positional(1).orElseThrow());
            NamespaceOption[] options = callOptions(c);
            try (Cni cni = c.loadedClient(true)) {
                cni.remove(id, netns, options);
            }
            c.confirm("removed " + id);
            return 0;
        });
    }

    /** @return {@code check ID NETNS}: runs CHECK */
    public static Command check() {
        CommandSpec spec = new CommandSpec("check", "check a container's networking (CHECK)",
                List.of(CommandSpec.required("ID"), CommandSpec.required("NETNS")), callOptions(), CALL_DETAILS);
        return new Command(spec, c -> {
            String id = c.args().positional(0).orElseThrow();
            String netns = netnsPath(c.args().positional(1).orElseThrow());
            NamespaceOption[] options = callOptions(c);
            try (Cni cni = c.loadedClient()) {
                cni.check(id, netns, options);
            }
            c.confirm("ok: " + id);
            return 0;
        });
    }

    /** @return {@code status}: asks 1.1.0 networks whether they are ready */
    public static Command status() {
        CommandSpec spec = new CommandSpec("status", "ask the loaded networks whether they are ready (STATUS)",
                List.of(), List.of(), "");
        return new Command(spec, c -> {
            try (Cni cni = c.loadedClient()) {
                cni.status(c.timeout());
            }
            c.confirm("ready");
            return 0;
        });
    }

    /** @return {@code gc}: garbage-collects the cache and the plugins' state */
    public static Command gc() {
        CommandSpec spec = new CommandSpec("gc",
                "remove every cached attachment not listed with --valid, then send GC to 1.1.0 networks",
                List.of(), List.of(OptionSpec.repeatable("valid", "ID:IFNAME", "an attachment still in use")),
                "With no --valid, every cached attachment of the loaded networks is removed.");
        return new Command(spec, c -> {
            List<GcAttachment> valid = new ArrayList<>();
            for (String v : c.args().values("valid")) {
                valid.add(OptionValues.gcAttachment(v));
            }
            try (Cni cni = c.loadedClient()) {
                cni.gc(valid);
            }
            c.confirm("gc done, " + valid.size() + " valid attachment(s) kept");
            return 0;
        });
    }

    /** @return {@code config}: prints the settings and loaded networks */
    public static Command config() {
        CommandSpec spec = new CommandSpec("config", "print the settings and the loaded networks (GetConfig)",
                List.of(), List.of(), "");
        return new Command(spec, c -> {
            try (Cni cni = c.loadedClient()) {
                var config = cni.config();
                c.print(JsonShapes.config(config), Tables.config(config));
            }
            return 0;
        });
    }

    /** @return {@code attachments [ID]}: lists the result cache */
    public static Command attachments() {
        CommandSpec spec = new CommandSpec("attachments", "list the attachments in the result cache",
                List.of(CommandSpec.optional("ID")), List.of(), "With ID, only that container's.");
        return new Command(spec, c -> {
            try (Cni cni = c.clients().create(c.global())) {
                List<CachedAttachment> attachments = cni.attachments(c.args().positional(0).orElse(""));
                c.print(JsonShapes.attachments(attachments), Tables.attachments(attachments));
            }
            return 0;
        });
    }

    private static NamespaceOption[] callOptions(Context c) throws UsageException {
        return CallOptions.from(c.args(), c.global().timeout()).toArray(NamespaceOption[]::new);
    }

    /**
     * The netns path for a NETNS argument: empty stays empty (remove of a gone namespace), a name
     * without {@code /} is a file under {@code /run/netns}, anything else a path made absolute.
     *
     * @param arg the argument
     * @return the path text
     */
    static String netnsPath(String arg) {
        if (arg.isEmpty()) {
            return "";
        }
        if (!arg.contains("/")) {
            return NetnsManager.DEFAULT_DIRECTORY.resolve(arg).toString();
        }
        return Path.of(arg).toAbsolutePath().normalize().toString();
    }
}
