package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.deployment.DeploymentRules;

/**
 * Delivers e-mails over SMTP (Jakarta Mail, Eclipse Angus) as {@code mail.smtp.*} and {@code mail.from}
 * say, read afresh for every e-mail. With no {@code mail.smtp.host}, demo mode keeps them in its mailbox
 * ({@code /demo/mail}); a deployment (PostgreSQL without {@code app.demo=true}) cannot deliver them at all,
 * which the start-up log and the settings page say.
 */
@ApplicationScoped
public class Mailer {

    /** Where e-mails go now. */
    public enum Route { SMTP, DEMO_MAILBOX, NONE }

    /** Each network step of an SMTP delivery gives up after this long: a hung server must not hold a sender. */
    static final String TIMEOUT_MS = "15000";

    @Inject
    DemoMailbox mailbox;

    public Route route() {
        Config config = ConfigProvider.getConfig();
        return route(config.getOptionalValue("mail.smtp.host", String.class).orElse(""),
                config.getOptionalValue("db.url", String.class).orElse(""),
                config.getOptionalValue("app.demo", Boolean.class).orElse(false));
    }

    /** SMTP when a host is configured; otherwise demo mode's mailbox, except in a deployment that is no demo. */
    static Route route(String smtpHost, String dbUrl, boolean demoRequested) {
        if (!smtpHost.isBlank()) {
            return Route.SMTP;
        }
        return DeploymentRules.isDeployment(dbUrl) && !demoRequested ? Route.NONE : Route.DEMO_MAILBOX;
    }

    /** @throws DeliveryFailed when the e-mail was not delivered, with a reason fit for the log (never a password) */
    public void send(Mail mail) throws DeliveryFailed {
        switch (route()) {
            case SMTP -> smtp(mail);
            case DEMO_MAILBOX -> keep(mail);
            case NONE -> throw new DeliveryFailed("no SMTP server configured (mail.smtp.host)", false);
        }
    }

    private void keep(Mail mail) throws DeliveryFailed {
        try {
            mailbox.keep(mail);
        } catch (RuntimeException e) {
            throw new DeliveryFailed("the demo mailbox refused it: " + e, true);
        }
    }

    private static void smtp(Mail mail) throws DeliveryFailed {
        Config config = ConfigProvider.getConfig();
        String host = config.getValue("mail.smtp.host", String.class);
        String security = config.getOptionalValue("mail.smtp.security", String.class).orElse("starttls").trim().toLowerCase(Locale.ROOT);
        int defaultPort = switch (security) {
            case "none" -> 25;
            case "starttls" -> 587;
            case "tls" -> 465;
            default -> throw new DeliveryFailed("mail.smtp.security must be none, starttls or tls, not " + security, false);
        };
        int port = config.getOptionalValue("mail.smtp.port", Integer.class).orElse(defaultPort);
        Optional<String> user = config.getOptionalValue("mail.smtp.user", String.class).filter(u -> !u.isBlank());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        properties.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        if (security.equals("starttls")) {
            properties.put("mail.smtp.starttls.enable", "true");
            // Never fall back to a clear-text session that would carry the password.
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (security.equals("tls")) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (!security.equals("none")) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new StableIdMessage(session, mail.messageId());
            message.setFrom(from(config));
            message.setRecipient(RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.setSentDate(new java.util.Date());
            if (user.isPresent()) {
                Transport.send(message, user.get(), config.getOptionalValue("mail.smtp.password", String.class).orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            // The server's own words (e.g. "535 authentication failed"), never our password.
            throw new DeliveryFailed("SMTP " + host + ":" + port + " refused or failed: " + e.getMessage()
                    + (e.getNextException() == null ? "" : " (" + e.getNextException() + ")"), true);
        }
    }

    private static InternetAddress from(Config config) throws MessagingException {
        Optional<String> from = config.getOptionalValue("mail.from", String.class).filter(f -> !f.isBlank());
        if (from.isPresent()) {
            return new InternetAddress(from.get(), true);
        }
        String host = URI.create(config.getOptionalValue("app.public-url", String.class).orElse("http://localhost")).getHost();
        try {
            return new InternetAddress("noreply@" + host, "Storelink", StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps our Message-ID: a repeated delivery of the same rows is recognisable as one. */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }
}
