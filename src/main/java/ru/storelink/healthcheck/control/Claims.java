package ru.storelink.healthcheck.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import ru.storelink.connections.control.ConnectionStore.CheckInput;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.database.DatabaseTime;
import ru.storelink.database.LocalTransaction;

/**
 * The database side of health checks, safe with several application instances on one database:
 * connections are claimed in a short transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED} and a
 * lease in database time, and checked outside any transaction; {@link CheckResults} writes their results
 * only while the lease is still ours. A connection deleted or reconnected meanwhile (a new authorization
 * clears the lease) is therefore never resurrected or overwritten. Claims run on the checker's own pool,
 * like its results: a page storm that takes every connection of the application's pool does not stop the
 * checks.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class.getName());

    @Resource(lookup = DatabaseMigration.BACKGROUND_DATA_SOURCE)
    DataSource backgroundPool;

    @Inject
    Services services;

    /** The claim's columns: what a check needs of the health row. */
    private static final String SELECT = "SELECT connection_id, state, consecutive_failures, history_next FROM connection_health";

    /**
     * Claims up to {@code limit} due connections (their interval began at least {@code interval} ago), the
     * longest due first, walking the schedule's index in order.
     */
    public List<ClaimedCheck> claimDue(ServiceType service, int limit, Duration interval, Duration lease) {
        return inTransaction(db -> {
            OffsetDateTime now = DatabaseTime.now(db);
            List<Object[]> rows = rows(db, SELECT
                    + " WHERE service = ? AND scheduled_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY scheduled_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                    service.key(), now.minus(interval), now);
            return lease(db, service, rows, now.plus(lease));
        });
    }

    /** Claims the account's connection for a check now, unless another check holds it. */
    public Optional<ClaimedCheck> claimOf(ServiceType service, long accountId, Duration lease) {
        Optional<Long> id = services.of(service).store().of(accountId).map(ProviderConnection::getId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return inTransaction(db -> {
            OffsetDateTime now = DatabaseTime.now(db);
            List<Object[]> rows = rows(db, SELECT
                    + " WHERE service = ? AND connection_id = ? AND (lease_until IS NULL OR lease_until < ?) FOR UPDATE SKIP LOCKED",
                    service.key(), id.get(), now);
            return lease(db, service, rows, now.plus(lease)).stream().findFirst();
        });
    }

    /** What is due now, for operators: how many connections, and how long the longest due has waited. */
    public record Backlog(long due, Duration lag) {
    }

    /** Reads the schedule's index only: the due part of it, and its first entry. */
    public Backlog backlog(ServiceType service, Duration interval) {
        return inTransaction(db -> {
            OffsetDateTime dueBefore = DatabaseTime.now(db).minus(interval);
            long due = ((Number) rows(db, "SELECT COUNT(*) FROM connection_health WHERE service = ? AND scheduled_at <= ?",
                    service.key(), dueBefore).get(0)[0]).longValue();
            OffsetDateTime oldest = DatabaseTime.of(rows(db, "SELECT MIN(scheduled_at) FROM connection_health WHERE service = ?",
                    service.key()).get(0)[0]);
            Duration lag = oldest == null || oldest.isAfter(dueBefore) ? Duration.ZERO : Duration.between(oldest, dueBefore);
            return new Backlog(due, lag);
        });
    }

    /** Leases the claimed health rows and reads what their checks need from the connections. */
    private List<ClaimedCheck> lease(Connection db, ServiceType service, List<Object[]> rows, OffsetDateTime leaseUntil)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        String owner = LeaseOwner.next();
        Map<Long, Object[]> health = new LinkedHashMap<>();
        for (Object[] row : rows) {
            health.put(((Number) row[0]).longValue(), row);
        }
        // The ids come from our own query: numbers only.
        String idList = health.keySet().stream().map(Object::toString).collect(Collectors.joining(","));
        try (PreparedStatement update = db.prepareStatement("UPDATE connection_health SET lease_owner = ?, lease_until = ?"
                + " WHERE service = ? AND connection_id IN (" + idList + ")")) {
            update.setString(1, owner);
            update.setObject(2, leaseUntil);
            update.setString(3, service.key());
            update.executeUpdate();
        }
        Map<Long, CheckInput> inputs = new HashMap<>();
        for (CheckInput input : services.of(service).store().checkInputs(db, health.keySet())) {
            inputs.put(input.id(), input);
        }
        List<ClaimedCheck> claimed = new ArrayList<>(rows.size());
        health.forEach((id, row) -> {
            CheckInput input = inputs.get(id);
            // Absent only while the connection is being deleted: the cascade takes the health row with it.
            if (input != null) {
                // One unreadable row fails alone: it is leased like the others (so it does not block the claim
                // loop) but not checked; the next lease expiry brings it back, with another log line.
                ClaimedCheck.of(service, input, row[1], row[2], row[3], owner).ifPresentOrElse(claimed::add,
                        () -> LOG.severe(() -> service + " connection " + id + " has a state Storelink does not know ("
                                + row[1] + "); it is not checked"));
            }
        });
        return claimed;
    }

    /** One short transaction on the checker's pool; a database failure ends the sweep (the next tick retries). */
    private <T> T inTransaction(LocalTransaction.Work<T> work) {
        try (Connection db = backgroundPool.getConnection()) {
            return LocalTransaction.run(db, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Health check claim failed: " + e.getMessage(), e);
        }
    }

    private static List<Object[]> rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
