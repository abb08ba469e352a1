package ru.storelink.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;
import ru.storelink.demo.control.SimulatedGrants;
import ru.storelink.vk.control.SimulatedVk;
import ru.storelink.vk.control.SimulatedVk.Profile;

/**
 * VK ID and the VK API on loopback: {@code GET /authorize} decides at once, {@code POST /oauth2/auth}
 * exchanges with PKCE, {@code GET /api/method/users.get} answers errors inside HTTP 200.
 */
public final class VkSimulator extends ProviderSimulator {

    public static final String AUTHORIZE = "GET /authorize";
    public static final String TOKEN = "POST /oauth2/auth";
    public static final String USERS_GET = "GET /api/method/users.get";

    private final SimulatedVk vk;
    private volatile boolean ownerRefuses;
    private volatile Integer nextApiError;
    private volatile Integer permanentApiError;

    public VkSimulator(int port, String clientId, String redirectUri) {
        super(port);
        vk = new SimulatedVk(clientId, redirectUri, CAPACITY);
    }

    public VkSimulator nextProfileIs(long id, String firstName, String lastName) {
        vk.nextProfileIs(new Profile(id, firstName, lastName));
        return this;
    }

    public void ownerRefusesNextTime() {
        ownerRefuses = true;
    }

    /** The next users.get answers VK's error envelope with this code (HTTP 200). */
    public void nextApiErrorIs(int errorCode) {
        nextApiError = errorCode;
    }

    public int refreshes() {
        return vk.refreshes();
    }

    public int refreshesOf(long userId) {
        return vk.refreshesOf(userId);
    }

    public void acceptToken(String accessToken, long userId) {
        vk.acceptToken(accessToken, new Profile(userId, "Имя", "Фамилия"));
    }

    /** A grant issued elsewhere (seeded connections), refreshable with {@code refreshToken} from {@code deviceId}. */
    public void acceptGrant(String accessToken, String refreshToken, String deviceId, long userId) {
        vk.acceptGrant(accessToken, refreshToken, deviceId, new Profile(userId, "Имя", "Фамилия"));
    }

    /** Whether a {@code users.get} of this VK user is being answered right now. */
    public boolean answeringUsersGetOf(long userId) {
        return tokensInFlight().stream().map(vk::userOf).anyMatch(id -> id != null && id == userId);
    }

    /** Retired refresh tokens presented again (each revoked its grant), since the start. */
    public int refreshTokenReuses() {
        return vk.refreshTokenReuses();
    }

    /** The last reuses (at most 100), oldest first: when, and when the presented token had been retired. */
    public List<SimulatedGrants.Reuse> lastRefreshTokenReuses() {
        return vk.lastRefreshTokenReuses();
    }

    /** The next {@code times} refresh answers omit {@code refresh_token}. */
    public void omitRefreshTokens(int times) {
        vk.omitRefreshTokens(times);
    }

    /** Lifetime of access tokens issued from now on. */
    public void accessTokensLive(long seconds) {
        vk.accessTokensLive(seconds);
    }

    /** This VK user revoked our access. */
    public void revokeUser(long userId) {
        vk.revokeUser(userId);
    }

    /** Every users.get answers VK's error envelope with this code until {@link #reset()}. */
    public void apiErrorAlways(int errorCode) {
        permanentApiError = errorCode;
    }

    @Override
    protected boolean isProbe(String endpoint) {
        return USERS_GET.equals(endpoint);
    }

    @Override
    public void reset() {
        super.reset();
        ownerRefuses = false;
        nextApiError = null;
        permanentApiError = null;
        vk.accessTokensLive(3600);
        vk.nextProfileIs(new Profile(743784474L, "Персик", "Рыжий"));
    }

    @Override
    protected Reply handle(String endpoint, HttpExchange exchange, Map<String, String> query, Map<String, String> form) {
        return switch (endpoint) {
            case AUTHORIZE -> {
                if (!vk.knowsClient(query.get("client_id"), query.get("redirect_uri"))
                        || !"s256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
                    yield Reply.status(400);
                }
                boolean refuse = ownerRefuses;
                ownerRefuses = false;
                yield Reply.redirect(refuse ? vk.deny(query.get("state")) : vk.approve(query.get("state"), query.get("code_challenge")));
            }
            case TOKEN -> Reply.of(vk.token(form));
            case USERS_GET -> {
                Integer error = nextApiError != null ? nextApiError : permanentApiError;
                nextApiError = null;
                yield error != null
                        ? Reply.of(SimulatedVk.apiError(error, "Simulated error " + error))
                        : Reply.of(vk.usersGet(exchange.getRequestHeaders().getFirst("Authorization"), query.get("v")));
            }
            default -> null;
        };
    }
}
