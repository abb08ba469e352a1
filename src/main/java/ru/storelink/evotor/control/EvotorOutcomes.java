package ru.storelink.evotor.control;

import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.texts.Message;

/**
 * Evotor's error table (docs/providers.md) as code: what an HTTP status of its API means for a check.
 * Refresh-and-retry after a 401 is {@link EvotorProbe}'s business; this is the verdict once that is done.
 */
final class EvotorOutcomes {

    private EvotorOutcomes() {
    }

    static ProbeResult ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return ProbeResult.of(CheckOutcome.WORKS, null);
        }
        return switch (status) {
            case 401 -> ProbeResult.tokenRefused(Message.of("evotor.refused-401"));
            case 403 -> ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, Message.of("evotor.refused-403"));
            case 400 -> ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, Message.of("evotor.request-refused-400"));
            case 429 -> ProbeResult.of(CheckOutcome.TEMPORARY, Message.of("evotor.rate-limited"));
            default -> ProbeResult.of(CheckOutcome.TEMPORARY,
                    Message.of(status >= 500 ? "evotor.unavailable-http" : "evotor.unexpected-http", status));
        };
    }
}
