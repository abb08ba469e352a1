package ru.storelink.warehouse;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import ru.storelink.simulators.ProviderSimulator;

/**
 * The warehouse provider on loopback: {@code GET /authorize} consents at once, {@code POST /token} trades a
 * code (once) for a token, {@code GET /api/ping} says whether a token works.
 */
public final class WarehouseSimulator extends ProviderSimulator {

    public static final String CLIENT_ID = "test-warehouse-client";
    public static final String PING = "GET /api/ping";

    private final String redirectUri;
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private volatile String nextWarehouse = "Главный склад";

    private static WarehouseSimulator started;

    public WarehouseSimulator(int port, String redirectUri) {
        super(port);
        this.redirectUri = redirectUri;
    }

    /** The one per test JVM, on the port the build reserved and gave the application under test. */
    public static synchronized WarehouseSimulator get() {
        if (started == null) {
            started = new WarehouseSimulator(Integer.parseInt(System.getProperty("storelink.simulator.warehouse.port")),
                    System.getProperty("storelink.base-url", "http://localhost:8080") + "/warehouse/callback");
        }
        return started;
    }

    /** The warehouse the next consent grants. */
    public void nextWarehouseIs(String name) {
        nextWarehouse = name;
    }

    /** The owner withdrew our access: every token issued so far stops working. */
    public void revokeAll() {
        tokens.clear();
    }

    @Override
    protected boolean isProbe(String endpoint) {
        return PING.equals(endpoint);
    }

    @Override
    protected Reply handle(String endpoint, HttpExchange exchange, Map<String, String> query, Map<String, String> form) {
        return switch (endpoint) {
            case "GET /authorize" -> {
                if (!CLIENT_ID.equals(query.get("client_id")) || !redirectUri.equals(query.get("redirect_uri"))) {
                    yield Reply.status(400);
                }
                String code = UUID.randomUUID().toString();
                codes.add(code);
                yield Reply.redirect(URI.create(redirectUri + "?code=" + code + "&state="
                        + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8)));
            }
            case "POST /token" -> {
                if (!CLIENT_ID.equals(form.get("client_id")) || !codes.remove(String.valueOf(form.get("code")))) {
                    yield Reply.json(400, "{\"error\":\"invalid_grant\"}");
                }
                String token = UUID.randomUUID().toString();
                tokens.add(token);
                yield Reply.json(200, "{\"access_token\":\"" + token + "\",\"warehouse_name\":\"" + nextWarehouse + "\"}");
            }
            case PING -> tokens.contains(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", ""))
                    ? Reply.json(200, "{\"ok\":true}")
                    : Reply.json(401, "{\"error\":\"invalid_token\"}");
            default -> null;
        };
    }
}
