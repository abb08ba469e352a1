package ru.storelink.connections.control;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import ru.storelink.database.DatabaseTime;
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

    @Inject
    Event<ConnectionAuthorized> authorizations;

    private final ServiceType service;
    private final Class<T> type;
    private final String ofAccount;
    private final String deleteOfAccount;
    private final String table;
    private final String entityName;

    /**
     * What a health check of one connection needs from its row, read in the check's claim.
     *
     * @param detail the service's {@link #checkDetailColumn()} (VK: the device id), or null
     */
    public record CheckInput(long id, long accountId, String sealedAccessToken, String sealedRefreshToken,
            OffsetDateTime tokenExpiresAt, String detail) {
    }

    protected ConnectionStore(ServiceType service, Class<T> type, String ofAccount, String deleteOfAccount) {
        this.service = service;
        this.type = type;
        this.ofAccount = ofAccount;
        this.deleteOfAccount = deleteOfAccount;
        // Read once: the health checker asks for it in every claim and write.
        this.table = type.getAnnotation(Table.class).name();
        String named = type.getAnnotation(Entity.class).name();
        this.entityName = named.isEmpty() ? type.getSimpleName() : named;
    }

    public Optional<T> of(long accountId) {
        return em.createNamedQuery(ofAccount, type).setParameter("accountId", accountId).getResultStream().findFirst();
    }

    /** The line a card shows about a connection of this service (read with {@link #entityName()}'s queries). */
    public String describe(ProviderConnection connection) {
        return details(type.cast(connection));
    }

    /** What the card says the connection is connected to: the store, the profile. */
    protected abstract String details(T connection);

    /** The JPQL name of the service's entity, for readers that join it with their own (the health). */
    public String entityName() {
        return entityName;
    }

    /** The service's connection table (named by its entity: never from a request), for {@link Renewals}. */
    String table() {
        return table;
    }

    /**
     * A column of {@link #table()} that the service's probe needs besides the tokens (VK: the device id), read
     * with the claim ({@link #checkInputs}); null when it needs none.
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
        // In this transaction: the health checker starts the connection's state afresh, or nothing is stored.
        authorizations.fire(new ConnectionAuthorized(service, connection.getId(), accountId, connection.getConnectedAt()));
        LOG.info(() -> service + " connection " + connection.getId() + " of account " + accountId + " saved");
        return connection;
    }

    /** The rows of {@code ids} that still exist, as a check needs them, read in the health checker's claim. */
    public List<CheckInput> checkInputs(Connection db, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        // The ids are numbers from the health checker's own query, never from a request.
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        String detail = checkDetailColumn();
        List<CheckInput> inputs = new ArrayList<>(ids.size());
        try (Statement select = db.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, account_id, access_token, refresh_token, token_expires_at, "
                        + (detail == null ? "CAST(NULL AS VARCHAR(1))" : detail) + " FROM " + table + " WHERE id IN (" + idList + ")")) {
            while (rows.next()) {
                inputs.add(new CheckInput(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                        DatabaseTime.of(rows.getObject(5)), rows.getString(6)));
            }
        }
        return inputs;
    }

    /** A check's verdict for the owner's plan's two columns of one row. */
    public record CheckedRow(long id, boolean online) {
    }

    /**
     * Locks the rows of {@code ids} that still exist, in id order, in the transaction of the health checker's
     * own JDBC connection: it writes them before their health rows, in the order a new authorization or a
     * deletion takes the two, so they never deadlock.
     */
    public void lockForResults(Connection db, Collection<Long> ids) throws SQLException {
        // The ids are numbers from the health checker's own claim, never from a request.
        String idList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Statement lock = db.createStatement();
                ResultSet rows = lock.executeQuery("SELECT id FROM " + table + " WHERE id IN (" + idList + ") ORDER BY id FOR UPDATE")) {
            while (rows.next()) {
                // PostgreSQL locks each row as it is read.
            }
        }
    }

    /**
     * The owner's plan's two columns after checks, whether it works and when it was checked, as one JDBC
     * batch in the caller's transaction.
     *
     * @return the update count of each row: 0 for a connection that is gone
     */
    public int[] recordChecks(Connection db, List<CheckedRow> rows, OffsetDateTime checkedAt) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE " + table + " SET is_online = ?, last_checked_at = ?, version = version + 1 WHERE id = ?")) {
            for (CheckedRow row : rows) {
                update.setBoolean(1, row.online());
                update.setObject(2, checkedAt);
                update.setLong(3, row.id());
                update.addBatch();
            }
            return update.executeBatch();
        }
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
