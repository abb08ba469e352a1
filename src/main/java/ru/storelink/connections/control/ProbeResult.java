package ru.storelink.connections.control;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.texts.Message;

/**
 * What a probe found, with a short reason for the card (a message code, never a token), and whether a token
 * refresh could change the verdict (Evotor 401, VK error 5).
 */
public record ProbeResult(CheckOutcome outcome, Message reason, boolean refreshMayHelp) {

    public static ProbeResult of(CheckOutcome outcome, Message reason) {
        return new ProbeResult(outcome, reason, false);
    }

    /** A refusal of the access token that a fresh one may cure. */
    public static ProbeResult tokenRefused(Message reason) {
        return new ProbeResult(CheckOutcome.CREDENTIALS_REJECTED, reason, true);
    }
}
