package ru.storelink.warehouse.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import ru.storelink.connections.control.ConnectFlow;
import ru.storelink.connections.control.OAuthCallbacks.Verified;
import ru.storelink.connections.control.PendingAuthorizations.Pending;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.SavingConnections;
import ru.storelink.texts.Message;
import ru.storelink.warehouse.control.WarehouseApi.Granted;

/** Connecting a warehouse: exchange the code, then store the connection with the warehouse's name. */
@ApplicationScoped
public class WarehouseConnect implements ConnectFlow {

    @Inject
    WarehouseApi api;

    @Inject
    WarehouseConnections connections;

    @Override
    public URI authorizationUri(Pending pending) {
        return api.authorizationUri(pending);
    }

    @Override
    public Message complete(long accountId, Verified callback) throws ProviderException {
        Granted granted = api.exchange(callback.code());
        SavingConnections.retryingOnce(() -> connections.save(accountId, granted.grant(), granted.warehouseName()));
        return Message.of("warehouse.connected", granted.warehouseName());
    }
}
