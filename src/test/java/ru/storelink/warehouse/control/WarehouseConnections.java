package ru.storelink.warehouse.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Transactional;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.warehouse.entity.WarehouseConnection;

/** Storing an account's warehouse connection. */
// Only its own type, as the other stores: the abstract ConnectionStore cannot be proxied.
@Typed(WarehouseConnections.class)
@ApplicationScoped
public class WarehouseConnections extends ConnectionStore<WarehouseConnection> {

    public WarehouseConnections() {
        super(WarehouseService.TYPE, WarehouseConnection.class, WarehouseConnection.OF_ACCOUNT, WarehouseConnection.DELETE_OF_ACCOUNT);
    }

    @Transactional
    public WarehouseConnection save(long accountId, Grant grant, String warehouseName) {
        return store(accountId, grant, WarehouseConnection::new, connection -> connection.name(warehouseName));
    }

    @Override
    protected String details(WarehouseConnection connection) {
        return "Склад «" + connection.getWarehouseName() + "»";
    }
}
