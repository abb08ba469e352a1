package ru.storelink.vk.control;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.storelink.demo.control.SimulatedAnswer;
import ru.storelink.demo.control.SimulatedGrants;

/**
 * VK ID and the VK API as docs/providers.md describes them: authorization code with PKCE (S256) and
 * device_id, refresh with rotation and reuse detection ({@link SimulatedGrants}), and {@code users.get} whose errors arrive inside HTTP 200. Used by
 * the demo mode and, wrapped in a loopback HTTP server with fault injection, by the tests.
 */
public class SimulatedVk {

    /** The VK user who consents. */
    public record Profile(long id, String firstName, String lastName) {
    }

    private record Authorization(Profile profile, String challenge, String deviceId, String redirectUri, long issuedAt) {
    }

    /** Whose a grant is: VK ID binds refresh tokens to the device of the authorization. */
    private record Session(Profile profile, String deviceId) {
    }

    /** Authorization codes live 10 minutes ({@code expires_in=600} on the redirect). */
    static final long CODE_SECONDS = 600;

    private final String clientId;
    private final String redirectUri;
    private final Map<String, Authorization> codes;
    private final SimulatedGrants<Session> grants;
    private final Map<Long, Integer> refreshes = new ConcurrentHashMap<>();
    private volatile Profile nextProfile = new Profile(743784474L, "Персик", "Рыжий");
    private volatile long accessTokenSeconds = 3600;

    public SimulatedVk(String clientId, String redirectUri) {
        this(clientId, redirectUri, SimulatedGrants.DEMO_CAPACITY);
    }

    public SimulatedVk(String clientId, String redirectUri, int capacity) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.codes = SimulatedGrants.bounded(capacity);
        this.grants = new SimulatedGrants<>(capacity);
    }

    /** The VK user who consents next. */
    public void nextProfileIs(Profile profile) {
        this.nextProfile = profile;
    }

    public boolean knowsClient(String clientId, String redirectUri) {
        return this.clientId.equals(clientId) && this.redirectUri.equals(redirectUri);
    }

    /**
     * The owner allowed access; {@code codeChallenge} is the S256 PKCE challenge from the authorize request.
     * A consent posted without it gets no code (a code without a challenge could never be redeemed).
     */
    public URI approve(String state, String codeChallenge) {
        if (codeChallenge == null || codeChallenge.isBlank()) {
            return URI.create(redirectUri + "?error=invalid_request&error_description=code_challenge+missing&state="
                    + SimulatedGrants.encode(state));
        }
        String code = token();
        String deviceId = token();
        synchronized (codes) {
            codes.put(code, new Authorization(nextProfile, codeChallenge, deviceId, redirectUri, System.nanoTime()));
        }
        return URI.create(redirectUri + "?code=" + code + "&state=" + SimulatedGrants.encode(state)
                + "&device_id=" + deviceId + "&type=code_v2&expires_in=600");
    }

    public URI deny(String state) {
        return URI.create(redirectUri + "?error=access_denied&error_description=User+denied&state=" + SimulatedGrants.encode(state));
    }

    /** {@code POST /oauth2/auth}, form-encoded. */
    public SimulatedAnswer token(Map<String, String> form) {
        String state = form.getOrDefault("state", "");
        if (!clientId.equals(form.get("client_id"))) {
            return error(401, "invalid_client", state);
        }
        String deviceId = form.get("device_id");
        SimulatedGrants.Issued<Session> issued;
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                Authorization granted;
                synchronized (codes) {
                    granted = codes.remove(String.valueOf(form.get("code")));
                }
                if (granted == null
                        || System.nanoTime() - granted.issuedAt() > CODE_SECONDS * 1_000_000_000L
                        || !granted.redirectUri().equals(form.get("redirect_uri"))
                        || !granted.deviceId().equals(deviceId)
                        || !granted.challenge().equals(challenge(form.get("code_verifier")))) {
                    return error(400, "invalid_grant", state);
                }
                issued = grants.issue(new Session(granted.profile(), deviceId));
            }
            case "refresh_token" -> {
                issued = grants.refresh(String.valueOf(form.get("refresh_token")));
                if (issued == null) {
                    return error(400, "invalid_grant", state);
                }
                if (!issued.subject().deviceId().equals(deviceId)) {
                    return error(400, "invalid_grant", state);
                }
                refreshes.merge(issued.subject().profile().id(), 1, Integer::sum);
            }
            default -> {
                return error(400, "unsupported_grant_type", state);
            }
        }
        Profile profile = issued.subject().profile();
        String access = issued.accessToken();
        String refresh = issued.refreshToken();
        var answer = Json.createObjectBuilder().add("access_token", access);
        if (refresh != null) {
            answer.add("refresh_token", refresh);
        }
        return SimulatedAnswer.json(200, answer
                .add("id_token", token())
                .add("token_type", "Bearer")
                .add("expires_in", accessTokenSeconds)
                .add("user_id", profile.id())
                .add("state", state)
                .add("scope", "vkid.personal_info market groups")
                .build());
    }

    /** {@code GET /method/users.get}: the token's own user, or VK's error envelope, always HTTP 200. */
    public SimulatedAnswer usersGet(String authorization, String version) {
        if (version == null || version.isBlank()) {
            return apiError(8, "Invalid request: v (version) is required");
        }
        Session session = authorization != null && authorization.startsWith("Bearer ")
                ? grants.subjectOf(authorization.substring("Bearer ".length()))
                : null;
        if (session == null) {
            return apiError(5, "User authorization failed: invalid access_token (4).");
        }
        return SimulatedAnswer.json(200, Json.createObjectBuilder()
                .add("response", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", session.profile().id())
                        .add("first_name", session.profile().firstName())
                        .add("last_name", session.profile().lastName())
                        .add("can_access_closed", true)
                        .add("is_closed", false)))
                .build());
    }


    /** How many refreshes all tokens have had. */
    public int refreshes() {
        return refreshes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many refreshes this VK user's tokens have had. */
    public int refreshesOf(long userId) {
        return refreshes.getOrDefault(userId, 0);
    }

    /** Whose an access token is; null when it is unknown or revoked. */
    public Long userOf(String accessToken) {
        Session session = grants.subjectOf(accessToken);
        return session == null ? null : session.profile().id();
    }

    /** Accepts an access token issued elsewhere (seeded data of benchmarks and tests). */
    public void acceptToken(String accessToken, Profile profile) {
        grants.accept(accessToken, null, new Session(profile, ""));
    }

    /** Accepts a grant issued elsewhere, refresh token and device included (seeded data). */
    public void acceptGrant(String accessToken, String refreshToken, String deviceId, Profile profile) {
        grants.accept(accessToken, refreshToken, new Session(profile, deviceId));
    }

    /** How many times a retired refresh token was presented again (each revoked its grant). */
    public int refreshTokenReuses() {
        return grants.reuses();
    }

    /** The last reuses (at most 100), oldest first. */
    public List<SimulatedGrants.Reuse> lastRefreshTokenReuses() {
        return grants.lastReuses();
    }

    /** The next {@code times} refresh answers carry no refresh token (the presented one stays valid). */
    public void omitRefreshTokens(int times) {
        grants.omitRefreshTokens(times);
    }

    /** Lifetime of the access tokens issued from now on (VK ID: one hour). */
    public void accessTokensLive(long seconds) {
        this.accessTokenSeconds = seconds;
    }

    /** Revokes the tokens of one VK user. */
    public void revokeUser(long userId) {
        grants.revoke(session -> session.profile().id() == userId);
    }

    public static SimulatedAnswer apiError(int code, String message) {
        return SimulatedAnswer.json(200, Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("error_code", code)
                        .add("error_msg", message)
                        .add("request_params", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("key", "v").add("value", "5.199"))))
                .build());
    }

    private static SimulatedAnswer error(int status, String error, String state) {
        return SimulatedAnswer.json(status, Json.createObjectBuilder()
                .add("error", error).add("error_description", error).add("state", state).build());
    }

    private static String challenge(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        return grants.token();
    }
}
