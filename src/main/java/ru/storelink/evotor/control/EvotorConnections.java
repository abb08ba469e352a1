package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.entity.EvotorConnection;

/** Storing an account's Evotor connection: one row per account, tokens sealed. */
@ApplicationScoped
public class EvotorConnections {

    private static final Logger LOG = Logger.getLogger(EvotorConnections.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenCipher cipher;

    public Optional<EvotorConnection> of(long accountId) {
        return em.createNamedQuery(EvotorConnection.OF_ACCOUNT, EvotorConnection.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Creates the account's connection or, when reconnecting, updates the same row. The unique constraint
     * on account_id decides a race between two callbacks; the loser fails with a PersistenceException and
     * nothing of it is stored.
     */
    @Transactional
    public EvotorConnection save(long accountId, Grant grant, Store store) {
        EvotorConnection connection = em.createNamedQuery(EvotorConnection.OF_ACCOUNT, EvotorConnection.class)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> new EvotorConnection(accountId));
        connection.authorized(
                cipher.seal(grant.accessToken(), accessContext(accountId)),
                grant.refreshToken() == null ? null : cipher.seal(grant.refreshToken(), refreshContext(accountId)),
                grant.expiresAt());
        connection.useStore(store.id(), store.name());
        if (connection.getId() == null) {
            em.persist(connection);
        }
        em.flush();
        LOG.info(() -> "Evotor connection " + connection.getId() + " of account " + accountId + " saved");
        return connection;
    }

    /** @return whether there was a connection to delete */
    @Transactional
    public boolean delete(long accountId) {
        int deleted = em.createNamedQuery(EvotorConnection.DELETE_OF_ACCOUNT)
                .setParameter("accountId", accountId)
                .executeUpdate();
        if (deleted > 0) {
            LOG.info(() -> "Evotor connection of account " + accountId + " deleted");
        }
        return deleted > 0;
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

    public String accessToken(EvotorConnection connection) {
        return cipher.open(connection.getSealedAccessToken(), accessContext(connection.getAccountId()));
    }

    static String accessContext(long accountId) {
        return "evotor.access_token/account:" + accountId;
    }

    static String refreshContext(long accountId) {
        return "evotor.refresh_token/account:" + accountId;
    }
}
