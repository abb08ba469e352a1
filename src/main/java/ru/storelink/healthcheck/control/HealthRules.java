package ru.storelink.healthcheck.control;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;

/**
 * How one check's outcome moves a card. Only a proven failure of the owner's credentials asks for a
 * reconnect; a provider that is down leaves the card as it was until it has failed
 * {@code unavailableAfter} checks in a row, and then says «Сервис недоступен», never «reconnect».
 */
public final class HealthRules {

    private HealthRules() {
    }

    /** A card after a check: its state, the temporary failures in a row, and whether it is online. */
    public record Health(ConnectionStatus state, int consecutiveFailures) {

        public boolean online() {
            return state == ConnectionStatus.WORKING;
        }
    }

    public static Health after(ConnectionStatus previous, int previousFailures, CheckOutcome outcome, int unavailableAfter) {
        return switch (outcome) {
            case WORKS -> new Health(ConnectionStatus.WORKING, 0);
            case CREDENTIALS_REJECTED -> new Health(ConnectionStatus.NEEDS_RECONNECT, 0);
            case TEMPORARY -> {
                int failures = previousFailures + 1;
                yield new Health(failures >= unavailableAfter ? ConnectionStatus.SERVICE_UNAVAILABLE : previous, failures);
            }
            // Our own failure: never green, never the owner's fault; the provider's count is untouched.
            case OUR_MISCONFIGURATION -> new Health(ConnectionStatus.CANNOT_CHECK, previousFailures);
        };
    }
}
