package ru.storelink.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP relay on loopback that opens each connection to the real server only after {@code delay}: an SMTP
 * server that takes its time, so that a sender can be killed while it delivers.
 */
public final class SlowLink implements AutoCloseable {

    private final ServerSocket listener;

    public SlowLink(int targetPort, Duration delay) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    daemon(() -> relay(client, targetPort, delay));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "slow-smtp-link");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private static void relay(Socket client, int targetPort, Duration delay) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread.sleep(delay.toMillis());
            Thread upstream = daemon(() -> pipe(client, server));
            pipe(server, client);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // The sender or the server went away: so does the relay.
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
