package ru.storelink.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An SMTP server on loopback (GreenMail) that the application under test is configured to deliver to; it can
 * go down and come back on the same port. Every test reads only its own owner's mails: the background checker
 * mails every owner of the suite.
 */
public final class Inbox {

    /** One e-mail as the owner reads it. */
    public record Mail(String subject, String text, String html, String messageId) {
    }

    /** One received e-mail: to whom, and its Message-ID. */
    public record Received(String to, String messageId) {
    }

    private final int port = freePort();
    private GreenMail server;

    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public boolean running() {
        return server != null;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** Every e-mail received so far, one per recipient. */
    public List<Received> all() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(message -> {
            try {
                return new Received(message.getAllRecipients()[0].toString(), message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Points the application at this server, as an admin would with MAIL_SMTP_* variables. */
    public void configure() {
        TestConfig.set("mail.smtp.host", "127.0.0.1");
        TestConfig.set("mail.smtp.port", Integer.toString(port));
        TestConfig.set("mail.smtp.security", "none");
        TestConfig.set("mail.from", "Storelink <noreply@storelink.test>");
    }

    /** Everything delivered to {@code to} so far (mails received while the server ran). */
    public List<Mail> of(String to) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(message -> addressedTo(message, to)).map(Inbox::read).toList();
    }

    public List<Mail> awaitAtLeast(String to, int count, Duration limit) {
        Waiting.upTo(limit, Duration.ofMillis(250), () -> of(to).size() >= count);
        return of(to);
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(address -> address.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            if (message.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = String.valueOf(message.getContent());
            }
            return new Mail(message.getSubject(), text, html, message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
