package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.HealthRules.Health;
import ru.storelink.healthcheck.entity.ConnectionCheck;
import ru.storelink.texts.Message;

/**
 * The database side of health checks, safe with several application instances on one database:
 * connections are claimed in a short transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED} and a
 * lease in database time, checked outside any transaction, and their result written in another short
 * transaction only while the lease is still ours. A connection deleted or reconnected meanwhile (a new
 * authorization clears the lease) is therefore never resurrected or overwritten.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class.getName());

    /** Checks kept per connection. */
    static final int HISTORY = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Services services;

    @Inject
    Probes probes;

    /** Claims up to {@code limit} due connections: never checked first, then the longest unchecked. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<ClaimedCheck> claimDue(ServiceType service, int limit, Duration interval, Duration lease) {
        OffsetDateTime now = DatabaseTime.now(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select(service)
                        + " WHERE (last_checked_at IS NULL OR last_checked_at <= ?)"
                        + " AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY last_checked_at NULLS FIRST, id"
                        + " FETCH FIRST " + limit + " ROWS ONLY"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now.minus(interval))
                .setParameter(2, now)
                .getResultList();
        return lease(service, rows, now.plus(lease));
    }

    /** Claims the account's connection for a check now, unless another check holds it. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<ClaimedCheck> claimOf(ServiceType service, long accountId, Duration lease) {
        OffsetDateTime now = DatabaseTime.now(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select(service)
                        + " WHERE account_id = ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, accountId)
                .setParameter(2, now)
                .getResultList();
        return lease(service, rows, now.plus(lease)).stream().findFirst();
    }

    /**
     * Writes a check's result and its history entry, if the lease is still ours.
     *
     * @return false when the connection was deleted, reconnected or reclaimed meanwhile (nothing written)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean complete(ClaimedCheck check, Health health, ProbeResult result, int latencyMs) {
        OffsetDateTime now = DatabaseTime.now(em);
        boolean works = result.outcome() == CheckOutcome.WORKS;
        List<Object> parameters = new ArrayList<>(Arrays.asList(health.state().name(), health.online(),
                health.consecutiveFailures(), result.outcome().name(), stored(result.reason()), now));
        if (works) {
            parameters.add(now);
        }
        parameters.addAll(List.of(check.id(), check.leaseOwner(), now));
        Query update = em.createNativeQuery("UPDATE " + table(check.service())
                + " SET state = ?, is_online = ?, consecutive_failures = ?, last_check_outcome = ?,"
                + " last_check_reason = ?, last_checked_at = ?," + (works ? " last_success_at = ?," : "")
                + " lease_owner = NULL, lease_until = NULL, version = version + 1"
                + " WHERE id = ? AND lease_owner = ? AND lease_until > ?");
        for (int i = 0; i < parameters.size(); i++) {
            update.setParameter(i + 1, parameters.get(i));
        }
        int updated = update.executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.persist(probes.of(check.service()).historyEntry(check.id(), now, result.outcome(), latencyMs, stored(result.reason())));
        em.flush();
        trimHistory(check);
        return true;
    }

    /** Connections due now: a gauge for operators. */
    public long countDue(ServiceType service, Duration interval) {
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM " + table(service)
                        + " WHERE last_checked_at IS NULL OR last_checked_at <= ?")
                .setParameter(1, DatabaseTime.now(em).minus(interval))
                .getSingleResult();
        return ((Number) count).longValue();
    }

    public List<ConnectionCheck> history(ServiceType service, long connectionId) {
        return em.createNamedQuery(ConnectionCheck.LATEST, ConnectionCheck.class)
                .setParameter("service", service.key())
                .setParameter("connectionId", connectionId)
                .setMaxResults(HISTORY)
                .getResultList();
    }

    private void trimHistory(ClaimedCheck check) {
        List<?> oldestKept = em.createNativeQuery("SELECT checked_at FROM connection_check"
                        + " WHERE service = ? AND connection_id = ? ORDER BY checked_at DESC, id DESC"
                        + " OFFSET " + (HISTORY - 1) + " ROWS FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, check.service().key())
                .setParameter(2, check.id())
                .getResultList();
        if (!oldestKept.isEmpty()) {
            em.createNativeQuery("DELETE FROM connection_check WHERE service = ? AND connection_id = ? AND checked_at < ?")
                    .setParameter(1, check.service().key())
                    .setParameter(2, check.id())
                    .setParameter(3, DatabaseTime.of(oldestKept.get(0)))
                    .executeUpdate();
        }
    }

    private List<ClaimedCheck> lease(ServiceType service, List<Object[]> rows, OffsetDateTime leaseUntil) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String owner = LeaseOwner.next();
        List<ClaimedCheck> claimed = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            ids.add(id);
            // One unreadable row fails alone: it is leased like the others (so it does not block the claim
            // loop) but not checked; the next lease expiry brings it back, with another log line.
            ClaimedCheck.of(service, row, owner).ifPresentOrElse(claimed::add,
                    () -> LOG.severe(() -> service + " connection " + id + " has a state Storelink does not know ("
                            + row[6] + "); it is not checked"));
        }
        // The ids come from our own query: numbers only.
        String idList = ids.stream().map(Object::toString).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE " + table(service) + " SET lease_owner = ?, lease_until = ? WHERE id IN (" + idList + ")")
                .setParameter(1, owner)
                .setParameter(2, leaseUntil)
                .executeUpdate();
        return claimed;
    }

    private String select(ServiceType service) {
        String detail = services.of(service).store().checkDetailColumn();
        return "SELECT id, account_id, access_token, refresh_token, token_expires_at, "
                + (detail == null ? "CAST(NULL AS VARCHAR(1))" : detail)
                + ", state, consecutive_failures FROM " + table(service);
    }

    /** The service's connection table (named by its store: never from a request). */
    String table(ServiceType service) {
        return services.of(service).store().table();
    }

    /** The reason's code and arguments, as the columns (200 characters) keep them. */
    private static String stored(Message reason) {
        if (reason == null) {
            return null;
        }
        String encoded = reason.encoded();
        return encoded.length() <= 200 ? encoded : encoded.substring(0, 200);
    }
}
