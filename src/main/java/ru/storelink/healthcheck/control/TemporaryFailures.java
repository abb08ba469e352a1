package ru.storelink.healthcheck.control;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import ru.storelink.connections.entity.ServiceType;

/**
 * Checks that failed for now ({@code TEMPORARY}), fired like {@link StateChanges}: synchronously inside the
 * transaction that writes them, with its JDBC connection, which an observer uses and never commits, closes
 * or keeps. Most such failures change nothing on the card; the health over time still shows them.
 */
public record TemporaryFailures(Connection db, List<Failure> failures) {

    /** One failed check of one connection. */
    public record Failure(long accountId, ServiceType service, long connectionId, OffsetDateTime at) {
    }
}
