package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.util.logging.Logger;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.ProviderResponses;
import ru.storelink.connections.control.ProviderResponses.Answer;
import ru.storelink.connections.control.ProviderSettings;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.vk.control.VkMessages.TokenAnswer;
import ru.storelink.vk.control.VkMessages.User;
import ru.storelink.vk.control.VkMessages.UsersGet;

/** VK ID (OAuth 2.1 with PKCE S256) and the profile lookup, as docs/providers.md describes them. */
@ApplicationScoped
public class VkIdOAuth {

    static final String SCOPE = "vkid.personal_info market groups";

    private static final Logger LOG = Logger.getLogger(VkIdOAuth.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    VkClients clients;

    /** A VK ID grant: tokens plus the VK user they belong to. */
    public record VkGrant(Grant grant, long userId) {
    }

    public URI authorizationUri(Pending pending) {
        ProviderSettings settings = clients.settings();
        return UriBuilder.fromUri(settings.authorizationUrl()).path("/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", settings.clientId())
                .queryParam("redirect_uri", settings.redirectUri())
                .queryParam("state", pending.state())
                .queryParam("code_challenge", pending.codeChallenge())
                .queryParam("code_challenge_method", "s256")
                .queryParam("scope", SCOPE)
                .build();
    }

    public VkGrant exchange(Pending pending, String code, String deviceId) throws ProviderException {
        ProviderSettings settings = clients.settings();
        return token("VK ID token exchange", pending.state(), new Form()
                .param("grant_type", "authorization_code")
                .param("code", code)
                .param("code_verifier", pending.codeVerifier())
                .param("client_id", settings.clientId())
                .param("device_id", deviceId)
                .param("redirect_uri", settings.redirectUri().toString())
                .param("state", pending.state()));
    }

    /** VK ID access tokens live an hour; the answer carries a new refresh token, which replaces the old one. */
    public VkGrant refresh(String refreshToken, String deviceId) throws ProviderException {
        String state = Long.toHexString(RANDOM.nextLong());
        return token("VK ID token refresh", state, new Form()
                .param("grant_type", "refresh_token")
                .param("refresh_token", refreshToken)
                .param("client_id", clients.settings().clientId())
                .param("device_id", deviceId)
                .param("state", state));
    }

    private VkGrant token(String what, String state, Form form) throws ProviderException {
        Answer answer = ProviderResponses.call(what, clients.settings().totalTimeout(), () -> clients.id().token(form));
        if (answer.providerFailing()) {
            throw answer.unexpected();
        }
        TokenAnswer token = answer.json(TokenAnswer.class);
        if (token.error() != null) {
            throw new ProviderException("invalid_grant".equals(token.error()) ? Reason.GRANT_REFUSED : Reason.ACCESS_REFUSED,
                    what + " answered " + answer.status() + " " + token.error());
        }
        if (!answer.ok()) {
            throw answer.unexpected();
        }
        if (token.accessToken() == null || token.accessToken().isBlank() || token.userId() == null) {
            throw new ProviderException(Reason.MALFORMED, what + " answered without access_token or user_id");
        }
        if (token.state() != null && !token.state().equals(state)) {
            throw new ProviderException(Reason.MALFORMED, what + " answered for another state");
        }
        return new VkGrant(Grant.of(token.accessToken(), token.refreshToken(), token.expiresIn()), token.userId());
    }

    /** {@code users.get} as it came: the health check's probe reads VK's error envelope itself. */
    public Answer usersGet(String accessToken) throws ProviderException {
        return ProviderResponses.call("VK users.get", clients.settings().totalTimeout(), () -> clients.api().usersGet("Bearer " + accessToken, VkApi.VERSION));
    }

    /** The token's own VK profile. */
    public User profile(String accessToken) throws ProviderException {
        Answer answer = usersGet(accessToken);
        if (!answer.ok()) {
            throw answer.unexpected();
        }
        UsersGet users = answer.json(UsersGet.class);
        if (users.error() != null) {
            int code = users.error().code() == null ? -1 : users.error().code();
            ProbeResult verdict = VkOutcomes.ofError(code);
            if (verdict.outcome() == CheckOutcome.OUR_MISCONFIGURATION) {
                LOG.severe("VK answered error 28 (application authorization failed): check vk.client-id and the VK app settings");
            }
            // Only a refusal of the owner's own credentials is the owner's problem; anything else is VK's or ours.
            throw new ProviderException(verdict.outcome() == CheckOutcome.CREDENTIALS_REJECTED ? Reason.ACCESS_REFUSED : Reason.UNAVAILABLE,
                    "VK users.get answered error " + code);
        }
        if (users.response() == null || users.response().size() != 1) {
            throw new ProviderException(Reason.MALFORMED, "VK users.get answered no single user");
        }
        User user = users.response().get(0);
        if (user.id() == null || user.firstName() == null || user.lastName() == null
                || user.firstName().length() > 500 || user.lastName().length() > 500) {
            throw new ProviderException(Reason.MALFORMED, "VK users.get answered an incomplete user");
        }
        return user;
    }
}
