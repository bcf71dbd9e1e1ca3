package io.cni4j.tool.internal.host;

import io.cni4j.api.IpAddresses;
import io.cni4j.tool.internal.cli.GlobalOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the demo and the bench ask of the host before and after they run: root, programs, the plugin
 * directory, a free bridge name and subnet, the links that exist, and their temp trees.
 */
public final class Host {

    /** How long a host program ({@code ip}) may take. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** Where the plugins are looked for when no {@code --plugin-dir} is given: Debian's, then the CNI project's. */
    public static final List<Path> PLUGIN_DIR_CANDIDATES = List.of(GlobalOptions.DISTRO_PLUGIN_DIR,
            GlobalOptions.DEFAULT_PLUGIN_DIR);

    private Host() {
    }

    /**
     * Whether this process runs with effective uid 0.
     *
     * @return {@code true} for root
     * @throws IOException if {@code /proc/self/status} cannot be read
     */
    public static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring(4).trim().split("\\s+");
                return ids.length > 1 && ids[1].equals("0");
            }
        }
        return false;
    }

    /**
     * Finds a program the run needs.
     *
     * @param name the program, e.g. {@code ip}
     * @param debianPackage the package that installs it, for the message
     * @return its absolute path
     * @throws HostException if it is not installed
     */
    public static String program(String name, String debianPackage) throws HostException {
        return HostCommand.find(name).orElseThrow(() -> new HostException("'" + name + "' is missing: install "
                + debianPackage));
    }

    /**
     * Checks that the bridge name and the subnet of a network are free on this host.
     *
     * @param ip the {@code ip} program
     * @param network the network about to be made
     * @param owner who makes it, for the message: {@code demo} or {@code bench}
     * @throws HostException if a link of that name exists or a route lies in the subnet
     * @throws IOException if {@code ip} cannot be run
     * @throws InterruptedException if interrupted
     */
    public static void requireFree(String ip, BridgeNetwork network, String owner)
            throws HostException, IOException, InterruptedException {
        if (linkExists(ip, network.bridge())) {
            throw new HostException("a link named " + network.bridge() + " exists already (left by an earlier " + owner
                    + "? 'ip link delete " + network.bridge() + "' removes it), or choose another with --bridge");
        }
        HostCommand.Output routes = HostCommand.run(COMMAND_TIMEOUT,
                List.of(ip, "-o", "route", "show", "root", network.subnet().toString()));
        if (!routes.stdout().isBlank()) {
            throw new HostException(network.subnet() + " is in use on this machine (" + routes.stdout().strip()
                    + "); choose another with --subnet");
        }
    }

    /**
     * The first directory that holds every plugin.
     *
     * @param dirs the candidates, in order
     * @param plugins the plugin names
     * @return the directory, if one has them all
     */
    public static Optional<Path> pluginDirWithAll(List<Path> dirs, Collection<String> plugins) {
        return dirs.stream().filter(d -> plugins.stream().allMatch(p -> Files.isRegularFile(d.resolve(p))))
                .findFirst();
    }

    /**
     * Whether a link of that name exists.
     *
     * @param ip the {@code ip} program
     * @param name the link name
     * @return {@code true} if {@code ip link show dev NAME} finds it
     * @throws IOException if {@code ip} cannot be run
     * @throws InterruptedException if interrupted
     */
    public static boolean linkExists(String ip, String name) throws IOException, InterruptedException {
        return HostCommand.run(COMMAND_TIMEOUT, List.of(ip, "-o", "link", "show", "dev", name)).ok();
    }

    /**
     * The names of every link in this network namespace.
     *
     * @param ip the {@code ip} program
     * @return the names, without the {@code @peer} suffix
     * @throws HostException if {@code ip -o link show} fails
     * @throws IOException if {@code ip} cannot be run
     * @throws InterruptedException if interrupted
     */
    public static Set<String> linkNames(String ip) throws HostException, IOException, InterruptedException {
        HostCommand.Output links = HostCommand.run(COMMAND_TIMEOUT, List.of(ip, "-o", "link", "show"));
        if (!links.ok()) {
            throw new HostException("ip -o link show failed: " + links.diagnostic());
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

    /**
     * Whether a file name is an IP address, as host-local names its reservations.
     *
     * @param name the file name
     * @return {@code true} for an IPv4 or IPv6 address
     */
    public static boolean isAddress(String name) {
        try {
            IpAddresses.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The regular files under a directory, at any depth.
     *
     * @param dir the directory; a missing one has none
     * @return the files, sorted
     * @throws IOException if the tree cannot be read
     */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Deletes a directory tree.
     *
     * @param dir the directory
     * @throws IOException if something in it cannot be deleted
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
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
}
