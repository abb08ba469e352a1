package ru.storelink.connections.control;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;

/**
 * Storing one service's connections: at most one row per account, tokens sealed with the account bound
 * in. Subclasses add what is particular to the service (the store, the VK profile) and say what a card
 * shows of it.
 */
public abstract class ConnectionStore<T extends ProviderConnection> {

    private static final Logger LOG = Logger.getLogger(ConnectionStore.class.getName());

    @PersistenceContext
    protected EntityManager em;

    @Inject
    protected TokenCipher cipher;

    private final ServiceType service;
    private final Class<T> type;
    private final String ofAccount;
    private final String deleteOfAccount;
    private final String table;

    /** A connection with the line its card shows about it. */
    public record Described(ProviderConnection connection, String details) {
    }

    protected ConnectionStore(ServiceType service, Class<T> type, String ofAccount, String deleteOfAccount) {
        this.service = service;
        this.type = type;
        this.ofAccount = ofAccount;
        this.deleteOfAccount = deleteOfAccount;
        // Read once: the health checker asks for it in every claim and write.
        this.table = type.getAnnotation(Table.class).name();
    }

    public Optional<T> of(long accountId) {
        return em.createNamedQuery(ofAccount, type).setParameter("accountId", accountId).getResultStream().findFirst();
    }

    /** The account's connection with its card's details line. */
    public Optional<Described> described(long accountId) {
        return of(accountId).map(connection -> new Described(connection, details(connection)));
    }

    /** What the card says the connection is connected to: the store, the profile. */
    protected abstract String details(T connection);

    /** The service's connection table, which the health checker claims rows of. */
    public String table() {
        return table;
    }

    /**
     * A column of {@link #table()} that the service's probe needs besides the tokens (VK: the device id), read
     * with the claim; null when it needs none.
     */
    public String checkDetailColumn() {
        return null;
    }

    /**
     * Creates the account's connection or, when reconnecting, updates the same row, with the row locked;
     * the caller's transaction covers it. The unique constraint on account_id decides a race between two
     * callbacks: the loser fails with a PersistenceException and nothing of it is stored.
     */
    protected T store(long accountId, Grant grant, Function<Long, T> create, Consumer<T> details) {
        T connection = em.createNamedQuery(ofAccount, type)
                .setParameter("accountId", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> create.apply(accountId));
        connection.authorized(
                cipher.seal(grant.accessToken(), context("access_token", accountId)),
                grant.refreshToken() == null ? null : cipher.seal(grant.refreshToken(), context("refresh_token", accountId)),
                grant.expiresAt());
        details.accept(connection);
        if (connection.getId() == null) {
            em.persist(connection);
        }
        em.flush();
        LOG.info(() -> service + " connection " + connection.getId() + " of account " + accountId + " saved");
        return connection;
    }

    /** The connection's check history goes with it (foreign key with cascade). @return whether there was one */
    @Transactional
    public boolean delete(long accountId) {
        int deleted = em.createNamedQuery(deleteOfAccount).setParameter("accountId", accountId).executeUpdate();
        if (deleted > 0) {
            LOG.info(() -> service + " connection of account " + accountId + " deleted");
        }
        return deleted > 0;
    }

    public String accessToken(T connection) {
        return cipher.open(connection.getSealedAccessToken(), context("access_token", connection.getAccountId()));
    }

    private String context(String column, long accountId) {
        return tokenContext(service, column, accountId);
    }

    /** Associated data of a sealed token: which service, which column ("access_token", "refresh_token"), whose. */
    public static String tokenContext(ServiceType service, String column, long accountId) {
        return service.key() + "." + column + "/account:" + accountId;
    }
}
