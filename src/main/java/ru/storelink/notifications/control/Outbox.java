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

    /** The row's columns; the e-mail row is always written, the webhook row when the owner has a webhook now. */
    private static final String COLUMNS = " (account_id, channel, kind, service, connection_id, from_state, to_state, reason,"
            + " occurred_at, due_at, status, attempts)";

    void changed(@Observes StateChanges changes) {
        NotifySettings settings = NotifySettings.current();
        try (PreparedStatement email = changes.db().prepareStatement("INSERT INTO notification" + COLUMNS
                + " VALUES (?, 'EMAIL', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)");
                PreparedStatement webhook = changes.db().prepareStatement("INSERT INTO notification" + COLUMNS
                        + " SELECT account_id, 'WEBHOOK', ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0 FROM notification_settings"
                        + " WHERE account_id = ? AND webhook_url IS NOT NULL")) {
            int rows = 0;
            for (StateChanges.Change change : changes.changes()) {
                EventKind kind = EventKind.of(change.from(), change.to());
                if (kind == null) {
                    continue;
                }
                email.setLong(1, change.accountId());
                int next = describe(email, 2, kind, change, settings);
                email.addBatch();
                next = describe(webhook, 1, kind, change, settings);
                webhook.setLong(next, change.accountId());
                webhook.addBatch();
                rows++;
            }
            if (rows > 0) {
                email.executeBatch();
                webhook.executeBatch();
            }
        } catch (SQLException e) {
            // The writer finds the SQLException as the cause and fails (or retries) the transaction.
            throw new OutboxRefused(e);
        }
    }

    /** Sets kind, service, connection, from, to, reason, occurred and due from {@code first} on; @return the next index */
    private static int describe(PreparedStatement insert, int first, EventKind kind, StateChanges.Change change, NotifySettings settings)
            throws SQLException {
        insert.setString(first, kind.name());
        insert.setString(first + 1, change.service().key());
        insert.setLong(first + 2, change.connectionId());
        insert.setString(first + 3, change.from() == null ? null : change.from().name());
        insert.setString(first + 4, change.to().name());
        insert.setString(first + 5, change.reason() == null ? null : shortened(change.reason().encoded()));
        insert.setObject(first + 6, change.at());
        insert.setObject(first + 7, kind == EventKind.UNAVAILABLE ? change.at().plus(settings.unavailableAfter()) : change.at());
        return first + 8;
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
