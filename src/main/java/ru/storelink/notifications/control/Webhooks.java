package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.notifications.entity.NotificationSettings;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/**
 * The owner's webhook: one signed JSON POST per notification. The body names the event
 * ({@code connection.broken}, {@code connection.unavailable}, {@code connection.recovered}), the service,
 * the state, the reason (its code, and its words), when and which connection; the header
 * {@code X-Storelink-Signature: sha256=<hex HMAC-SHA256 of the body with the owner's secret>} proves it is
 * ours and whole. {@code X-Storelink-Delivery} is the outbox row's id, the same on a repetition. Redirects are
 * not followed (they could lead inside our network); any answer but 2xx is a failure, tried again later.
 */
@ApplicationScoped
public class Webhooks {

    static final String SIGNATURE = "X-Storelink-Signature";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    TokenCipher cipher;

    /** A new signing secret, shown to the owner once, and sealed for the database. */
    public record Secret(String clear, String sealed) {
    }

    public Secret newSecret(long accountId) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String clear = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Secret(clear, cipher.seal(clear, context(accountId)));
    }

    /** @throws DeliveryFailed (retryable) when the receiver did not take it */
    public void deliver(NotificationSettings settings, Pending row, Telling telling) throws DeliveryFailed {
        String url = settings.getWebhookUrl();
        if (url == null) {
            throw new DeliveryFailed("the owner removed the webhook", false);
        }
        Optional<Message> refused = WebhookTargets.problem(url);
        if (refused.isPresent()) {
            throw new DeliveryFailed("the webhook's target is refused: " + refused.get().code(), false);
        }
        String body = body(row, telling);
        String secret = cipher.open(settings.getSealedWebhookSecret(), context(row.accountId()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.trim()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Storelink-Webhook/1")
                .header(SIGNATURE, "sha256=" + sign(secret, body))
                .header("X-Storelink-Event", event(row))
                .header("X-Storelink-Delivery", Long.toString(row.id()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailed("webhook " + URI.create(url.trim()).getHost() + " failed: " + e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", true);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("webhook answered HTTP " + response.statusCode(), true);
        }
    }

    static String body(Pending row, Telling telling) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", event(row))
                .add("service", row.service())
                .add("state", row.to().name())
                .add("occurred_at", DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()))
                .add("connection_id", row.connectionId());
        if (row.reason() != null) {
            json.add("reason", row.reason().code()).add("reason_text", Texts.render(row.reason()));
        } else {
            json.addNull("reason");
        }
        if (telling.details() != null && !telling.details().isBlank()) {
            json.add("details", telling.details());
        }
        return json.build().toString();
    }

    static String event(Pending row) {
        return switch (row.kind()) {
            case BROKEN -> "connection.broken";
            case UNAVAILABLE -> "connection.unavailable";
            case RECOVERED -> "connection.recovered";
        };
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String context(long accountId) {
        return "notification_settings.webhook_secret/" + accountId;
    }
}
