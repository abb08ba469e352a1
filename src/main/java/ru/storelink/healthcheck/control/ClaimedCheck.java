package ru.storelink.healthcheck.control;

import java.time.OffsetDateTime;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;

/**
 * A connection this instance has claimed for one check: everything the probe needs, read in the claim,
 * so that no transaction stays open while the provider is called. {@code leaseOwner} proves the claim.
 */
public record ClaimedCheck(
        ServiceType service,
        long id,
        long accountId,
        String sealedAccessToken,
        String sealedRefreshToken,
        OffsetDateTime tokenExpiresAt,
        String deviceId,
        ConnectionStatus state,
        int consecutiveFailures,
        String leaseOwner) {

    @Override
    public String toString() {
        return service + " connection " + id;
    }
}
