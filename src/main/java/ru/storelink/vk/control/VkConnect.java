package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import ru.storelink.connections.control.ConnectFlow;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.SavingConnections;
import ru.storelink.texts.Message;
import ru.storelink.vk.control.VkIdOAuth.VkGrant;
import ru.storelink.vk.control.VkMessages.User;

/**
 * Finishes connecting VK after a verified callback: exchanges the code with the PKCE verifier and the
 * callback's device_id, reads the profile, and only then stores the connection.
 */
@ApplicationScoped
public class VkConnect implements ConnectFlow {

    @Inject
    VkIdOAuth oauth;

    @Inject
    VkConnections connections;

    @Override
    public URI authorizationUri(Pending pending) {
        return oauth.authorizationUri(pending);
    }

    @Override
    public Message complete(long accountId, Verified callback) throws ProviderException {
        String deviceId = callback.parameter("device_id")
                .orElseThrow(() -> new ProviderException(Reason.MALFORMED, "VK callback without device_id"));
        VkGrant grant = oauth.exchange(callback.pending(), callback.code(), deviceId);
        User user = oauth.profile(grant.grant().accessToken());
        if (user.id() != grant.userId()) {
            throw new ProviderException(Reason.MALFORMED, "VK users.get answered another user than the token's");
        }
        SavingConnections.retryingOnce(() -> connections.save(accountId, grant.grant(), user, deviceId));
        return Message.of("vk.connected", user.firstName() + " " + user.lastName());
    }
}
