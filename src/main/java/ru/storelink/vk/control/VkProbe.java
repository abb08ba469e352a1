package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.ProviderResponses.Answer;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.ClaimedCheck;
import ru.storelink.healthcheck.control.Credentials;
import ru.storelink.healthcheck.control.Credentials.TokenEndpoint;
import ru.storelink.healthcheck.control.Probe;
import ru.storelink.vk.control.VkMessages.UsersGet;

/**
 * VK's health check: {@code users.get} with {@code v=5.199}, reading VK's error envelope (errors arrive
 * with HTTP 200). VK ID access tokens live an hour, so the token is refreshed shortly before it expires,
 * or once on error 5 — through {@link Credentials}, which stores the rotated grant at once.
 */
@ApplicationScoped
public class VkProbe implements Probe {

    /** Refresh when the access token has less than this left. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    @Inject
    VkIdOAuth oauth;

    @Override
    public ServiceType service() {
        return VkService.TYPE;
    }

    @Override
    public ProbeResult probe(ClaimedCheck check, Credentials credentials) {
        TokenEndpoint tokenEndpoint = refreshToken -> oauth.refresh(refreshToken, check.deviceId()).grant();
        boolean expiresSoon = check.tokenExpiresAt() != null
                && check.tokenExpiresAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC).plus(REFRESH_AHEAD));
        try {
            return credentials.callRenewingOnce(expiresSoon, this::usersGet, tokenEndpoint);
        } catch (ProviderException e) {
            return ProbeResult.failed(VkService.TYPE, e);
        }
    }

    private ProbeResult usersGet(String accessToken) throws ProviderException {
        Answer answer = oauth.usersGet(accessToken);
        if (!answer.ok()) {
            throw answer.unexpected();
        }
        UsersGet users = answer.json(UsersGet.class);
        if (users.error() != null) {
            return VkOutcomes.ofError(users.error().code() == null ? -1 : users.error().code());
        }
        if (users.response() == null || users.response().isEmpty()) {
            throw new ProviderException(Reason.MALFORMED, "VK users.get answered no user");
        }
        return ProbeResult.of(CheckOutcome.WORKS, null);
    }
}
