package ru.storelink.healthcheck.control;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;

/**
 * Connections whose state a check changed, fired synchronously inside the transaction that writes the
 * changes, with that transaction's JDBC connection: whatever an observer writes on {@code db} commits or
 * rolls back with the changes (the notifications' outbox). An observer never commits, closes or keeps
 * {@code db}; a failure it throws (an {@link java.sql.SQLException} as the cause) fails the transaction.
 * A new authorization changes the state too, but by the owner's own hand: it is not announced here.
 */
public record StateChanges(Connection db, List<Change> changes) {

    /** One change, as the transitions table has it. */
    public record Change(long accountId, ServiceType service, long connectionId, ConnectionStatus from, ConnectionStatus to,
            Message reason, OffsetDateTime at) {
    }
}
