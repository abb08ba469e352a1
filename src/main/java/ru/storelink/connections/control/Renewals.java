package ru.storelink.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseTime;

/**
 * The database side of refreshing a connection's grant, kept with the tokens it guards (the health checker
 * renews through it; a new authorization clears the lease in the same row). Providers rotate refresh tokens and may revoke the
 * whole grant when a retired one is presented again (RFC 9700 §4.14.2), so: whoever presents a refresh token
 * holds the connection's refresh lease, which any instance sees; and the answer is stored by itself, the
 * moment it arrives, as a compare-and-set on the refresh token that was presented. Each method is its own
 * short transaction; none is open while a provider is called.
 */
@ApplicationScoped
public class Renewals {

    @PersistenceContext
    EntityManager em;

    @Inject
    Services services;

    /** The tokens stored for a connection right now (sealed). */
    public record Stored(String sealedAccessToken, String sealedRefreshToken, OffsetDateTime tokenExpiresAt,
            OffsetDateTime refreshLeaseUntil) {
    }

    /** What an attempt to take the refresh lease found. */
    public sealed interface Attempt {
    }

    /** Ours: present the refresh token, then {@link #store} or {@link #release}. */
    public record Leased(String owner) implements Attempt {
    }

    /** The refresh token is no longer the one this check read: a sibling rotated it (or the owner reconnected). */
    public record Changed(Stored now) implements Attempt {
    }

    /** Another check is presenting this refresh token right now. */
    public record Busy() implements Attempt {
    }

    /** The connection was deleted. */
    public record Gone() implements Attempt {
    }

    /** Takes the refresh lease for {@code owner} (unique per attempt), if the refresh token is still the one seen. */
    @Transactional(TxType.REQUIRES_NEW)
    public Attempt lease(ServiceType service, long id, String sealedRefreshSeen, String owner, Duration lease) {
        OffsetDateTime now = DatabaseTime.now(em);
        int leased = em.createNativeQuery("UPDATE " + table(service)
                        + " SET refresh_lease_owner = ?, refresh_lease_until = ?"
                        + " WHERE id = ? AND refresh_token = ? AND (refresh_lease_until IS NULL OR refresh_lease_until < ?)")
                .setParameter(1, owner)
                .setParameter(2, now.plus(lease))
                .setParameter(3, id)
                .setParameter(4, sealedRefreshSeen)
                .setParameter(5, now)
                .executeUpdate();
        if (leased == 1) {
            return new Leased(owner);
        }
        Stored stored = read(service, id);
        if (stored == null) {
            return new Gone();
        }
        return Objects.equals(stored.sealedRefreshToken(), sealedRefreshSeen) ? new Busy() : new Changed(stored);
    }

    /**
     * Stores a renewed grant and ends the refresh lease, if the refresh token is still the one presented.
     *
     * @return false when the connection was deleted or reconnected meanwhile (its new grant stays)
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean store(ServiceType service, long id, String sealedRefreshPresented, String sealedAccess,
            String sealedRefresh, OffsetDateTime expiresAt) {
        return em.createNativeQuery("UPDATE " + table(service)
                        + " SET access_token = ?, refresh_token = ?, token_expires_at = ?,"
                        + " refresh_lease_owner = NULL, refresh_lease_until = NULL, version = version + 1"
                        + " WHERE id = ? AND refresh_token = ?")
                .setParameter(1, sealedAccess)
                .setParameter(2, sealedRefresh)
                .setParameter(3, expiresAt)
                .setParameter(4, id)
                .setParameter(5, sealedRefreshPresented)
                .executeUpdate() == 1;
    }

    /** Ends the refresh lease without a new grant (the provider answered, and rotated nothing). */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(ServiceType service, long id, String owner) {
        em.createNativeQuery("UPDATE " + table(service)
                        + " SET refresh_lease_owner = NULL, refresh_lease_until = NULL WHERE id = ? AND refresh_lease_owner = ?")
                .setParameter(1, id)
                .setParameter(2, owner)
                .executeUpdate();
    }

    /** The tokens stored now; null when the connection is gone. */
    @Transactional(TxType.REQUIRES_NEW)
    public Stored read(ServiceType service, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT access_token, refresh_token, token_expires_at, refresh_lease_until FROM "
                        + table(service) + " WHERE id = ?")
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        return new Stored((String) row[0], (String) row[1], DatabaseTime.of(row[2]), DatabaseTime.of(row[3]));
    }

    private String table(ServiceType service) {
        return services.of(service).store().table();
    }
}
