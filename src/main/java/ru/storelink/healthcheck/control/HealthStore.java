package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ConnectionAuthorized;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseTime;
import ru.storelink.healthcheck.entity.ConnectionCheck;
import ru.storelink.healthcheck.entity.ConnectionHealth;

/**
 * The health checker's tables outside of checks: a connection's health starts with its authorization (and
 * a transition says so), and pages read it and the history. Writes during checks are {@link Claims}' and
 * {@link CheckResults}'.
 */
@ApplicationScoped
public class HealthStore {

    /** The reasons of transitions by authorization (message codes): a first connection, a reconnect. */
    static final String CONNECTED = "transition.connected";
    static final String RECONNECTED = "transition.reconnected";

    @PersistenceContext
    EntityManager em;

    /**
     * A new authorization makes the connection «Работает» as of now and due again after an interval; it ends
     * any check in progress (its lease), so that check's result, about the old tokens, is never written.
     * Runs in the authorization's transaction.
     */
    void authorized(@Observes ConnectionAuthorized authorization) {
        ServiceType service = authorization.service();
        // The transition first, from the state as it was (the connection's row is locked: nobody else writes it).
        em.createNativeQuery("INSERT INTO connection_transition"
                        + " (account_id, service, connection_id, from_state, to_state, reason, occurred_at)"
                        + " SELECT ?, service, connection_id, state, ?, ?, ? FROM connection_health"
                        + " WHERE service = ? AND connection_id = ? AND state <> ?")
                .setParameter(1, authorization.accountId())
                .setParameter(2, ConnectionStatus.WORKING.name())
                .setParameter(3, RECONNECTED)
                .setParameter(4, authorization.at())
                .setParameter(5, service.key())
                .setParameter(6, authorization.connectionId())
                .setParameter(7, ConnectionStatus.WORKING.name())
                .executeUpdate();
        int updated = em.createNativeQuery("UPDATE connection_health SET state = ?, last_success_at = ?, consecutive_failures = 0,"
                        + " last_check_outcome = ?, last_check_reason = NULL, checked_at = ?, scheduled_at = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE service = ? AND connection_id = ?")
                .setParameter(1, ConnectionStatus.WORKING.name())
                .setParameter(2, authorization.at())
                .setParameter(3, CheckOutcome.WORKS.name())
                .setParameter(4, authorization.at())
                .setParameter(5, authorization.at())
                .setParameter(6, service.key())
                .setParameter(7, authorization.connectionId())
                .executeUpdate();
        if (updated == 0) {
            // The service's foreign key column, <key>_connection_id: added by the service's migration. The key
            // is a ServiceType's, lower-case letters, digits and dashes; never a request's.
            em.createNativeQuery("INSERT INTO connection_health (service, connection_id, " + foreignKey(service)
                            + ", state, last_success_at, consecutive_failures, last_check_outcome, checked_at, scheduled_at)"
                            + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)")
                    .setParameter(1, service.key())
                    .setParameter(2, authorization.connectionId())
                    .setParameter(3, authorization.connectionId())
                    .setParameter(4, ConnectionStatus.WORKING.name())
                    .setParameter(5, authorization.at())
                    .setParameter(6, CheckOutcome.WORKS.name())
                    .setParameter(7, authorization.at())
                    .setParameter(8, authorization.at())
                    .executeUpdate();
            em.createNativeQuery("INSERT INTO connection_transition"
                            + " (account_id, service, connection_id, from_state, to_state, reason, occurred_at) VALUES (?, ?, ?, NULL, ?, ?, ?)")
                    .setParameter(1, authorization.accountId())
                    .setParameter(2, service.key())
                    .setParameter(3, authorization.connectionId())
                    .setParameter(4, ConnectionStatus.WORKING.name())
                    .setParameter(5, CONNECTED)
                    .setParameter(6, authorization.at())
                    .executeUpdate();
        }
    }

    /** A connection and its health; {@code health} is null only for a row written past the application. */
    public record Watched(ProviderConnection connection, ConnectionHealth health) {
    }

    /** The account's connection of the service with its health, in one query (pages render per request). */
    public Optional<Watched> ofAccount(ConnectableService service, long accountId) {
        return em.createQuery("SELECT c, h FROM " + service.store().entityName() + " c LEFT JOIN ConnectionHealth h"
                        + " ON h.service = :service AND h.connectionId = c.id WHERE c.accountId = :accountId", Object[].class)
                .setParameter("service", service.type().key())
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst()
                .map(row -> new Watched((ProviderConnection) row[0], (ConnectionHealth) row[1]));
    }

    /** The last checks of the connection, newest first. */
    public List<ConnectionCheck> history(ServiceType service, long connectionId) {
        return em.createNamedQuery(ConnectionCheck.LATEST, ConnectionCheck.class)
                .setParameter("service", service.key())
                .setParameter("connectionId", connectionId)
                .setMaxResults(ConnectionCheck.SLOTS)
                .getResultList();
    }

    /** The connection's state now; empty when the connection is gone (or its service's row was never written). */
    public Optional<ConnectionStatus> state(ServiceType service, long connectionId) {
        return em.createNativeQuery("SELECT state FROM connection_health WHERE service = ? AND connection_id = ?")
                .setParameter(1, service.key())
                .setParameter(2, connectionId)
                .getResultStream()
                .findFirst()
                .map(state -> ConnectionStatus.valueOf(String.valueOf(state)));
    }

    /** Whether the connection's state changed again after {@code at} (a check's change, or a reconnect). */
    public boolean changedAfter(ServiceType service, long connectionId, OffsetDateTime at) {
        return !em.createNativeQuery("SELECT 1 FROM connection_transition WHERE service = ? AND connection_id = ? AND occurred_at > ?")
                .setParameter(1, service.key())
                .setParameter(2, connectionId)
                .setParameter(3, at)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** When the connection last stopped working, at or before {@code at}: the start of the break that ended then. */
    public Optional<OffsetDateTime> stoppedWorking(ServiceType service, long connectionId, OffsetDateTime at) {
        return Optional.ofNullable(DatabaseTime.of(em.createNativeQuery("SELECT MAX(occurred_at) FROM connection_transition"
                        + " WHERE service = ? AND connection_id = ? AND from_state = ? AND occurred_at <= ?")
                .setParameter(1, service.key())
                .setParameter(2, connectionId)
                .setParameter(3, ConnectionStatus.WORKING.name())
                .setParameter(4, at)
                .getSingleResult()));
    }

    /**
     * How the provider's checks since {@code since} went: how many said something about the provider itself
     * (it worked, or failed temporarily; a refused credential or our own misconfiguration says nothing about
     * an outage), and how many of those failed temporarily.
     */
    public record RecentChecks(long checked, long failedTemporarily) {
    }

    public RecentChecks recentChecks(ServiceType service, OffsetDateTime since) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN last_check_outcome = ? THEN 1 ELSE 0 END), 0)"
                        + " FROM connection_health WHERE service = ? AND checked_at >= ? AND last_check_outcome IN (?, ?)")
                .setParameter(1, CheckOutcome.TEMPORARY.name())
                .setParameter(2, service.key())
                .setParameter(3, since)
                .setParameter(4, CheckOutcome.WORKS.name())
                .setParameter(5, CheckOutcome.TEMPORARY.name())
                .getSingleResult();
        return new RecentChecks(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    static String foreignKey(ServiceType service) {
        return service.key().replace('-', '_') + "_connection_id";
    }
}
