package ru.storelink.connections.control;

import ru.storelink.connections.entity.CheckOutcome;

/**
 * What a probe found, with a short reason for the card and the log (never a token), and whether a token
 * refresh could change the verdict (Evotor 401, VK error 5).
 */
public record ProbeResult(CheckOutcome outcome, String reason, boolean refreshMayHelp) {

    public static ProbeResult of(CheckOutcome outcome, String reason) {
        return new ProbeResult(outcome, reason, false);
    }

    /** A refusal of the access token that a fresh one may cure. */
    public static ProbeResult tokenRefused(String reason) {
        return new ProbeResult(CheckOutcome.CREDENTIALS_REJECTED, reason, true);
    }
}
