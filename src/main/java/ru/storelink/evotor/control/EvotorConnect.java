package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import ru.storelink.connections.control.ConnectFlow;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.SavingConnections;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.entity.EvotorConnection;
import ru.storelink.texts.Message;

/**
 * Finishes connecting Evotor after a verified callback: exchanges the code, reads the stores, and only
 * when all of that worked stores the connection (the store chosen earlier if it still exists, else the
 * first one).
 */
@ApplicationScoped
public class EvotorConnect implements ConnectFlow {

    @Inject
    EvotorOAuth oauth;

    @Inject
    EvotorConnections connections;

    @Override
    public URI authorizationUri(Pending pending) {
        return oauth.authorizationUri(pending);
    }

    @Override
    public Message complete(long accountId, Verified callback) throws ProviderException {
        Grant grant = oauth.exchange(callback.code());
        List<Store> stores = oauth.stores(grant.accessToken());
        if (stores.isEmpty()) {
            throw new ProviderException(Reason.NOTHING_TO_CONNECT, "Evotor account has no store", Message.of("evotor.no-store"));
        }
        String previousStore = connections.of(accountId).map(EvotorConnection::getStoreId).orElse(null);
        Store store = stores.stream().filter(s -> s.id().equals(previousStore)).findFirst().orElse(stores.get(0));
        SavingConnections.retryingOnce(() -> connections.save(accountId, grant, store));
        return Message.of("evotor.connected", store.name());
    }
}
