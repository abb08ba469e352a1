package ru.storelink.connections.control;

import ru.storelink.connections.entity.CheckOutcome;

/**
 * What a probe found, with a short reason for the card and the log (never a token); whether a token
 * refresh could change the verdict (Evotor 401, VK error 5); and the tokens a refresh during the probe
 * produced (null when there was none): they must be stored, because refresh tokens rotate.
 */
public record ProbeResult(CheckOutcome outcome, String reason, boolean refreshMayHelp, Grant renewed) {

    public static ProbeResult of(CheckOutcome outcome, String reason) {
        return new ProbeResult(outcome, reason, false, null);
    }

    /** A refusal of the access token that a fresh one may cure. */
    static ProbeResult tokenRefused(String reason) {
        return new ProbeResult(CheckOutcome.CREDENTIALS_REJECTED, reason, true, null);
    }

    public ProbeResult withRenewed(Grant grant) {
        return new ProbeResult(outcome, reason, refreshMayHelp, grant);
    }
}
