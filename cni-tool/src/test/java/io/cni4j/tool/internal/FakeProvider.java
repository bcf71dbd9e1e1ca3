package io.cni4j.tool.internal;

import io.cni4j.api.NetnsException;
import io.cni4j.api.spi.ExecResult;
import io.cni4j.api.spi.ExecRequest;
import io.cni4j.api.spi.ExecutorProvider;
import io.cni4j.api.spi.NetnsManager;
import io.cni4j.api.spi.PluginExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An executor provider whose executor answers every run with a canned {@link ExecResult} and records
 * the request, and whose netns manager makes plain files (recognised as namespaces by a marker).
 */
public final class FakeProvider implements ExecutorProvider {

    private final String name;
    private final int priority;
    private final boolean available;
    /** The requests the executor got. */
    public final List<ExecRequest> requests = new ArrayList<>();
    /** What the executor returns. */
    public ExecResult answer = new ExecResult(0, 0, new byte[0], new byte[0]);
    /** The directories netns managers were asked for. */
    public final List<Path> netnsDirs = new ArrayList<>();

    /**
     * A provider.
     *
     * @param name its name
     * @param priority its priority
     * @param available whether available
     */
    public FakeProvider(String name, int priority, boolean available) {
        this.name = name;
        this.priority = priority;
        this.available = available;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public Optional<Throwable> unavailabilityCause() {
        return available ? Optional.empty() : Optional.of(new UnsupportedOperationException("fake reason"));
    }

    @Override
    public PluginExecutor executor() {
        return request -> {
            requests.add(request);
            return answer;
        };
    }

    @Override
    public NetnsManager netnsManager(Path directory) {
        netnsDirs.add(directory);
        return new NetnsManager() {
            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public Path create(String nsName) throws NetnsException {
                Path path = directory.resolve(nsName);
                try {
                    Files.createDirectories(directory);
                    Files.writeString(Files.createFile(path), "netns");
                } catch (IOException e) {
                    throw new NetnsException("cannot create " + path, e);
                }
                return path;
            }

            @Override
            public void remove(Path path) throws NetnsException {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new NetnsException("cannot remove " + path, e);
                }
            }

            @Override
            public boolean isNetns(Path path) {
                try {
                    return Files.isRegularFile(path) && Files.readString(path).equals("netns");
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }
}
