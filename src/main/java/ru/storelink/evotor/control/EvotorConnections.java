package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.entity.EvotorConnection;
import ru.storelink.texts.Texts;

/** Storing an account's Evotor connection and the store it uses. */
// Only its own type: a client proxy restored from a replicated session is built for every bean type, and
// the abstract ConnectionStore (constructor with arguments) cannot be proxied.
@Typed(EvotorConnections.class)
@ApplicationScoped
public class EvotorConnections extends ConnectionStore<EvotorConnection> {

    public EvotorConnections() {
        super(EvotorService.TYPE, EvotorConnection.class, EvotorConnection.OF_ACCOUNT, EvotorConnection.DELETE_OF_ACCOUNT);
    }

    @Transactional
    public EvotorConnection save(long accountId, Grant grant, Store store) {
        return store(accountId, grant, EvotorConnection::new, connection -> connection.useStore(store.id(), store.name()));
    }

    @Override
    protected String details(EvotorConnection connection) {
        return Texts.render("evotor.details", connection.getStoreName());
    }

    /** Switches the connection to another of the account's stores. */
    @Transactional
    public boolean useStore(long accountId, Store store) {
        return em.createNamedQuery(EvotorConnection.OF_ACCOUNT, EvotorConnection.class)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(connection -> {
                    connection.useStore(store.id(), store.name());
                    return true;
                })
                .orElse(false);
    }
}
