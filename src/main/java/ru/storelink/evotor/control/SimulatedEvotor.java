package ru.storelink.evotor.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.storelink.demo.control.SimulatedAnswer;
import ru.storelink.demo.control.SimulatedGrants;

/**
 * Evotor as docs/providers.md describes it: the authorization-code flow with HTTP Basic client authentication,
 * refresh with rotation and reuse detection ({@link SimulatedGrants}), and {@code GET /stores} with Bearer tokens and cursor paging. Used by the demo
 * mode and, wrapped in a loopback HTTP server with fault injection, by the tests.
 */
public class SimulatedEvotor {

    /** A store of the simulated Evotor account. */
    public record Store(String id, String name, String address) {
    }

    private record Authorization(List<Store> stores, String redirectUri, long issuedAt) {
    }

    /** Authorization codes live 10 minutes. */
    static final long CODE_SECONDS = 600;

    /** Stores per page of {@code /stores}, small so that paging is exercised. */
    static final int PAGE_SIZE = 2;

    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final Map<String, Authorization> codes;
    private final SimulatedGrants<List<Store>> grants;
    private final Map<String, Integer> refreshes = new ConcurrentHashMap<>();
    private volatile List<Store> nextAccount = List.of(
            new Store("20190701-0000-4000-8000-000000000001", "Чайная", "Россия, Москва"),
            new Store("20190701-0000-4000-8000-000000000002", "Кофейня на Арбате", "Россия, Москва, Арбат, 10"));

    public SimulatedEvotor(String clientId, String clientSecret, String redirectUri) {
        this(clientId, clientSecret, redirectUri, SimulatedGrants.DEMO_CAPACITY);
    }

    /** @param capacity codes and tokens of each kind kept at most */
    public SimulatedEvotor(String clientId, String clientSecret, String redirectUri, int capacity) {
        this.codes = SimulatedGrants.bounded(capacity);
        this.grants = new SimulatedGrants<>(capacity);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** The stores of the Evotor account that consents next. */
    public void nextAccountHasStores(List<Store> stores) {
        this.nextAccount = List.copyOf(stores);
    }

    /** Whether an authorize request names us and our registered redirect URI (else: no redirect at all). */
    public boolean knowsClient(String clientId, String redirectUri) {
        return this.clientId.equals(clientId) && this.redirectUri.equals(redirectUri);
    }

    /** The owner allowed access: where the browser goes next. */
    public URI approve(String state) {
        String code = token();
        synchronized (codes) {
            codes.put(code, new Authorization(nextAccount, redirectUri, System.nanoTime()));
        }
        return URI.create(redirectUri + "?code=" + code + "&state=" + SimulatedGrants.encode(state));
    }

    /** The owner refused: where the browser goes next. */
    public URI deny(String state) {
        return URI.create(redirectUri + "?error=access_denied&error_description=User+denied+access&state=" + SimulatedGrants.encode(state));
    }

    /** {@code POST /oauth/token}. */
    public SimulatedAnswer token(String authorization, Map<String, String> form) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return oauthError(401, "invalid_client", "Bad client credentials");
        }
        SimulatedGrants.Issued<List<Store>> issued;
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                Authorization granted;
                synchronized (codes) {
                    granted = codes.remove(String.valueOf(form.get("code")));
                }
                if (granted == null || System.nanoTime() - granted.issuedAt() > CODE_SECONDS * 1_000_000_000L
                        || !granted.redirectUri().equals(form.get("redirect_uri"))) {
                    return oauthError(400, "invalid_grant", "Invalid authorization code");
                }
                issued = grants.issue(granted.stores());
            }
            case "refresh_token" -> {
                issued = grants.refresh(String.valueOf(form.get("refresh_token")));
                if (issued == null) {
                    return oauthError(400, "invalid_grant", "Invalid refresh token");
                }
                issued.subject().forEach(store -> refreshes.merge(store.id(), 1, Integer::sum));
            }
            default -> {
                return oauthError(400, "unsupported_grant_type", "Unsupported grant type");
            }
        }
        var answer = Json.createObjectBuilder()
                .add("access_token", issued.accessToken())
                .add("token_type", "bearer");
        if (issued.refreshToken() != null) {
            answer.add("refresh_token", issued.refreshToken());
        }
        return SimulatedAnswer.json(200, answer
                .add("expires_in", 604799)
                .add("scope", "store:read")
                .build());
    }

    /** {@code GET /stores}: Bearer token, {@code Accept: application/vnd.evotor.v2+json}, cursor paging. */
    public SimulatedAnswer stores(String authorization, String cursor) {
        List<Store> stores = authorization != null && authorization.startsWith("Bearer ")
                ? grants.subjectOf(authorization.substring("Bearer ".length()))
                : null;
        if (stores == null) {
            return SimulatedAnswer.json(401, Json.createObjectBuilder()
                    .add("code", 1001).add("message", "Unauthorized").build());
        }
        int from;
        try {
            from = cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            return SimulatedAnswer.json(400, Json.createObjectBuilder()
                    .add("code", 2001).add("message", "Bad cursor").build());
        }
        int to = Math.min(stores.size(), from + PAGE_SIZE);
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Store store : stores.subList(Math.min(from, to), to)) {
            items.add(Json.createObjectBuilder()
                    .add("id", store.id()).add("name", store.name()).add("address", store.address())
                    .add("user_id", "01-000000000000001")
                    .add("created_at", "2018-07-09T11:46:52.024+0000").add("updated_at", "2018-07-09T13:33:28.254+0000"));
        }
        var paging = Json.createObjectBuilder();
        if (to < stores.size()) {
            paging.add("next_cursor", Integer.toString(to));
        } else {
            paging.addNull("next_cursor");
        }
        return SimulatedAnswer.json(200, Json.createObjectBuilder().add("items", items).add("paging", paging).build());
    }


    /** How many refreshes the account owning this store has made. */
    public int refreshesOf(String storeId) {
        return refreshes.getOrDefault(storeId, 0);
    }

    /** Accepts an access token issued elsewhere (seeded data of benchmarks and tests). */
    public void acceptToken(String accessToken, List<Store> stores) {
        grants.accept(accessToken, null, List.copyOf(stores));
    }

    /** How many times a retired refresh token was presented again (each revoked its grant). */
    public int refreshTokenReuses() {
        return grants.reuses();
    }

    /** The next {@code times} refresh answers carry no refresh token (the presented one stays valid). */
    public void omitRefreshTokens(int times) {
        grants.omitRefreshTokens(times);
    }

    /** Makes the account's access tokens expire while its refresh tokens stay valid. */
    public void expireAccessTokensOf(String storeId) {
        grants.expireAccessTokens(stores -> stores.stream().anyMatch(store -> store.id().equals(storeId)));
    }

    /** Revokes the tokens of the Evotor account that owns this store. */
    public void revokeAccountOf(String storeId) {
        grants.revoke(stores -> stores.stream().anyMatch(store -> store.id().equals(storeId)));
    }

    private static SimulatedAnswer oauthError(int status, String error, String description) {
        return SimulatedAnswer.json(status, Json.createObjectBuilder()
                .add("error", error).add("error_description", description).build());
    }

    private String token() {
        return grants.token();
    }
}
