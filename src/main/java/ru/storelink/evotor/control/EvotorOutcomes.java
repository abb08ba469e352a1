package ru.storelink.evotor.control;

import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;

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
            case 401 -> ProbeResult.tokenRefused("Эвотор отклонил доступ (401): токен недействителен или отозван");
            case 403 -> ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, "Эвотор отклонил доступ (403): не хватает разрешений");
            case 400 -> ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, "Эвотор отклонил запрос Storelink (400)");
            case 429 -> ProbeResult.of(CheckOutcome.TEMPORARY, "Эвотор ограничил частоту запросов (429)");
            default -> ProbeResult.of(CheckOutcome.TEMPORARY, status >= 500
                    ? "Эвотор временно недоступен (HTTP " + status + ")"
                    : "Неожиданный ответ Эвотор (HTTP " + status + ")");
        };
    }
}
