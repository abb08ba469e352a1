package ru.storelink.demo.control;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VK ID and the VK API as providers.md describes them: authorization code with PKCE (S256) and
 * device_id, refresh with rotation, and {@code users.get} whose errors arrive inside HTTP 200. Used by
 * the demo mode and, wrapped in a loopback HTTP server with fault injection, by the tests.
 */
public class SimulatedVk {

    /** The VK user who consents. */
    public record Profile(long id, String firstName, String lastName) {
    }

    private record Authorization(Profile profile, String challenge, String deviceId, String redirectUri) {
    }

    private record Session(Profile profile, String deviceId) {
    }

    private final String clientId;
    private final String redirectUri;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final Map<String, Profile> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> refreshTokens = new ConcurrentHashMap<>();
    private final Map<Long, Integer> refreshes = new ConcurrentHashMap<>();
    private volatile Profile nextProfile = new Profile(743784474L, "Персик", "Рыжий");
    private volatile long accessTokenSeconds = 3600;

    public SimulatedVk(String clientId, String redirectUri) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The VK user who consents next. */
    public void nextProfileIs(Profile profile) {
        this.nextProfile = profile;
    }

    public boolean knowsClient(String clientId, String redirectUri) {
        return this.clientId.equals(clientId) && this.redirectUri.equals(redirectUri);
    }

    /** The owner allowed access; {@code codeChallenge} is the S256 PKCE challenge from the authorize request. */
    public URI approve(String state, String codeChallenge) {
        String code = token();
        String deviceId = token();
        codes.put(code, new Authorization(nextProfile, codeChallenge, deviceId, redirectUri));
        return URI.create(redirectUri + "?code=" + code + "&state=" + SimulatedEvotor.encode(state)
                + "&device_id=" + deviceId + "&type=code_v2&expires_in=600");
    }

    public URI deny(String state) {
        return URI.create(redirectUri + "?error=access_denied&error_description=User+denied&state=" + SimulatedEvotor.encode(state));
    }

    /** {@code POST /oauth2/auth}, form-encoded. */
    public SimulatedAnswer token(Map<String, String> form) {
        String state = form.getOrDefault("state", "");
        if (!clientId.equals(form.get("client_id"))) {
            return error(401, "invalid_client", state);
        }
        Profile profile;
        String deviceId = form.get("device_id");
        switch (String.valueOf(form.get("grant_type"))) {
            case "authorization_code" -> {
                Authorization granted = codes.remove(String.valueOf(form.get("code")));
                if (granted == null
                        || !granted.redirectUri().equals(form.get("redirect_uri"))
                        || !granted.deviceId().equals(deviceId)
                        || !granted.challenge().equals(challenge(form.get("code_verifier")))) {
                    return error(400, "invalid_grant", state);
                }
                profile = granted.profile();
            }
            case "refresh_token" -> {
                Session session = refreshTokens.remove(String.valueOf(form.get("refresh_token")));
                if (session == null || !session.deviceId().equals(deviceId)) {
                    return error(400, "invalid_grant", state);
                }
                profile = session.profile();
                refreshes.merge(profile.id(), 1, Integer::sum);
            }
            default -> {
                return error(400, "unsupported_grant_type", state);
            }
        }
        String access = token();
        String refresh = token();
        accessTokens.put(access, profile);
        refreshTokens.put(refresh, new Session(profile, deviceId));
        return SimulatedAnswer.json(200, Json.createObjectBuilder()
                .add("access_token", access)
                .add("refresh_token", refresh)
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
        Profile profile = authorization != null && authorization.startsWith("Bearer ")
                ? accessTokens.get(authorization.substring("Bearer ".length()))
                : null;
        if (profile == null) {
            return apiError(5, "User authorization failed: invalid access_token (4).");
        }
        return SimulatedAnswer.json(200, Json.createObjectBuilder()
                .add("response", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", profile.id())
                        .add("first_name", profile.firstName())
                        .add("last_name", profile.lastName())
                        .add("can_access_closed", true)
                        .add("is_closed", false)))
                .build());
    }


    /** How many refreshes this VK user's tokens have had. */
    public int refreshesOf(long userId) {
        return refreshes.getOrDefault(userId, 0);
    }

    /** Accepts an access token issued elsewhere (seeded data of benchmarks and tests). */
    public void acceptToken(String accessToken, Profile profile) {
        accessTokens.put(accessToken, profile);
    }

    /** Lifetime of the access tokens issued from now on (VK ID: one hour). */
    public void accessTokensLive(long seconds) {
        this.accessTokenSeconds = seconds;
    }

    /** Revokes the tokens of one VK user. */
    public void revokeUser(long userId) {
        accessTokens.values().removeIf(profile -> profile.id() == userId);
        refreshTokens.values().removeIf(session -> session.profile().id() == userId);
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
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
