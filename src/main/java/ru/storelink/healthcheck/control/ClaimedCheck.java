package ru.storelink.healthcheck.control;

import java.time.OffsetDateTime;
import java.util.Optional;
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

    /**
     * A row of {@code Claims}' select (id, account_id, access_token, refresh_token, token_expires_at,
     * device_id, state, consecutive_failures); empty when its state is not one Storelink knows.
     */
    static Optional<ClaimedCheck> of(ServiceType service, Object[] row, String leaseOwner) {
        ConnectionStatus state;
        try {
            state = ConnectionStatus.valueOf(String.valueOf(row[6]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new ClaimedCheck(service, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (String) row[2], (String) row[3], DatabaseTime.of(row[4]), (String) row[5],
                state, ((Number) row[7]).intValue(), leaseOwner));
    }

    @Override
    public String toString() {
        return service + " connection " + id;
    }
}
