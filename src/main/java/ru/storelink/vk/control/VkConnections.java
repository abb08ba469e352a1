package ru.storelink.vk.control;

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
import ru.storelink.vk.control.VkMessages.User;
import ru.storelink.vk.entity.VkConnection;

/** Storing an account's VK connection: one row per account, tokens sealed. */
@ApplicationScoped
public class VkConnections {

    private static final Logger LOG = Logger.getLogger(VkConnections.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenCipher cipher;

    public Optional<VkConnection> of(long accountId) {
        return em.createNamedQuery(VkConnection.OF_ACCOUNT, VkConnection.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    /** Creates the account's connection or, when reconnecting, updates the same row. */
    @Transactional
    public VkConnection save(long accountId, Grant grant, User user, String deviceId) {
        VkConnection connection = em.createNamedQuery(VkConnection.OF_ACCOUNT, VkConnection.class)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> new VkConnection(accountId));
        connection.authorized(
                cipher.seal(grant.accessToken(), accessContext(accountId)),
                grant.refreshToken() == null ? null : cipher.seal(grant.refreshToken(), refreshContext(accountId)),
                grant.expiresAt());
        connection.profile(user.id(), user.firstName(), user.lastName(), deviceId);
        if (connection.getId() == null) {
            em.persist(connection);
        }
        em.flush();
        LOG.info(() -> "VK connection " + connection.getId() + " of account " + accountId + " saved");
        return connection;
    }

    /** @return whether there was a connection to delete */
    @Transactional
    public boolean delete(long accountId) {
        int deleted = em.createNamedQuery(VkConnection.DELETE_OF_ACCOUNT)
                .setParameter("accountId", accountId)
                .executeUpdate();
        if (deleted > 0) {
            LOG.info(() -> "VK connection of account " + accountId + " deleted");
        }
        return deleted > 0;
    }

    static String accessContext(long accountId) {
        return "vk.access_token/account:" + accountId;
    }

    static String refreshContext(long accountId) {
        return "vk.refresh_token/account:" + accountId;
    }
}
