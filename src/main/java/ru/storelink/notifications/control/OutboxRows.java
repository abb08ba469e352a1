package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.database.DatabaseTime;
import ru.storelink.notifications.entity.Channel;
import ru.storelink.notifications.entity.EventKind;
import ru.storelink.texts.Message;

/**
 * The outbox's rows between their insertion ({@link Outbox}) and their end: claimed with a lease in short
 * transactions ({@code FOR UPDATE SKIP LOCKED}, so senders on several instances never take the same row),
 * and finished only while the lease is still the claimer's. Times are the database's.
 */
@ApplicationScoped
public class OutboxRows {

    /** Rows of one owner claimed together: they go out in one e-mail. */
    public record Claimed(long accountId, List<Pending> rows, OffsetDateTime now) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Claims the rows of up to {@code accounts} owners whose oldest due e-mail row has waited {@code digest}
     * or who have a due webhook row: each owner's due rows, all of them, so that what happened meanwhile
     * goes out together.
     */
    @Transactional
    public List<Claimed> claim(int accounts, Duration digest, Duration lease, String owner) {
        OffsetDateTime now = DatabaseTime.now(em);
        List<?> ripe = em.createNativeQuery("SELECT account_id FROM notification"
                        + " WHERE status = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " AND (channel = 'WEBHOOK' OR due_at <= ?)"
                        + " ORDER BY due_at FETCH FIRST " + (accounts * 4) + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .setParameter(2, now)
                .setParameter(3, now.minus(digest))
                .getResultList();
        Set<Long> owners = new LinkedHashSet<>();
        for (Object account : ripe) {
            if (owners.size() < accounts) {
                owners.add(((Number) account).longValue());
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        for (long accountId : owners) {
            List<Pending> rows = new ArrayList<>();
            List<Pending> emails = new ArrayList<>();
            boolean emailsRipe = false;
            for (Object found : em.createNativeQuery("SELECT id, channel, kind, service, connection_id, from_state, to_state,"
                            + " reason, occurred_at, attempts, due_at FROM notification"
                            + " WHERE account_id = ? AND status = 'PENDING' AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                            + " ORDER BY occurred_at, id FOR UPDATE SKIP LOCKED")
                    .setParameter(1, accountId)
                    .setParameter(2, now)
                    .setParameter(3, now)
                    .getResultList()) {
                Object[] row = (Object[]) found;
                Pending pending = new Pending(((Number) row[0]).longValue(), accountId, Channel.valueOf((String) row[1]),
                        EventKind.valueOf((String) row[2]), (String) row[3], ((Number) row[4]).longValue(),
                        row[5] == null ? null : ConnectionStatus.valueOf((String) row[5]), ConnectionStatus.valueOf((String) row[6]),
                        Message.decoded((String) row[7]).orElse(null), DatabaseTime.of(row[8]), ((Number) row[9]).intValue());
                if (pending.channel() == Channel.EMAIL) {
                    emails.add(pending);
                    emailsRipe |= !DatabaseTime.of(row[10]).isAfter(now.minus(digest));
                } else {
                    rows.add(pending);
                }
            }
            // An owner's webhook row is due at once; their e-mail rows wait for the digest's company.
            if (emailsRipe) {
                rows.addAll(emails);
            }
            if (!rows.isEmpty()) {
                setLease(ids(rows), owner, now.plus(lease));
                claimed.add(new Claimed(accountId, rows, now));
            }
        }
        return claimed;
    }

    private void setLease(List<Long> ids, String owner, OffsetDateTime until) {
        var update = em.createNativeQuery("UPDATE notification SET lease_owner = ?, lease_until = ? WHERE id IN (" + placeholders(ids) + ")")
                .setParameter(1, owner)
                .setParameter(2, until);
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(i + 3, ids.get(i));
        }
        update.executeUpdate();
    }

    /** Delivered. @return how many were still ours (fewer: the lease expired and another sender has them) */
    @Transactional
    public int sent(List<Long> ids, String owner) {
        return finish(ids, owner, "SENT", null);
    }

    /** No longer worth telling, and why (for the log and an admin reading the table). */
    @Transactional
    public int dropped(Map<Long, String> why, String owner) {
        int finished = 0;
        Map<String, List<Long>> byReason = new LinkedHashMap<>();
        why.forEach((id, reason) -> byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(id));
        for (Map.Entry<String, List<Long>> reason : byReason.entrySet()) {
            finished += finish(reason.getValue(), owner, "DROPPED", reason.getKey());
        }
        return finished;
    }

    private int finish(List<Long> ids, String owner, String status, String outcome) {
        if (ids.isEmpty()) {
            return 0;
        }
        var update = em.createNativeQuery("UPDATE notification SET status = ?, outcome = ?, finished_at = CURRENT_TIMESTAMP,"
                        + " lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND status = 'PENDING' AND id IN (" + placeholders(ids) + ")")
                .setParameter(1, status)
                .setParameter(2, shortened(outcome))
                .setParameter(3, owner);
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(i + 4, ids.get(i));
        }
        return update.executeUpdate();
    }

    /** Delivery failed: tried again after the back-off, the error kept for the log and the table. */
    @Transactional
    public void failed(List<Pending> rows, String owner, String error, Duration firstRetry) {
        OffsetDateTime now = DatabaseTime.now(em);
        for (Pending row : rows) {
            em.createNativeQuery("UPDATE notification SET attempts = attempts + 1, outcome = ?, lease_owner = NULL, lease_until = ?"
                            + " WHERE id = ? AND lease_owner = ? AND status = 'PENDING'")
                    .setParameter(1, shortened(error))
                    .setParameter(2, now.plus(NotificationRules.retryAfter(row.attempts() + 1, firstRetry)))
                    .setParameter(3, row.id())
                    .setParameter(4, owner)
                    .executeUpdate();
        }
    }

    /** Not now (quiet hours, the provider's outage): due again at {@code until}, without counting as an attempt. */
    @Transactional
    public void postponed(List<Long> ids, String owner, OffsetDateTime until) {
        if (ids.isEmpty()) {
            return;
        }
        var update = em.createNativeQuery("UPDATE notification SET due_at = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE lease_owner = ? AND status = 'PENDING' AND id IN (" + placeholders(ids) + ")")
                .setParameter(1, until)
                .setParameter(2, owner);
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(i + 3, ids.get(i));
        }
        update.executeUpdate();
    }

    /**
     * Whether the owner was told by {@code channel} that the connection broke, between the break's start and
     * {@code before}: a recovery is told only after a break was.
     */
    public boolean breakTold(Channel channel, String service, long connectionId, OffsetDateTime since, OffsetDateTime before) {
        return !em.createNativeQuery("SELECT 1 FROM notification WHERE service = ? AND connection_id = ? AND channel = ?"
                        + " AND kind IN ('BROKEN', 'UNAVAILABLE') AND status = 'SENT' AND occurred_at >= ? AND occurred_at < ?")
                .setParameter(1, service)
                .setParameter(2, connectionId)
                .setParameter(3, channel.name())
                .setParameter(4, since)
                .setParameter(5, before)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** One webhook delivery, as the settings page's log shows it. */
    public record Delivery(long id, EventKind kind, String service, OffsetDateTime occurredAt, String status, int attempts,
            String outcome, OffsetDateTime finishedAt) {
    }

    /** The owner's latest webhook deliveries, newest first. */
    public List<Delivery> webhookDeliveries(long accountId, int limit) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Object found : em.createNativeQuery("SELECT id, kind, service, occurred_at, status, attempts, outcome, finished_at"
                        + " FROM notification WHERE account_id = ? AND channel = 'WEBHOOK' ORDER BY occurred_at DESC, id DESC")
                .setParameter(1, accountId)
                .setMaxResults(limit)
                .getResultList()) {
            Object[] row = (Object[]) found;
            deliveries.add(new Delivery(((Number) row[0]).longValue(), EventKind.valueOf((String) row[1]), (String) row[2],
                    DatabaseTime.of(row[3]), (String) row[4], ((Number) row[5]).intValue(), (String) row[6], DatabaseTime.of(row[7])));
        }
        return deliveries;
    }

    /** Finished rows older than {@code age} go: the outbox is not an archive. @return how many */
    @Transactional
    public int purge(Duration age) {
        return em.createNativeQuery("DELETE FROM notification WHERE status <> 'PENDING' AND finished_at < ?")
                .setParameter(1, DatabaseTime.now(em).minus(age))
                .executeUpdate();
    }

    static List<Long> ids(List<Pending> rows) {
        return rows.stream().map(Pending::id).toList();
    }

    private static String placeholders(List<Long> ids) {
        return String.join(", ", ids.stream().map(id -> "?").toList());
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }
}
