package ru.storelink.notifications.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.database.DatabaseTime;
import ru.storelink.database.LocalTransaction;
import ru.storelink.notifications.entity.Channel;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.texts.Message;

/**
 * The outbox's rows between their insertion ({@link Outbox}) and their end: claimed with a lease in short
 * transactions ({@code FOR UPDATE SKIP LOCKED}, so senders on several instances never take the same row),
 * and finished only while the lease is still the claimer's. Times are the database's. On the background
 * pool in plain JDBC, like the health checker's claims: the senders' poll every two seconds never waits
 * for a page's connection.
 */
@ApplicationScoped
public class OutboxRows {

    /** Rows of one owner claimed together: they go out in one e-mail. */
    public record Claimed(long accountId, List<Pending> rows, OffsetDateTime now) {
    }

    @Resource(lookup = DatabaseMigration.BACKGROUND_DATA_SOURCE)
    DataSource backgroundPool;

    /**
     * Claims the rows of up to {@code accounts} owners whose oldest due e-mail row has waited {@code digest}
     * or who have a due webhook row: each owner's due rows, all of them, so that what happened meanwhile
     * goes out together.
     */
    public List<Claimed> claim(int accounts, Duration digest, Duration lease, String owner) {
        return inTransaction(db -> {
            OffsetDateTime now = DatabaseTime.now(db);
            Set<Long> owners = new LinkedHashSet<>();
            try (PreparedStatement ripe = db.prepareStatement("SELECT account_id FROM notification"
                    + " WHERE status = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " AND (channel = 'WEBHOOK' OR due_at <= ?)"
                    + " ORDER BY due_at FETCH FIRST " + (accounts * 4) + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                ripe.setObject(1, now);
                ripe.setObject(2, now);
                ripe.setObject(3, now.minus(digest));
                try (ResultSet rows = ripe.executeQuery()) {
                    while (rows.next() && owners.size() < accounts) {
                        owners.add(rows.getLong(1));
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            for (long accountId : owners) {
                List<Pending> rows = dueOf(db, accountId, now, digest);
                if (!rows.isEmpty()) {
                    update(db, "UPDATE notification SET lease_owner = ?, lease_until = ? WHERE id IN", ids(rows), owner, now.plus(lease));
                    claimed.add(new Claimed(accountId, rows, now));
                }
            }
            return claimed;
        });
    }

    /** The owner's due rows; their e-mail rows only when one of them has waited the digest's time. */
    private static List<Pending> dueOf(Connection db, long accountId, OffsetDateTime now, Duration digest) throws SQLException {
        List<Pending> rows = new ArrayList<>();
        List<Pending> emails = new ArrayList<>();
        boolean emailsRipe = false;
        try (PreparedStatement select = db.prepareStatement("SELECT id, channel, kind, service, connection_id, from_state, to_state,"
                + " reason, occurred_at, attempts, due_at FROM notification"
                + " WHERE account_id = ? AND status = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY occurred_at, id FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, accountId);
            select.setObject(2, now);
            select.setObject(3, now);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String from = row.getString(6);
                    Pending pending = new Pending(row.getLong(1), accountId, Channel.valueOf(row.getString(2)),
                            EventKind.valueOf(row.getString(3)), row.getString(4), row.getLong(5),
                            from == null ? null : ConnectionStatus.valueOf(from), ConnectionStatus.valueOf(row.getString(7)),
                            Message.decoded(row.getString(8)).orElse(null), DatabaseTime.of(row.getObject(9)), row.getInt(10));
                    if (pending.channel() == Channel.EMAIL) {
                        emails.add(pending);
                        emailsRipe |= !DatabaseTime.of(row.getObject(11)).isAfter(now.minus(digest));
                    } else {
                        rows.add(pending);
                    }
                }
            }
        }
        // An owner's webhook row is due at once; their e-mail rows wait for the digest's company.
        if (emailsRipe) {
            rows.addAll(emails);
        }
        return rows;
    }

    /** Delivered. @return how many were still ours (fewer: the lease expired and another sender has them) */
    public int sent(List<Long> ids, String owner) {
        return inTransaction(db -> finish(db, ids, owner, "SENT", null));
    }

    /** No longer worth telling, and why (for the log and an admin reading the table). */
    public int dropped(Map<Long, String> why, String owner) {
        Map<String, List<Long>> byReason = new LinkedHashMap<>();
        why.forEach((id, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(id));
        return inTransaction(db -> {
            int finished = 0;
            for (Map.Entry<String, List<Long>> reason : byReason.entrySet()) {
                finished += finish(db, reason.getValue(), owner, "DROPPED", reason.getKey());
            }
            return finished;
        });
    }

    private static int finish(Connection db, List<Long> ids, String owner, String status, String outcome) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        return update(db, "UPDATE notification SET status = ?, outcome = ?, finished_at = CURRENT_TIMESTAMP,"
                + " lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'PENDING' AND id IN", ids,
                status, shortened(outcome), owner);
    }

    /** Delivery failed: tried again after the back-off, the error kept for the log and the table. */
    public void failed(List<Pending> rows, String owner, String error, Duration firstRetry) {
        inTransaction(db -> {
            OffsetDateTime now = DatabaseTime.now(db);
            try (PreparedStatement update = db.prepareStatement("UPDATE notification SET attempts = attempts + 1, outcome = ?,"
                    + " lease_owner = NULL, lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'PENDING'")) {
                for (Pending row : rows) {
                    update.setString(1, shortened(error));
                    update.setObject(2, now.plus(NotificationRules.retryAfter(row.attempts() + 1, firstRetry)));
                    update.setLong(3, row.id());
                    update.setString(4, owner);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** Not now (quiet hours, the provider's outage): due again at {@code until}, without counting as an attempt. */
    public void postponed(List<Long> ids, String owner, OffsetDateTime until) {
        if (ids.isEmpty()) {
            return;
        }
        inTransaction(db -> update(db, "UPDATE notification SET due_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE lease_owner = ? AND status = 'PENDING' AND id IN", ids, until, owner));
    }

    /**
     * Whether the owner was told by {@code channel} that the connection broke, between the break's start and
     * {@code before}: a recovery is told only after a break was.
     */
    public boolean breakTold(Channel channel, String service, long connectionId, OffsetDateTime since, OffsetDateTime before) {
        return inTransaction(db -> {
            try (PreparedStatement select = db.prepareStatement("SELECT 1 FROM notification WHERE service = ? AND connection_id = ?"
                    + " AND channel = ? AND kind IN ('BROKEN', 'UNAVAILABLE') AND status = 'SENT' AND occurred_at >= ? AND occurred_at < ?")) {
                select.setString(1, service);
                select.setLong(2, connectionId);
                select.setString(3, channel.name());
                select.setObject(4, since);
                select.setObject(5, before);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Finished rows older than {@code age} go: the outbox is not an archive. @return how many */
    public int purge(Duration age) {
        return inTransaction(db -> {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM notification WHERE status <> 'PENDING' AND finished_at < ?")) {
                delete.setObject(1, DatabaseTime.now(db).minus(age));
                return delete.executeUpdate();
            }
        });
    }

    static List<Long> ids(List<Pending> rows) {
        return rows.stream().map(Pending::id).toList();
    }

    /** {@code sql} ends with "id IN": the ids' placeholders follow the leading parameters. */
    private static int update(Connection db, String sql, List<Long> ids, Object... leading) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(sql + " (" + String.join(", ", ids.stream().map(id -> "?").toList()) + ")")) {
            int index = 1;
            for (Object parameter : leading) {
                if (parameter == null) {
                    update.setNull(index++, Types.VARCHAR); // the only nullable one: an outcome
                } else {
                    update.setObject(index++, parameter);
                }
            }
            for (long id : ids) {
                update.setLong(index++, id);
            }
            return update.executeUpdate();
        }
    }

    private <T> T inTransaction(LocalTransaction.Work<T> work) {
        try (Connection db = backgroundPool.getConnection()) {
            return LocalTransaction.run(db, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox could not be read or written", e);
        }
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
