package io.cni4j.exec.process.internal;

import io.cni4j.api.CniException;
import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.NetnsManager;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Network namespaces with util-linux: {@code unshare --net=<file> true} pins a new namespace on
 * {@code <directory>/<name>}, {@code umount <file>} and unlink remove it, and
 * {@code /proc/self/mountinfo} tells which files are namespaces.
 */
final class ProcessNetnsManager implements NetnsManager {

    /** Bit of CAP_SYS_ADMIN in the capability masks of {@code /proc/self/status}. */
    private static final int CAP_SYS_ADMIN = 21;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final long TOOL_OUTPUT_LIMIT = 64 * 1024;
    private static final List<String> STANDARD_TOOL_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin",
            "/usr/bin", "/sbin", "/bin");
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
    private static final Path STATUS = Path.of("/proc/self/status");

    private final Path directory;
    private final ProcessPluginExecutor executor;
    private final List<Path> toolDirs;
    private final BooleanSupplier privileged;

    /**
     * A manager that finds its tools on {@code PATH} and the standard directories and checks for
     * CAP_SYS_ADMIN in {@code /proc/self/status}.
     *
     * @param directory where namespace files are created
     * @param executor runs the tools
     */
    ProcessNetnsManager(Path directory, ProcessPluginExecutor executor) {
        this(directory, executor, defaultToolDirs(), ProcessNetnsManager::hasCapSysAdmin);
    }

    /**
     * A manager with its tool directories and privilege check given (for tests).
     *
     * @param directory where namespace files are created
     * @param executor runs the tools
     * @param toolDirs where {@code unshare} and {@code umount} are looked up, in order
     * @param privileged whether this process may mount and unmount
     */
    ProcessNetnsManager(Path directory, ProcessPluginExecutor executor, List<Path> toolDirs, BooleanSupplier privileged) {
        this.directory = directory;
        this.executor = executor;
        this.toolDirs = List.copyOf(toolDirs);
        this.privileged = privileged;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Path create(String name) throws NetnsException {
        validateName(name);
        Path file = directory.resolve(name);
        String action = "creating network namespace " + file;
        Path unshare = tool("unshare", action);
        requirePrivilege(action);
        try {
            Files.createDirectories(directory);
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new NetnsException(action + " failed: the file already exists", e);
        } catch (IOException e) {
            throw new NetnsException(action + " failed: " + e, e);
        }
        boolean created = false;
        try {
            runTool(unshare, List.of("--net=" + file, "true"), action);
            created = true;
            return file;
        } finally {
            if (!created) {
                deleteQuietly(file);
            }
        }
    }

    @Override
    public void remove(Path path) throws NetnsException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String action = "removing network namespace " + path;
        for (int stacked = 0; isMountPoint(path); stacked++) {
            if (stacked == 16) {
                throw new NetnsException(action + " failed: it is still mounted after 16 unmounts");
            }
            Path umount = tool("umount", action);
            requirePrivilege(action);
            runTool(umount, List.of(path.toString()), action);
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new NetnsException(action + " failed: " + e, e);
        }
    }

    @Override
    public boolean isNetns(Path path) {
        Optional<String> nsLink = procNamespaceLink(path);
        if (nsLink.isPresent()) {
            return nsLink.get().startsWith("net:[");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        Optional<List<Mount>> mounts = mounts();
        if (mounts.isPresent()) {
            return mounts.get().stream().filter(m -> m.mountPoint().equals(real.toString()))
                    .reduce((first, second) -> second)
                    .map(m -> m.fsType().equals("nsfs") && m.root().startsWith("net:["))
                    .orElse(false);
        }
        return statFsType(real).map("nsfs"::equals).orElse(false);
    }

    /**
     * Checks a namespace name: not empty, not {@code .} or {@code ..}, no {@code /}, no NUL.
     *
     * @param name the name
     * @throws NetnsException if it is not a plain file name
     */
    static void validateName(String name) throws NetnsException {
        String problem = null;
        if (name == null || name.isEmpty()) {
            problem = "it is empty";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "it is not a file name";
        } else if (name.indexOf('/') >= 0) {
            problem = "it contains '/'";
        } else if (name.indexOf('\0') >= 0) {
            problem = "it contains a NUL character";
        }
        if (problem != null) {
            throw new NetnsException("invalid network namespace name \"" + String.valueOf(name).replace("\0", "\\0")
                    + "\": " + problem);
        }
    }

    /** For {@code /proc/.../ns/...} magic links: their {@code type:[inode]} target. */
    private static Optional<String> procNamespaceLink(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith("/proc") || !Files.isSymbolicLink(abs)) {
            return Optional.empty();
        }
        try {
            String target = Files.readSymbolicLink(abs).toString();
            return target.matches("[a-z_]+:\\[\\d+]") ? Optional.of(target) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean isMountPoint(Path path) throws NetnsException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        Optional<List<Mount>> mounts = mounts();
        if (mounts.isEmpty()) {
            throw new NetnsException("cannot tell whether " + path + " is mounted: " + MOUNTINFO + " is unreadable");
        }
        return mounts.get().stream().anyMatch(m -> m.mountPoint().equals(real.toString()));
    }

    private Optional<String> statFsType(Path path) {
        Optional<Path> stat = findTool("stat");
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        try {
            ExecResult result = executor.run(List.of("-f", "-c", "%T", path.toString()), toolRequest(stat.get()));
            return result.succeeded() ? Optional.of(result.stdoutText().trim()) : Optional.empty();
        } catch (CniException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void runTool(Path tool, List<String> arguments, String action) throws NetnsException {
        ExecResult result;
        try {
            result = executor.run(arguments, toolRequest(tool));
        } catch (CniException e) {
            throw new NetnsException(action + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException(action + " was interrupted", e);
        }
        if (!result.succeeded()) {
            String output = (result.stderrText() + result.stdoutText()).strip();
            throw new NetnsException(action + " failed: " + tool + " " + String.join(" ", arguments) + " ended with "
                    + result.describeExit() + (output.isEmpty() ? "" : ": " + output));
        }
    }

    private static ExecRequest toolRequest(Path tool) {
        List<String> env = new ArrayList<>();
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().equals("LC_ALL")) {
                env.add(e.getKey() + "=" + e.getValue());
            }
        }
        env.add("LC_ALL=C");
        return new ExecRequest(tool, new byte[0], env, TOOL_TIMEOUT, TOOL_OUTPUT_LIMIT);
    }

    private Path tool(String name, String action) throws NetnsException {
        return findTool(name).orElseThrow(() -> new NetnsException(action + " needs the '" + name
                + "' tool (util-linux), which was not found in " + toolDirs));
    }

    private Optional<Path> findTool(String name) {
        for (Path dir : toolDirs) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void requirePrivilege(String action) throws NetnsException {
        if (!privileged.getAsBoolean()) {
            throw new NetnsException(action + " needs root (CAP_SYS_ADMIN), which this process ("
                    + statusField("Uid").map(uid -> "uid " + uid.split("\\s+")[1]).orElse("unknown uid")
                    + ") does not have");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the failure being reported matters more
        }
    }

    static List<Path> defaultToolDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && dir.startsWith("/")) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        STANDARD_TOOL_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return List.copyOf(dirs);
    }

    /** Whether this process has CAP_SYS_ADMIN; {@code true} when that cannot be read (the tool will tell). */
    static boolean hasCapSysAdmin() {
        return statusField("CapEff")
                .map(hex -> new java.math.BigInteger(hex.trim(), 16).testBit(CAP_SYS_ADMIN))
                .orElse(true);
    }

    private static Optional<String> statusField(String field) {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(line.substring(field.length() + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is not mounted
        }
        return Optional.empty();
    }

    /** The mounts of this process's mount namespace, or empty when mountinfo cannot be read. */
    static Optional<List<Mount>> mounts() {
        try {
            List<Mount> mounts = new ArrayList<>();
            for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
                Mount.parse(line).ifPresent(mounts::add);
            }
            return Optional.of(mounts);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * One line of {@code /proc/self/mountinfo}.
     *
     * @param root the root of the mount within its filesystem ({@code net:[4026532177]} for a netns)
     * @param mountPoint where it is mounted
     * @param fsType the filesystem type
     */
    record Mount(String root, String mountPoint, String fsType) {

        /** Parses a line: {@code id parent maj:min root mountpoint options [optional...] - fstype source superopts}. */
        static Optional<Mount> parse(String line) {
            String[] f = line.split(" ");
            int separator = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    separator = i;
                    break;
                }
            }
            if (f.length < 7 || separator < 0 || separator + 1 >= f.length) {
                return Optional.empty();
            }
            return Optional.of(new Mount(unescape(f[3]), unescape(f[4]), f[separator + 1]));
        }

        /** Undoes the octal escapes ({@code \040} for a space and so on) of mountinfo fields. */
        static String unescape(String field) {
            if (field.indexOf('\\') < 0) {
                return field;
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\\' && i + 3 < bytes.length && isOctal(bytes[i + 1]) && isOctal(bytes[i + 2])
                        && isOctal(bytes[i + 3])) {
                    out.write((bytes[i + 1] - '0') * 64 + (bytes[i + 2] - '0') * 8 + (bytes[i + 3] - '0'));
                    i += 3;
                } else {
                    out.write(bytes[i]);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        private static boolean isOctal(byte b) {
            return b >= '0' && b <= '7';
        }
    }
}
