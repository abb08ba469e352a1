package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import ru.storelink.healthcheck.control.StateChanges;
import ru.storelink.notifications.entity.EventKind;

/**
 * Writes the outbox rows of a check's changes of state, in the transaction that writes the changes (so a
 * change is never without its notification). Whether each is still worth telling, and to whom, is decided
 * when it is due ({@link Sender}).
 */
@ApplicationScoped
public class Outbox {

    void changed(@Observes StateChanges changes) {
        NotifySettings settings = NotifySettings.current();
        try (PreparedStatement insert = changes.db().prepareStatement("INSERT INTO notification"
                + " (account_id, channel, kind, service, connection_id, from_state, to_state, reason, occurred_at, due_at, status, attempts)"
                + " VALUES (?, 'EMAIL', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)")) {
            int rows = 0;
            for (StateChanges.Change change : changes.changes()) {
                EventKind kind = EventKind.of(change.from(), change.to());
                if (kind == null) {
                    continue;
                }
                insert.setLong(1, change.accountId());
                insert.setString(2, kind.name());
                insert.setString(3, change.service().key());
                insert.setLong(4, change.connectionId());
                insert.setString(5, change.from() == null ? null : change.from().name());
                insert.setString(6, change.to().name());
                insert.setString(7, change.reason() == null ? null : shortened(change.reason().encoded()));
                insert.setObject(8, change.at());
                insert.setObject(9, kind == EventKind.UNAVAILABLE ? change.at().plus(settings.unavailableAfter()) : change.at());
                insert.addBatch();
                rows++;
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            // The writer finds the SQLException as the cause and fails (or retries) the transaction.
            throw new OutboxRefused(e);
        }
    }

    private static String shortened(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }

    /** The database refused the outbox rows: the change's transaction must not commit without them. */
    static final class OutboxRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OutboxRefused(SQLException cause) {
            super(cause);
        }
    }
}
