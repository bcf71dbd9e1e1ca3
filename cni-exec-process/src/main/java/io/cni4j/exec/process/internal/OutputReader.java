package io.cni4j.exec.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Drains one of a plugin's output pipes on its own daemon thread into a {@link BoundedOutput}.
 * When the plugin writes more than the limit, the reader calls the overflow action (which kills the
 * plugin), stops reading and closes the pipe.
 */
final class OutputReader implements Runnable {

    private final String streamName;
    private final InputStream in;
    private final BoundedOutput output;
    private final Runnable onOverflow;
    private final CountDownLatch done;
    private volatile boolean overflowed;
    private volatile IOException failure;

    private OutputReader(String streamName, InputStream in, long limit, Runnable onOverflow, CountDownLatch done) {
        this.streamName = streamName;
        this.in = in;
        this.output = new BoundedOutput(limit);
        this.onOverflow = onOverflow;
        this.done = done;
    }

    /**
     * Starts a reader thread.
     *
     * @param streamName {@code stdout} or {@code stderr}, for the thread name and messages
     * @param in the pipe
     * @param limit the most bytes accepted
     * @param onOverflow run once, on the reader thread, when the limit is exceeded
     * @param done counted down when the reader ends, however it ends
     * @param pid the plugin's pid, for the thread name
     * @return the running reader
     */
    static OutputReader start(String streamName, InputStream in, long limit, Runnable onOverflow,
                              CountDownLatch done, long pid) {
        OutputReader reader = new OutputReader(streamName, in, limit, onOverflow, done);
        Thread thread = new Thread(reader, "cni4j-plugin-" + pid + "-" + streamName);
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (!output.append(chunk, 0, n)) {
                    overflowed = true;
                    onOverflow.run();
                    return;
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing more to read either way
            }
            done.countDown();
        }
    }

    /** @return {@code stdout} or {@code stderr} */
    String streamName() {
        return streamName;
    }

    /** @return whether the plugin wrote more than the limit */
    boolean overflowed() {
        return overflowed;
    }

    /** @return the read failure, or {@code null} */
    IOException failure() {
        return failure;
    }

    /** @return the limit in bytes */
    int limit() {
        return output.limit();
    }

    /**
     * The bytes read. Call only after the reader has ended (its latch was counted down).
     *
     * @return the bytes
     */
    byte[] bytes() {
        return output.toByteArray();
    }
}
