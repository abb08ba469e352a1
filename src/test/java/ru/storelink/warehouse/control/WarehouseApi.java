package ru.storelink.warehouse.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.ProviderSettings;

/**
 * The warehouse provider's three calls (authorize, token, ping), over the JDK's HTTP client with the
 * timeouts of {@code warehouse.*}: a small provider needs no more.
 */
@ApplicationScoped
public class WarehouseApi {

    /** What the token endpoint grants: the token and the warehouse it opens. */
    public record Granted(Grant grant, String warehouseName) {
    }

    @Inject
    ProviderConfiguration configuration;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public URI authorizationUri(Pending pending) {
        ProviderSettings settings = settings();
        return URI.create(settings.authorizationUrl() + "/authorize?client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(settings.redirectUri().toString()) + "&state=" + encode(pending.state()));
    }

    public Granted exchange(String code) throws ProviderException {
        ProviderSettings settings = settings();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(settings.authorizationUrl() + "/token"))
                .timeout(settings.totalTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
                        + "&client_id=" + encode(settings.clientId()))));
        if (answer.statusCode() == 400) {
            throw new ProviderException(Reason.GRANT_REFUSED, "warehouse token endpoint refused the code");
        }
        JsonObject json = json(answer);
        return new Granted(new Grant(json.getString("access_token"), null, null), json.getString("warehouse_name"));
    }

    /** The status of {@code GET {api}/ping} with the token. */
    public int ping(String accessToken) throws ProviderException {
        return send(HttpRequest.newBuilder(URI.create(settings().apiUrl() + "/ping"))
                .timeout(settings().totalTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws ProviderException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(Reason.UNAVAILABLE, "warehouse unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Reason.UNAVAILABLE, "interrupted", e);
        }
    }

    private static JsonObject json(HttpResponse<String> answer) throws ProviderException {
        if (answer.statusCode() != 200) {
            throw new ProviderException(Reason.UNAVAILABLE, "warehouse answered HTTP " + answer.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new ProviderException(Reason.MALFORMED, "warehouse answered no JSON object", e);
        }
    }

    private ProviderSettings settings() {
        return configuration.of(WarehouseService.TYPE);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
