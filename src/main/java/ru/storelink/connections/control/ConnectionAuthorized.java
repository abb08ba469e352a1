package ru.storelink.connections.control;

import java.time.OffsetDateTime;
import ru.storelink.connections.entity.ServiceType;

/**
 * A connection was authorized (connected or reconnected) in the current transaction. The health checker
 * observes it to start the connection's health afresh; observers run in the same transaction, so the
 * connection and its health are stored together or not at all.
 */
public record ConnectionAuthorized(ServiceType service, long connectionId, long accountId, OffsetDateTime at) {
}
