package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import ru.storelink.database.DatabaseTime;
import ru.storelink.notifications.entity.EventKind;

/** The settings page's log of the owner's webhook deliveries (the page's own pool, like every page read). */
@ApplicationScoped
public class Deliveries {

    /** One webhook delivery, as the log shows it. */
    public record Delivery(long id, EventKind kind, String service, OffsetDateTime occurredAt, String status, int attempts,
            String outcome, OffsetDateTime finishedAt) {
    }

    @PersistenceContext
    EntityManager em;

    /** The owner's latest webhook deliveries, newest first. */
    public List<Delivery> ofWebhook(long accountId, int limit) {
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
}
