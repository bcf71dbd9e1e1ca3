package io.cni4j.tool.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The demo's connectivity proof, run in a network namespace under {@code nsenter}: a one-shot TCP
 * server in one namespace and a client in the other. It needs nothing but {@code java.base}, so the
 * demo can start it from the tool's jar or classes directory on the class path.
 *
 * <ul>
 *   <li>{@code serve ADDRESS}: listens on ADDRESS, an ephemeral port; prints {@code listening PORT};
 *       answers one connection's line with {@code hello from ADDRESS}; exits.</li>
 *   <li>{@code connect ADDRESS PORT}: connects, sends a line, prints the answer; exits 0 on success,
 *       1 on failure.</li>
 * </ul>
 */
public final class TcpProbe {

    /** How long each side waits for the other. */
    private static final int TIMEOUT_MILLIS = 15_000;

    private TcpProbe() {
    }

    /**
     * Runs the server or the client.
     *
     * @param args {@code serve ADDRESS} or {@code connect ADDRESS PORT}
     */
    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("serve")) {
                serve(args[1]);
            } else if (args.length == 3 && args[0].equals("connect")) {
                connect(args[1], Integer.parseInt(args[2]));
            } else {
                System.err.println("usage: TcpProbe serve ADDRESS | connect ADDRESS PORT");
                System.exit(2);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("tcp probe failed: " + e);
            System.exit(1);
        }
    }

    private static void serve(String address) throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 1);
            server.setSoTimeout(TIMEOUT_MILLIS);
            System.out.println("listening " + server.getLocalPort());
            System.out.flush();
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(TIMEOUT_MILLIS);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line = in.readLine();
                OutputStream out = socket.getOutputStream();
                out.write(("hello from " + address + " (got: " + line + ")\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static void connect(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String local = socket.getLocalAddress().getHostAddress();
            socket.getOutputStream().write(("hello from " + local + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("connection closed without an answer");
            }
            System.out.println(answer);
        }
    }
}
