package io.cni4j.tool.internal.demo;

import io.cni4j.api.AssignedAddress;
import io.cni4j.api.Cni;
import io.cni4j.api.CniResult;
import io.cni4j.api.Interface;
import io.cni4j.api.InterfaceConfig;
import io.cni4j.api.IpAddresses;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Result;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.tool.internal.cli.GlobalOptions;
import io.cni4j.tool.internal.command.Context;
import io.cni4j.tool.internal.exit.ErrorReport;
import io.cni4j.tool.internal.exit.ExitStatus;
import io.cni4j.tool.internal.output.OutputFormat;
import io.cni4j.tool.internal.output.Tables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo: two network namespaces get their network from the real CNI plugins, reach each other,
 * pass CHECK, and lose everything again, each step a line with its duration.
 *
 * <p>It works in a temp dir (configuration, result cache, IPAM and tuning state) and never reads or
 * writes {@code /etc/cni} or {@code /var/lib/cni}. A shutdown hook tears down whatever was made when
 * the JVM is stopped (Ctrl-C); teardown runs once, whoever gets there first.
 */
final class Demo {

    private static final List<Path> PLUGIN_DIR_CANDIDATES = List.of(GlobalOptions.DISTRO_PLUGIN_DIR,
            GlobalOptions.DEFAULT_PLUGIN_DIR);
    private static final Duration HOST_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    /** The first container; its id is also its netns name. */
    private static final String A = "cni4j-demo-a";
    /** The second container. */
    private static final String B = "cni4j-demo-b";

    private final Context context;
    private final DemoNetwork network;
    private final PrintStream out;

    private String ip;
    private String nsenter;
    private Path pluginDir;
    private Path tempDir;
    private Cni cni;
    private NetnsManager netnsManager;
    private final Map<String, Path> namespaces = new LinkedHashMap<>();
    private final List<String> attached = new ArrayList<>();
    private final Map<String, Result> results = new LinkedHashMap<>();
    private final Set<String> hostLinks = new LinkedHashSet<>();
    private boolean bridgeMayExist;
    private boolean tornDown;
    private volatile Thread teardownThread;
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

    Demo(Context context, DemoNetwork network) {
        this.context = context;
        this.network = network;
        this.out = context.out();
    }

    /**
     * Runs the demo and tears down.
     *
     * @return the exit status: 0 if every step passed and nothing was left behind
     */
    int run() {
        out.println("cni4j demo: two network namespaces get their network from the CNI plugins, and lose it again.");
        out.flush();
        Thread hook = new Thread(this::teardownOnShutdown, "cni4j-demo-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = ExitStatus.OK;
        try {
            runSteps();
        } catch (StepFailed e) {
            status = e.status;
        } finally {
            int teardown = teardown();
            status = status == ExitStatus.OK ? teardown : status;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook found the work done
            }
        }
        if (!silenced()) {
            out.println(status == ExitStatus.OK ? "demo passed: everything it made is gone."
                    : "demo failed (exit status " + status + ").");
            out.flush();
        }
        return status;
    }

    /**
     * Whether this thread's output is unwanted: once the shutdown hook tears down, steps still
     * finishing on the main thread (or failing because their resources went away) stay quiet.
     */
    private boolean silenced() {
        Thread teardown = teardownThread;
        return teardown != null && teardown != Thread.currentThread();
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
                cni.check(id, namespaces.get(id).toString());
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

    private String preflight() throws IOException, InterruptedException, DemoException {
        if (!isRoot()) {
            throw new DemoException("the demo needs root (it makes namespaces, a bridge and veths): run 'sudo ./cni4j demo'");
        }
        ip = HostCommand.find("ip").orElseThrow(() -> new DemoException("'ip' is missing: install iproute2"));
        nsenter = HostCommand.find("nsenter").orElseThrow(() -> new DemoException("'nsenter' is missing: install util-linux"));
        if (HostCommand.run(HOST_COMMAND_TIMEOUT, List.of(ip, "-o", "link", "show", "dev", network.bridge())).ok()) {
            throw new DemoException("a link named " + network.bridge() + " exists already (left by an earlier demo? "
                    + "'ip link delete " + network.bridge() + "' removes it), or choose another with --bridge");
        }
        HostCommand.Output routes = HostCommand.run(HOST_COMMAND_TIMEOUT,
                List.of(ip, "-o", "route", "show", "root", network.subnet().toString()));
        if (!routes.stdout().isBlank()) {
            throw new DemoException(network.subnet() + " is in use on this machine (" + routes.stdout().strip()
                    + "); choose another with --subnet");
        }
        return "root, ip, nsenter; " + network.bridge() + " and " + network.subnet() + " are free";
    }

    private String findPlugins() throws Exception {
        List<String> given = context.args().values("plugin-dir");
        List<Path> candidates = given.isEmpty() ? PLUGIN_DIR_CANDIDATES : context.global().pluginDirs();
        Optional<Path> found = withAllPlugins(candidates);
        if (found.isEmpty() && given.isEmpty()) {
            installPlugins();
            found = withAllPlugins(candidates);
        }
        pluginDir = found.orElseThrow(() -> new DemoException("no directory of " + candidates
                + " holds all of " + DemoNetwork.PLUGINS + "; install the CNI reference plugins"));
        return String.join(", ", DemoNetwork.PLUGINS) + " from " + pluginDir;
    }

    private static Optional<Path> withAllPlugins(List<Path> dirs) {
        return dirs.stream().filter(d -> DemoNetwork.PLUGINS.stream().allMatch(p -> Files.isRegularFile(d.resolve(p))))
                .findFirst();
    }

    private void installPlugins() throws IOException, InterruptedException, DemoException {
        Optional<String> aptGet = HostCommand.find("apt-get");
        if (!Files.exists(Path.of("/etc/debian_version")) || aptGet.isEmpty()) {
            throw new DemoException("the CNI plugins are not installed: on Debian or Ubuntu run "
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
            throw new DemoException("apt-get install containernetworking-plugins failed: " + result.diagnostic());
        }
    }

    private String configure() throws Exception {
        tempDir = Files.createTempDirectory("cni4j-demo-");
        Path confDir = Files.createDirectories(tempDir.resolve("conf"));
        Path cacheDir = Files.createDirectories(tempDir.resolve("cache"));
        Path confFile = confDir.resolve("10-" + network.name() + ".conflist");
        Files.writeString(confFile, network.confList(tempDir), StandardCharsets.UTF_8);
        GlobalOptions g = context.global();
        GlobalOptions demo = new GlobalOptions(confDir, List.of(pluginDir), cacheDir, g.prefix(), 1, false, true,
                Optional.of(2), g.executor(), g.timeout(), OutputFormat.TABLE, g.verbose());
        cni = context.clients().create(demo);
        cni.load(LoadOption.loopback(), LoadOption.defaultConf());
        netnsManager = context.provider().netnsManager(NetnsManager.DEFAULT_DIRECTORY);
        return "loopback + " + network.name() + " (bridge " + network.bridge() + ", " + network.subnet()
                + ", firewall, tuning) in " + tempDir;
    }

    private Path createNetns(String name) throws Exception {
        Path path = netnsManager.create(name);
        synchronized (this) {
            namespaces.put(name, path);
        }
        return path;
    }

    private String setup(String id) throws Exception {
        Path netns = namespaces.get(id);
        synchronized (this) {
            attached.add(id);
            bridgeMayExist = true;
        }
        Result result = cni.setup(id, netns.toString());
        synchronized (this) {
            results.put(id, result);
        }
        recordHostLinks(result);
        return "address " + ipv4Of(id);
    }

    /** Remembers the host-side interfaces the plugins made (the veth ends), to check they are gone later. */
    private synchronized void recordHostLinks(Result result) {
        for (Map.Entry<String, InterfaceConfig> e : result.interfaces().entrySet()) {
            if (e.getValue().sandbox().isEmpty() && !e.getKey().equals(network.bridge()) && !e.getKey().equals("lo")) {
                hostLinks.add(e.getKey());
            }
        }
        for (CniResult raw : result.raw()) {
            for (Interface i : raw.interfaces()) {
                if (i.sandbox().isEmpty() && !i.name().isEmpty() && !i.name().equals(network.bridge())) {
                    hostLinks.add(i.name());
                }
            }
        }
    }

    /** The IPv4 address a container got inside its namespace. */
    private String ipv4Of(String id) {
        Path netns = namespaces.get(id);
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
        List<String> serve = new ArrayList<>(List.of(nsenter, "--net=" + namespaces.get(B)));
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
                throw new DemoException("the TCP server in " + B + " did not start: "
                        + serverErr.getNow("").strip());
            }
            String port = listening.substring("listening ".length()).strip();
            List<String> connect = new ArrayList<>(List.of(nsenter, "--net=" + namespaces.get(A)));
            connect.addAll(jvm);
            connect.addAll(List.of("connect", to, port));
            HostCommand.Output client = HostCommand.run(Duration.ofSeconds(60), connect);
            if (!client.ok()) {
                throw new DemoException(A + " (" + from + ") could not reach " + to + ":" + port + ": "
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

    private void teardownOnShutdown() {
        synchronized (this) {
            if (tornDown) {
                return;
            }
        }
        out.println("interrupted: tearing down");
        out.flush();
        int status = teardown();
        out.println(status == ExitStatus.OK ? "demo interrupted: everything it made is gone."
                : "demo interrupted: teardown incomplete, see above.");
        out.flush();
    }

    /**
     * Removes everything the demo made, then checks that nothing is left. Runs once.
     *
     * @return 0 if teardown succeeded and nothing is left, else 1
     */
    private synchronized int teardown() {
        if (tornDown) {
            return ExitStatus.OK;
        }
        tornDown = true;
        teardownThread = Thread.currentThread();
        Process probe = probeServer;
        if (probe != null) {
            probe.destroyForcibly();
        }
        boolean ok = true;
        ok &= quietStep("remove", () -> {
            List<String> ids = new ArrayList<>(attached);
            java.util.Collections.reverse(ids);
            List<String> done = new ArrayList<>();
            Exception first = null;
            for (String id : ids) {
                try {
                    cni.remove(id, namespaces.get(id).toString());
                    done.add(id);
                } catch (Exception e) {
                    first = addFailure(first, e);
                }
            }
            throwIf(first);
            return done.isEmpty() ? "nothing was attached" : "detached " + String.join(" and ", done);
        });
        ok &= quietStep("netns", () -> {
            Exception first = null;
            for (Path p : namespaces.values()) {
                try {
                    netnsManager.remove(p);
                } catch (Exception e) {
                    first = addFailure(first, e);
                }
            }
            throwIf(first);
            return namespaces.isEmpty() ? "none was made" : "removed " + namespaces.values().stream()
                    .map(Path::toString).reduce((x, y) -> x + " and " + y).orElse("");
        });
        ok &= quietStep("bridge", () -> {
            if (!bridgeMayExist || ip == null) {
                return "none was made";
            }
            if (!HostCommand.run(HOST_COMMAND_TIMEOUT, List.of(ip, "-o", "link", "show", "dev", network.bridge())).ok()) {
                return network.bridge() + " is already gone";
            }
            HostCommand.Output deleted = HostCommand.run(HOST_COMMAND_TIMEOUT, List.of(ip, "link", "delete", network.bridge()));
            if (!deleted.ok()) {
                throw new DemoException("ip link delete " + network.bridge() + " failed: " + deleted.diagnostic());
            }
            return "deleted " + network.bridge() + " (the bridge plugin leaves bridges in place on DEL)";
        });
        if (cni != null) {
            cni.close();
        }
        ok &= quietStep("leftovers", this::verifyNothingLeft);
        ok &= quietStep("temp dir", () -> {
            if (tempDir == null) {
                return "none was made";
            }
            deleteTree(tempDir);
            return "deleted " + tempDir;
        });
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

    private String verifyNothingLeft() throws Exception {
        List<String> left = new ArrayList<>();
        for (Path p : namespaces.values()) {
            if (Files.exists(p)) {
                left.add("netns " + p);
            }
        }
        if (ip != null) {
            Set<String> links = linkNames();
            if (bridgeMayExist && links.contains(network.bridge())) {
                left.add("bridge " + network.bridge());
            }
            for (String veth : hostLinks) {
                if (links.contains(veth)) {
                    left.add("link " + veth);
                }
            }
        }
        if (tempDir != null) {
            for (Path f : files(tempDir.resolve("cache"))) {
                left.add("cache file " + f);
            }
            for (Path f : files(DemoNetwork.ipamDir(tempDir))) {
                if (isAddress(f.getFileName().toString())) {
                    left.add("IPAM reservation " + f);
                }
            }
        }
        if (!left.isEmpty()) {
            throw new DemoException("left behind: " + String.join(", ", left));
        }
        return "no netns, veth, bridge, cache file or IPAM reservation of the demo is left";
    }

    private Set<String> linkNames() throws IOException, InterruptedException, DemoException {
        HostCommand.Output links = HostCommand.run(HOST_COMMAND_TIMEOUT, List.of(ip, "-o", "link", "show"));
        if (!links.ok()) {
            throw new DemoException("ip -o link show failed: " + links.diagnostic());
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : links.stdout().split("\n")) {
            String[] parts = line.split(": ", 3);
            if (parts.length >= 2) {
                String name = parts[1];
                int at = name.indexOf('@');
                names.add(at >= 0 ? name.substring(0, at) : name);
            }
        }
        return names;
    }

    private static boolean isAddress(String name) {
        try {
            IpAddresses.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                return ids.length > 1 && ids[1].equals("0");
            }
        }
        return false;
    }

    private static Exception addFailure(Exception first, Exception next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void throwIf(Exception failure) throws Exception {
        if (failure != null) {
            throw failure;
        }
    }

    /** A demo-specific failure: a missing prerequisite or something left behind. */
    static final class DemoException extends Exception {
        private static final long serialVersionUID = 1L;

        DemoException(String message) {
            super(message);
        }
    }
}
