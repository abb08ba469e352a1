package ru.storelink.connections.control;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;

/**
 * What a probe found, with a short reason for the card (a message code, never a token), and whether a token
 * refresh could change the verdict (Evotor 401, VK error 5).
 */
public record ProbeResult(CheckOutcome outcome, Message reason, boolean refreshMayHelp) {

    public static ProbeResult of(CheckOutcome outcome, Message reason) {
        return new ProbeResult(outcome, reason, false);
    }

    /**
     * What a provider failure means for a check: a refused renewal means the owner's grant is gone; anything
     * else (timeout, refused connection, garbage) is the provider's trouble. The service's bundle has the three
     * codes: {@code <key>.refresh-refused}, {@code <key>.malformed}, {@code <key>.unreachable}.
     */
    public static ProbeResult failed(ServiceType service, ProviderException e) {
        return switch (e.reason()) {
            case GRANT_REFUSED, ACCESS_REFUSED -> of(CheckOutcome.CREDENTIALS_REJECTED, Message.of(service.key() + ".refresh-refused"));
            case MALFORMED -> of(CheckOutcome.TEMPORARY, Message.of(service.key() + ".malformed"));
            default -> of(CheckOutcome.TEMPORARY, Message.of(service.key() + ".unreachable"));
        };
    }

    /** A refusal of the access token that a fresh one may cure. */
    public static ProbeResult tokenRefused(Message reason) {
        return new ProbeResult(CheckOutcome.CREDENTIALS_REJECTED, reason, true);
    }
}
