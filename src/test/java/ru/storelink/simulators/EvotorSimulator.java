package ru.storelink.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;
import ru.storelink.evotor.control.SimulatedEvotor;
import ru.storelink.evotor.control.SimulatedEvotor.Store;

/**
 * Evotor on loopback: {@code GET /oauth/authorize} decides at once (as if the owner had clicked), the
 * token endpoint and {@code GET /api/stores} behave as docs/providers.md says.
 */
public final class EvotorSimulator extends ProviderSimulator {

    public static final String AUTHORIZE = "GET /oauth/authorize";
    public static final String TOKEN = "POST /oauth/token";
    public static final String STORES = "GET /api/stores";

    private final SimulatedEvotor evotor;
    private volatile boolean ownerRefuses;

    public EvotorSimulator(int port, String clientId, String clientSecret, String redirectUri) {
        super(port);
        evotor = new SimulatedEvotor(clientId, clientSecret, redirectUri, CAPACITY);
    }

    /** The Evotor account that consents next has these stores. */
    public EvotorSimulator nextAccountHasStores(Store... stores) {
        evotor.nextAccountHasStores(List.of(stores));
        return this;
    }

    /** The next owner clicks «Отказать» instead of allowing. */
    public void ownerRefusesNextTime() {
        ownerRefuses = true;
    }

    public int refreshesOf(String storeId) {
        return evotor.refreshesOf(storeId);
    }

    public void acceptToken(String accessToken, Store store) {
        evotor.acceptToken(accessToken, List.of(store));
    }

    /** Retired refresh tokens presented again (each revoked its grant), since the start. */
    public int refreshTokenReuses() {
        return evotor.refreshTokenReuses();
    }

    /** The next {@code times} refresh answers omit {@code refresh_token}. */
    public void omitRefreshTokens(int times) {
        evotor.omitRefreshTokens(times);
    }

    /** The account's access tokens expire; a refresh still works. */
    public void expireAccessTokensOf(String storeId) {
        evotor.expireAccessTokensOf(storeId);
    }

    /** The owner of this store removed our application in Evotor: its tokens stop working. */
    public void revokeAccountOf(String storeId) {
        evotor.revokeAccountOf(storeId);
    }

    @Override
    protected boolean isProbe(String endpoint) {
        return STORES.equals(endpoint);
    }

    @Override
    public void reset() {
        super.reset();
        ownerRefuses = false;
        evotor.nextAccountHasStores(List.of(new Store("store-1", "Чайная", "Россия, Москва")));
    }

    @Override
    protected Reply handle(String endpoint, HttpExchange exchange, Map<String, String> query, Map<String, String> form) {
        return switch (endpoint) {
            case AUTHORIZE -> {
                if (!evotor.knowsClient(query.get("client_id"), query.get("redirect_uri"))
                        || !"code".equals(query.get("response_type"))) {
                    yield Reply.status(400);
                }
                boolean refuse = ownerRefuses;
                ownerRefuses = false;
                yield Reply.redirect(refuse ? evotor.deny(query.get("state")) : evotor.approve(query.get("state")));
            }
            case TOKEN -> Reply.of(evotor.token(exchange.getRequestHeaders().getFirst("Authorization"), form));
            case STORES -> "application/vnd.evotor.v2+json".equals(exchange.getRequestHeaders().getFirst("Accept"))
                    ? Reply.of(evotor.stores(exchange.getRequestHeaders().getFirst("Authorization"), query.get("cursor")))
                    : Reply.status(406);
            default -> null;
        };
    }
}
