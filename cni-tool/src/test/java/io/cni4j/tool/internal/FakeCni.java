package io.cni4j.tool.internal;

import io.cni4j.api.CachedAttachment;
import io.cni4j.api.Cni;
import io.cni4j.api.CniConfig;
import io.cni4j.api.CniException;
import io.cni4j.api.GcAttachment;
import io.cni4j.api.LoadException;
import io.cni4j.api.LoadOption;
import io.cni4j.api.Namespace;
import io.cni4j.api.NamespaceOption;
import io.cni4j.api.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Cni} that records what the tool asks and answers with canned values or a canned failure,
 * to test the commands' output and exit statuses without plugins.
 */
public final class FakeCni implements Cni {

    /** Every call, e.g. {@code setup c1 /run/netns/c1}. */
    public final List<String> calls = new ArrayList<>();
    /** The namespaces built from the per-call options of setup, remove and check. */
    public final List<Namespace> namespaces = new ArrayList<>();
    /** The load options of the last load. */
    public List<LoadOption> loaded = List.of();
    /** The valid attachments of the last gc. */
    public List<GcAttachment> gcValid = List.of();
    /** The status timeout of the last status call. */
    public Duration statusTimeout;
    /** Whether close was called. */
    public boolean closed;

    /** Thrown by every operation but load when set. */
    public Exception failure;
    /** Thrown by load when set. */
    public LoadException loadFailure;
    /** What setup returns. */
    public Result result = new Result(null, null, null, null);
    /** What config returns. */
    public CniConfig config;
    /** What attachments returns. */
    public List<CachedAttachment> attachments = List.of();

    private void fail() throws CniException, InterruptedException {
        if (failure instanceof CniException c) {
            throw c;
        }
        if (failure instanceof InterruptedException i) {
            throw i;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
    }

    @Override
    public void load(LoadOption... options) throws LoadException {
        calls.add("load");
        loaded = List.of(options);
        if (loadFailure != null) {
            throw loadFailure;
        }
    }

    @Override
    public Result setup(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        calls.add("setup " + containerId + " " + netnsPath);
        namespaces.add(Namespace.of(containerId, netnsPath, options));
        fail();
        return result;
    }

    @Override
    public Result setupSerially(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        calls.add("setupSerially " + containerId + " " + netnsPath);
        namespaces.add(Namespace.of(containerId, netnsPath, options));
        fail();
        return result;
    }

    @Override
    public void remove(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        calls.add("remove " + containerId + " " + netnsPath);
        namespaces.add(Namespace.of(containerId, netnsPath, options));
        fail();
    }

    @Override
    public void check(String containerId, String netnsPath, NamespaceOption... options)
            throws CniException, InterruptedException {
        calls.add("check " + containerId + " " + netnsPath);
        namespaces.add(Namespace.of(containerId, netnsPath, options));
        fail();
    }

    @Override
    public void status() throws CniException, InterruptedException {
        status(Duration.ofSeconds(60));
    }

    @Override
    public void status(Duration timeout) throws CniException, InterruptedException {
        calls.add("status");
        statusTimeout = timeout;
        fail();
    }

    @Override
    public void gc(Collection<GcAttachment> validAttachments) throws CniException, InterruptedException {
        calls.add("gc");
        gcValid = List.copyOf(validAttachments);
        fail();
    }

    @Override
    public List<CachedAttachment> attachments(String containerId) throws CniException {
        calls.add("attachments " + containerId);
        try {
            fail();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return attachments;
    }

    @Override
    public List<String> validate(String networkName) {
        return List.of();
    }

    @Override
    public io.cni4j.api.VersionInfo versionInfo(String pluginType) throws CniException, InterruptedException {
        calls.add("versionInfo " + pluginType);
        fail();
        return new io.cni4j.api.VersionInfo("1.1.0", List.of("0.4.0", "1.0.0"));
    }

    @Override
    public CniConfig config() {
        calls.add("config");
        return config;
    }

    @Override
    public CompletableFuture<Result> setupAsync(String containerId, String netnsPath, NamespaceOption... options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Result> setupSeriallyAsync(String containerId, String netnsPath, NamespaceOption... options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> removeAsync(String containerId, String netnsPath, NamespaceOption... options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> checkAsync(String containerId, String netnsPath, NamespaceOption... options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> statusAsync() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Void> gcAsync(Collection<GcAttachment> validAttachments) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closed = true;
    }
}
