package io.cni4j.tool.internal.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Cni;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Result;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.command.Context;
import io.cni4j.tool.internal.exit.ErrorReport;
import io.cni4j.tool.internal.exit.ExitStatus;
import io.cni4j.tool.internal.host.BridgeNetwork;
import io.cni4j.tool.internal.host.Footprint;
import io.cni4j.tool.internal.host.Host;
import io.cni4j.tool.internal.host.HostCommand;
import io.cni4j.tool.internal.host.HostException;
import io.cni4j.tool.internal.host.OnceTeardown;
import io.cni4j.tool.internal.output.OutputFormat;
import io.cni4j.tool.internal.output.Tables;
import io.cni4j.tool.internal.output.ToolJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The demo: two network namespaces get their network from the real CNI plugins, reach each other,
 * pass CHECK, and lose everything again, each step a line with its duration.
 *
 * <p>It works in a temp dir (configuration, result cache, IPAM and tuning state) and never reads or
 * writes {@code /etc/cni} or {@code /var/lib/cni}. A shutdown hook tears down whatever was made when
 * the JVM is stopped (Ctrl-C); teardown runs once, whoever gets there first.
 */
final class Demo {

    /** The network name. */
    static final String NETWORK_NAME = "cni4j-demo";
    /** The default bridge name. */
    static final String DEFAULT_BRIDGE = "cni4j-demo0";
    /** The default subnet: private, and rarely used by other software. */
    static final String DEFAULT_SUBNET = "10.250.0.0/24";
    /** The plugins the network needs. */
    static final List<String> PLUGINS = List.of("loopback", "bridge", "host-local", "firewall", "tuning");

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    /** The first container; its id is also its netns name. */
    private static final String A = "cni4j-demo-a";
    /** The second container. */
    private static final String B = "cni4j-demo-b";

    private final Context context;
    private final BridgeNetwork network;
    private final PrintStream out;
    private final Footprint footprint;
    private final OnceTeardown teardown;

    private String ip;
    private String nsenter;
    private Path pluginDir;
    private Cni cni;
    private NetnsManager netnsManager;
    private final List<String> attached = new ArrayList<>();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private volatile Process probeServer;

    /** A step failed: the demo stops and tears down. */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        StepFailed(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** A step's work; returns the text that completes its line. */
    @FunctionalInterface
    private interface StepBody {
        String run() throws Exception;
    }

    Demo(Context context, BridgeNetwork network) {
        this.context = context;
        this.network = network;
        this.out = context.out();
        this.footprint = new Footprint(network.bridge());
        this.teardown = new OnceTeardown("demo", out, this::teardown);
    }

    /**
     * Runs the demo and tears down.
     *
     * @return the exit status: 0 if every step passed and nothing was left behind
     */
    int run() {
        out.println("cni4j demo: two network namespaces get their network from the CNI plugins, and lose it again.");
        out.flush();
        teardown.arm();
        int status = ExitStatus.OK;
        try {
            runSteps();
        } catch (StepFailed e) {
            status = e.status;
        } finally {
            int torn = teardown.run();
            status = status == ExitStatus.OK ? torn : status;
            teardown.disarm();
        }
        if (!silenced()) {
            out.println(status == ExitStatus.OK ? "demo passed: everything it made is gone."
                    : "demo failed (exit status " + status + ").");
            out.flush();
        }
        return status;
    }

    /** Whether this thread's output is unwanted: the shutdown hook tears down (see {@link OnceTeardown#silenced()}). */
    private boolean silenced() {
        return teardown.silenced();
    }

    private void runSteps() throws StepFailed {
        step("preflight", this::preflight);
        step("plugins", this::findPlugins);
        step("config", this::configure);
        step("netns", () -> "created " + createNetns(A) + " and " + createNetns(B));
        for (String id : List.of(A, B)) {
            step("setup " + id, () -> setup(id));
            if (!silenced()) {
                out.print(indent(Tables.result(results.get(id))));
                out.flush();
            }
        }
        step("connectivity", () -> tcpProbe(ipv4Of(A), ipv4Of(B)));
        step("check", () -> {
            for (String id : List.of(A, B)) {
                cni.check(id, netnsOf(id).toString());
            }
            return A + " and " + B + " pass CHECK";
        });
    }

    /**
     * Runs a step and prints its line: {@code ok} or {@code FAIL}, the duration, the name and the
     * text the step returned; a failure's description follows on stderr.
     */
    private void step(String name, StepBody body) throws StepFailed {
        long start = System.nanoTime();
        try {
            String text = body.run();
            line("ok", start, name + ": " + text);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            line("FAIL", start, name);
            if (!silenced()) {
                context.err().print(indent(ErrorReport.text(e)));
                if (context.global().verbose()) {
                    e.printStackTrace(context.err());
                }
                context.err().flush();
            }
            int status = ExitStatus.of(e);
            throw new StepFailed(status == ExitStatus.OK ? ExitStatus.ERROR : status);
        }
    }

    private void line(String outcome, long startNanos, String text) {
        if (silenced()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        out.printf("%-4s %6d ms  %s%n", outcome, millis, text);
        out.flush();
    }

    /** Indents the non-blank lines of a text block under the step lines. */
    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(l.isBlank() ? "" : "      " + l).append('\n'));
        return sb.toString();
    }

    // ---- steps ----

    private String preflight() throws IOException, InterruptedException, HostException {
        if (!Host.isRoot()) {
            throw new HostException("the demo needs root (it makes namespaces, a bridge and veths): run 'sudo ./cni4j demo'");
        }
        ip = Host.program("ip", "iproute2");
        nsenter = Host.program("nsenter", "util-linux");
        Host.requireFree(ip, network, "demo");
        return "root, ip, nsenter; " + network.bridge() + " and " + network.subnet() + " are free";
    }

    private String findPlugins() throws Exception {
        List<String> given = context.args().values("plugin-dir");
        List<Path> candidates = given.isEmpty() ? Host.PLUGIN_DIR_CANDIDATES : context.global().pluginDirs();
        Optional<Path> found = Host.pluginDirWithAll(candidates, PLUGINS);
        if (found.isEmpty() && given.isEmpty()) {
            installPlugins();
            found = Host.pluginDirWithAll(candidates, PLUGINS);
        }
        pluginDir = found.orElseThrow(() -> new HostException("no directory of " + candidates
                + " holds all of " + PLUGINS + "; install the CNI reference plugins"));
        return String.join(", ", PLUGINS) + " from " + pluginDir;
    }

    private void installPlugins() throws IOException, InterruptedException, HostException {
        Optional<String> aptGet = HostCommand.find("apt-get");
        if (!Files.exists(Path.of("/etc/debian_version")) || aptGet.isEmpty()) {
            throw new HostException("the CNI plugins are not installed: on Debian or Ubuntu run "
                    + "'apt-get install containernetworking-plugins'; elsewhere unpack a release of "
                    + "https://github.com/containernetworking/plugins/releases into /opt/cni/bin");
        }
        out.println("     notice: installing the CNI reference plugins: apt-get install -y containernetworking-plugins");
        out.flush();
        List<String> install = List.of(aptGet.get(), "install", "-y", "-q", "containernetworking-plugins");
        HostCommand.Output result = HostCommand.run(INSTALL_TIMEOUT, install);
        if (!result.ok()) {
            HostCommand.run(INSTALL_TIMEOUT, List.of(aptGet.get(), "update", "-q"));
            result = HostCommand.run(INSTALL_TIMEOUT, install);
        }
        if (!result.ok()) {
            throw new HostException("apt-get install containernetworking-plugins failed: " + result.diagnostic());
        }
    }

    private String configure() throws Exception {
        Path tempDir = footprint.makeTempDir(Optional.empty(), "cni4j-demo-");
        Path confFile = footprint.confDir().resolve("10-" + network.name() + ".conflist");
        ObjectNode firewall = ToolJson.object().put("type", "firewall");
        ObjectNode tuning = ToolJson.object().put("type", "tuning").put("dataDir", tempDir.resolve("tuning").toString());
        Files.writeString(confFile, network.confList(tempDir, List.of(firewall, tuning)), StandardCharsets.UTF_8);
        GlobalOptions g = context.global();
        GlobalOptions demo = new GlobalOptions(footprint.confDir(), List.of(pluginDir), footprint.cacheDir(), g.prefix(),
                1, false, true, Optional.of(2), g.executor(), g.timeout(), OutputFormat.TABLE, g.verbose());
        cni = context.clients().create(demo);
        cni.load(LoadOption.loopback(), LoadOption.defaultConf());
        netnsManager = context.provider().netnsManager(NetnsManager.DEFAULT_DIRECTORY);
        return "loopback + " + network.name() + " (bridge " + network.bridge() + ", " + network.subnet()
                + ", firewall, tuning) in " + tempDir;
    }

    private Path createNetns(String name) throws Exception {
        return footprint.createNamespace(netnsManager, name);
    }

    private Path netnsOf(String id) {
        return footprint.namespaces().get(id);
    }

    private String setup(String id) throws Exception {
        Path netns = netnsOf(id);
        synchronized (this) {
            attached.add(id);
        }
        footprint.bridgeMayExist();
        Result result = cni.setup(id, netns.toString());
        synchronized (this) {
            results.put(id, result);
        }
        footprint.hostLinks(result);
        return "address " + ipv4Of(id);
    }

    /** The IPv4 address a container got inside its namespace. */
    private String ipv4Of(String id) {
        Path netns = netnsOf(id);
        for (InterfaceConfig ifc : results.get(id).interfaces().values()) {
            if (ifc.sandbox().equals(netns.toString())) {
                for (AssignedAddress a : ifc.addresses()) {
                    if (a.ip() instanceof Inet4Address && !a.ip().isLoopbackAddress()) {
                        return IpAddresses.format(a.ip());
                    }
                }
            }
        }
        throw new IllegalStateException("the result has no IPv4 address in " + netns);
    }

    private String tcpProbe(String from, String to) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = probeClassPath();
        List<String> jvm = List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", classPath,
                TcpProbe.class.getName());
        List<String> serve = new ArrayList<>(List.of(nsenter, "--net=" + netnsOf(B)));
        serve.addAll(jvm);
        serve.addAll(List.of("serve", to));
        Process server = new ProcessBuilder(serve).start();
        probeServer = server;
        try {
            CompletableFuture<String> serverErr = HostCommand.drain(server.getErrorStream());
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    ready.complete(serverOut.readLine());
                } catch (IOException e) {
                    ready.completeExceptionally(e);
                }
            }, "cni4j-demo-probe");
            reader.setDaemon(true);
            reader.start();
            String listening = ready.get(30, TimeUnit.SECONDS);
            if (listening == null || !listening.startsWith("listening ")) {
                throw new HostException("the TCP server in " + B + " did not start: "
                        + serverErr.getNow("").strip());
            }
            String port = listening.substring("listening ".length()).strip();
            List<String> connect = new ArrayList<>(List.of(nsenter, "--net=" + netnsOf(A)));
            connect.addAll(jvm);
            connect.addAll(List.of("connect", to, port));
            HostCommand.Output client = HostCommand.run(Duration.ofSeconds(60), connect);
            if (!client.ok()) {
                throw new HostException(A + " (" + from + ") could not reach " + to + ":" + port + ": "
                        + client.diagnostic());
            }
            return "tcp " + from + " (" + A + ") -> " + to + ":" + port + " (" + B + ") answered \""
                    + client.stdout().strip() + "\"";
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The class path entry that holds {@link TcpProbe}: the tool's jar, or its classes directory. */
    private static String probeClassPath() throws URISyntaxException {
        return Path.of(TcpProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    // ---- teardown ----

    /**
     * Removes everything the demo made, then checks that nothing is left. Runs once, through
     * {@link #teardown}.
     *
     * @return 0 if teardown succeeded and nothing is left, else 1
     */
    private int teardown() {
        Process probe = probeServer;
        if (probe != null) {
            probe.destroyForcibly();
        }
        boolean ok = true;
        ok &= quietStep("remove", () -> {
            List<String> ids;
            synchronized (this) {
                ids = new ArrayList<>(attached);
            }
            Collections.reverse(ids);
            List<String> done = new ArrayList<>();
            Exception first = null;
            for (String id : ids) {
                try {
                    cni.remove(id, netnsOf(id).toString());
                    done.add(id);
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            return done.isEmpty() ? "nothing was attached" : "detached " + String.join(" and ", done);
        });
        ok &= quietStep("netns", () -> footprint.removeNamespaces(netnsManager));
        ok &= quietStep("bridge", () -> footprint.deleteBridge(ip));
        if (cni != null) {
            cni.close();
        }
        ok &= quietStep("leftovers", () -> {
            List<String> left = footprint.leftovers(ip);
            if (!left.isEmpty()) {
                throw new HostException("left behind: " + String.join(", ", left));
            }
            return "no netns, veth, bridge, cache file or IPAM reservation of the demo is left";
        });
        ok &= quietStep("temp dir", footprint::deleteTempDir);
        return ok ? ExitStatus.OK : ExitStatus.ERROR;
    }

    private boolean quietStep(String name, StepBody body) {
        try {
            step(name, body);
            return true;
        } catch (StepFailed e) {
            return false;
        }
    }
}
