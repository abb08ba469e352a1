package ru.storelink.healthcheck.control;

import java.time.OffsetDateTime;
import java.util.Optional;
import ru.storelink.connections.control.ConnectionStore.CheckInput;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;

/**
 * A connection this instance has claimed for one check: everything the probe needs, read in the claim,
 * so that no transaction stays open while the provider is called. {@code leaseOwner} proves the claim;
 * {@code historySlot} is the slot of the connection's history ring that this check's entry overwrites.
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
        int historySlot,
        String leaseOwner) {

    /**
     * A claimed health row ({@code state}, {@code consecutive_failures} as read) with its connection's input;
     * empty when the state is not one Storelink knows (the database refuses such states since V4, but a
     * newer Storelink sharing the database may know more).
     */
    static Optional<ClaimedCheck> of(ServiceType service, CheckInput input, Object state, Object failures, Object historySlot,
            String leaseOwner) {
        ConnectionStatus known;
        try {
            known = ConnectionStatus.valueOf(String.valueOf(state));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new ClaimedCheck(service, input.id(), input.accountId(), input.sealedAccessToken(),
                input.sealedRefreshToken(), input.tokenExpiresAt(), input.detail(), known, ((Number) failures).intValue(),
                ((Number) historySlot).intValue(), leaseOwner));
    }

    @Override
    public String toString() {
        return service + " connection " + id;
    }
}
