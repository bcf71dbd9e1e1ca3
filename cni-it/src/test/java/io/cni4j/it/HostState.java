package io.cni4j.it;

import static org.assertj.core.api.Assertions.fail;

import io.cni4j.api.IpAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the real network state that the plugins change, with the system tools (iproute2, iptables,
 * util-linux's nsenter): links and addresses on the test JVM's side and inside a namespace,
 * iptables rules, host-local's reservation files and the result cache. Every test asserts on what
 * these return, not merely on the absence of exceptions.
 */
final class HostState {

    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private HostState() {
    }

    /** The output of a finished command. */
    record Output(int exitStatus, String stdout, String stderr) {
    }

    /**
     * Runs a command and returns its output, whatever its exit status.
     *
     * @param command the command and its arguments
     * @return the output
     */
    static Output exec(String... command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + Arrays.toString(command), e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(Arrays.toString(command) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return new Output(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + Arrays.toString(command), e);
        }
    }

    /**
     * Runs a command that must succeed.
     *
     * @param command the command and its arguments
     * @return its stdout
     */
    static String run(String... command) {
        Output o = exec(command);
        if (o.exitStatus() != 0) {
            fail(Arrays.toString(command) + " exited with " + o.exitStatus() + ": " + o.stderr().strip());
        }
        return o.stdout();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The addresses (CIDR, both families, link-local included) on an interface inside a namespace,
     * read back with {@code nsenter --net=<netns> ip -o addr show dev <ifName>}.
     *
     * @param netns the namespace file
     * @param ifName the interface
     * @return the addresses, e.g. {@code 10.201.0.2/24}; empty if the interface does not exist
     */
    static List<String> addressesIn(Path netns, String ifName) {
        Output o = exec("nsenter", "--net=" + netns, "ip", "-o", "addr", "show", "dev", ifName);
        if (o.exitStatus() != 0) {
            if (o.stderr().contains("does not exist")) {
                return List.of();
            }
            fail("cannot read the addresses of " + ifName + " in " + netns + ": " + o.stderr().strip());
        }
        List<String> out = new ArrayList<>();
        for (String line : o.stdout().split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("inet") || f[i].equals("inet6")) {
                    out.add(f[i + 1]);
                }
            }
        }
        return out;
    }

    /**
     * The IPv4 addresses (CIDR) on an interface inside a namespace.
     *
     * @param netns the namespace file
     * @param ifName the interface
     * @return the addresses
     */
    static List<String> ipv4In(Path netns, String ifName) {
        return addressesIn(netns, ifName).stream().filter(a -> !a.contains(":")).toList();
    }

    /**
     * One line of {@code ip -o -d link show dev <ifName>} inside a namespace.
     *
     * @param netns the namespace file
     * @param ifName the interface
     * @return the details, or empty if the interface does not exist
     */
    static String linkIn(Path netns, String ifName) {
        Output o = exec("nsenter", "--net=" + netns, "ip", "-o", "-d", "link", "show", "dev", ifName);
        return o.exitStatus() == 0 ? o.stdout().strip() : "";
    }

    /**
     * The names of the links in the test JVM's own namespace ({@code ip -o link show}).
     *
     * @return the names, without the {@code @peer} suffix
     */
    static Set<String> links() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run("ip", "-o", "link", "show").split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String name = f[1];
                int at = name.indexOf('@');
                names.add(at >= 0 ? name.substring(0, at) : name);
            }
        }
        return names;
    }

    /**
     * The links of the test JVM's namespace that were not there before.
     *
     * @param before the names from an earlier {@link #links()}
     * @return the names added since
     */
    static Set<String> linksAddedSince(Set<String> before) {
        Set<String> now = new LinkedHashSet<>(links());
        now.removeAll(before);
        return now;
    }

    /**
     * The rules of an iptables table as {@code iptables -t <table> -S} prints them.
     *
     * @param table {@code nat} or {@code filter}
     * @return the lines
     */
    static List<String> iptables(String table) {
        return List.of(run("iptables", "-w", "-t", table, "-S").split("\n"));
    }

    /**
     * host-local's reservations of a network: the files in {@code <dataDir>/<network>} named by an
     * IP address (not {@code lock} nor {@code last_reserved_ip.N}).
     *
     * @param dataDir the plugin's {@code dataDir}
     * @param network the network name
     * @return the reserved addresses
     */
    static List<String> reservations(Path dataDir, String network) {
        Path dir = dataDir.resolve(network);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(HostState::isIpAddress).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isIpAddress(String s) {
        try {
            IpAddresses.parse(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The result cache file of an attachment, libcni's {@code <cacheDir>/results/<net>-<id>-<if>}.
     *
     * @param cacheDir the cache directory
     * @param network the network name
     * @param containerId the container id
     * @param ifName the interface name
     * @return the path (it may not exist)
     */
    static Path cacheFile(Path cacheDir, String network, String containerId, String ifName) {
        return cacheDir.resolve("results").resolve(network + "-" + containerId + "-" + ifName);
    }

    /**
     * The names of the files in the result cache.
     *
     * @param cacheDir the cache directory
     * @return the file names, sorted; empty if there is no {@code results} directory
     */
    static List<String> cacheFiles(Path cacheDir) {
        Path dir = cacheDir.resolve("results");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reservations of host-local that belong to one container: the files whose first line is the
     * container id (host-local writes {@code <id>\r\n<ifname>}).
     *
     * @param dataDir the plugin's {@code dataDir}
     * @param network the network name
     * @param containerId the container id
     * @return the reserved addresses
     */
    static List<String> reservationsOf(Path dataDir, String network, String containerId) {
        return reservations(dataDir, network).stream().filter(ip -> {
            try {
                String owner = Files.readString(dataDir.resolve(network).resolve(ip)).split("\\R", 2)[0].strip();
                return owner.equals(containerId);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /**
     * Whether a process runs: it exists and is neither a zombie nor dead (a zombie's reaping is its
     * parent's business, so it counts as gone).
     *
     * @param pid the process id
     * @return {@code true} if it runs
     */
    static boolean running(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int close = stat.lastIndexOf(')');
        char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
        return state != 'Z' && state != 'X';
    }

    /**
     * Waits until a process no longer runs ({@link #running(long)}).
     *
     * @param pid the process id
     * @param patience how long to wait at most
     * @return {@code true} if it is gone, {@code false} if it still runs after {@code patience}
     * @throws InterruptedException if interrupted
     */
    static boolean awaitGone(long pid, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (running(pid)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
