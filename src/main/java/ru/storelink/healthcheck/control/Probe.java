package ru.storelink.healthcheck.control;

import java.time.OffsetDateTime;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.entity.ConnectionCheck;

/**
 * One service's health check: one cheap authenticated call, renewing the grant through
 * {@link Credentials#renew} when the service's rules say so (never by calling the token endpoint itself).
 */
public interface Probe {

    ServiceType service();

    /** Never throws for provider trouble: every failure is an outcome. */
    ProbeResult probe(ClaimedCheck check, Credentials credentials);

    /** The history entry of one finished check of this service's connection {@code connectionId}. */
    ConnectionCheck historyEntry(long connectionId, OffsetDateTime checkedAt, CheckOutcome outcome, int latencyMs, String reason);
}
