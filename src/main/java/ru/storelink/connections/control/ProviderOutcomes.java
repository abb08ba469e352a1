package ru.storelink.connections.control;

import java.util.Set;
import ru.storelink.connections.entity.CheckOutcome;

/**
 * docs/providers.md's error tables as code: what an Evotor HTTP status or a VK error code means for a check.
 * Refresh-and-retry (Evotor 401 with a refresh token, VK 5) is the probes' business; this is the verdict
 * once that is done.
 */
public final class ProviderOutcomes {

    static final Set<Integer> VK_CREDENTIALS = Set.of(5, 7, 15, 17, 18, 3609, 3610);
    static final Set<Integer> VK_TEMPORARY = Set.of(1, 6, 9, 10, 14, 29);
    static final int VK_APPLICATION_AUTHORIZATION_FAILED = 28;

    private ProviderOutcomes() {
    }

    public static ProbeResult evotorStatus(int status) {
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

    public static ProbeResult vkError(int code) {
        if (code == VK_APPLICATION_AUTHORIZATION_FAILED) {
            return ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, "ВКонтакте не принял приложение Storelink (ошибка 28)");
        }
        if (VK_CREDENTIALS.contains(code)) {
            if (code == 5) {
                return ProbeResult.tokenRefused("ВКонтакте отклонил токен (ошибка 5): доступ истёк или отозван");
            }
            return ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, switch (code) {
                case 7, 15 -> "ВКонтакте: не хватает разрешений (ошибка " + code + ")";
                case 17 -> "ВКонтакте требует подтвердить аккаунт (ошибка 17)";
                case 3609 -> "ВКонтакте требует обновить доступ (ошибка 3609)";
                default -> "Аккаунт ВКонтакте удалён или заблокирован (ошибка " + code + ")";
            });
        }
        if (VK_TEMPORARY.contains(code)) {
            return ProbeResult.of(CheckOutcome.TEMPORARY, code == 6 || code == 9 || code == 29
                    ? "ВКонтакте ограничил частоту запросов (ошибка " + code + ")"
                    : "ВКонтакте временно не ответил (ошибка " + code + ")");
        }
        // Not in VK's table: not a reason to send the owner to reconnect.
        return ProbeResult.of(CheckOutcome.TEMPORARY, "Неожиданная ошибка ВКонтакте (" + code + ")");
    }
}
