package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
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
import ru.storelink.connections.control.ConnectionStore.CheckInput;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseTime;

/**
 * The database side of health checks, safe with several application instances on one database:
 * connections are claimed in a short transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED} and a
 * lease in database time, and checked outside any transaction; {@link CheckResults} writes their results
 * only while the lease is still ours. A connection deleted or reconnected meanwhile (a new authorization
 * clears the lease) is therefore never resurrected or overwritten.
 */
@ApplicationScoped
public class Claims {

    private static final Logger LOG = Logger.getLogger(Claims.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Services services;

    /** The claim's columns: what a check needs of the health row. */
    private static final String SELECT = "SELECT connection_id, state, consecutive_failures, history_next FROM connection_health";

    /**
     * Claims up to {@code limit} due connections (their interval began at least {@code interval} ago), the
     * longest due first, walking the schedule's index in order.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<ClaimedCheck> claimDue(ServiceType service, int limit, Duration interval, Duration lease) {
        OffsetDateTime now = DatabaseTime.now(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT
                        + " WHERE service = ? AND scheduled_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY scheduled_at"
                        + " FETCH FIRST " + limit + " ROWS ONLY"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, service.key())
                .setParameter(2, now.minus(interval))
                .setParameter(3, now)
                .getResultList();
        return lease(service, rows, now.plus(lease));
    }

    /** Claims the account's connection for a check now, unless another check holds it. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<ClaimedCheck> claimOf(ServiceType service, long accountId, Duration lease) {
        Optional<Long> id = services.of(service).store().of(accountId).map(ProviderConnection::getId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = DatabaseTime.now(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT
                        + " WHERE service = ? AND connection_id = ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, service.key())
                .setParameter(2, id.get())
                .setParameter(3, now)
                .getResultList();
        return lease(service, rows, now.plus(lease)).stream().findFirst();
    }

    /** What is due now, for operators: how many connections, and how long the longest due has waited. */
    public record Backlog(long due, Duration lag) {
    }

    /** Reads the schedule's index only: the due part of it, and its first entry. */
    public Backlog backlog(ServiceType service, Duration interval) {
        OffsetDateTime dueBefore = DatabaseTime.now(em).minus(interval);
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM connection_health WHERE service = ? AND scheduled_at <= ?")
                .setParameter(1, service.key())
                .setParameter(2, dueBefore)
                .getSingleResult();
        OffsetDateTime oldest = DatabaseTime.of(em.createNativeQuery("SELECT MIN(scheduled_at) FROM connection_health WHERE service = ?")
                .setParameter(1, service.key())
                .getSingleResult());
        Duration lag = oldest == null || oldest.isAfter(dueBefore) ? Duration.ZERO : Duration.between(oldest, dueBefore);
        return new Backlog(((Number) count).longValue(), lag);
    }

    /** Leases the claimed health rows and reads what their checks need from the connections. */
    private List<ClaimedCheck> lease(ServiceType service, List<Object[]> rows, OffsetDateTime leaseUntil) {
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
        em.createNativeQuery("UPDATE connection_health SET lease_owner = ?, lease_until = ?"
                        + " WHERE service = ? AND connection_id IN (" + idList + ")")
                .setParameter(1, owner)
                .setParameter(2, leaseUntil)
                .setParameter(3, service.key())
                .executeUpdate();
        Map<Long, CheckInput> inputs = new HashMap<>();
        for (CheckInput input : services.of(service).store().checkInputs(health.keySet())) {
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
}
