package ru.storelink.vk.control;

import java.util.Set;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;

/**
 * VK's error table (docs/providers.md) as code: what an error code in VK's envelope means for a check.
 * Refresh-and-retry after error 5 is {@link VkProbe}'s business; this is the verdict once that is done.
 */
final class VkOutcomes {

    static final Set<Integer> CREDENTIAL_ERRORS = Set.of(5, 7, 15, 17, 18, 3609, 3610);
    static final Set<Integer> TEMPORARY_ERRORS = Set.of(1, 6, 9, 10, 14, 29);
    static final int APPLICATION_AUTHORIZATION_FAILED = 28;

    private VkOutcomes() {
    }

    static ProbeResult ofError(int code) {
        if (code == APPLICATION_AUTHORIZATION_FAILED) {
            return ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, "ВКонтакте не принял приложение Storelink (ошибка 28)");
        }
        if (CREDENTIAL_ERRORS.contains(code)) {
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
        if (TEMPORARY_ERRORS.contains(code)) {
            return ProbeResult.of(CheckOutcome.TEMPORARY, code == 6 || code == 9 || code == 29
                    ? "ВКонтакте ограничил частоту запросов (ошибка " + code + ")"
                    : "ВКонтакте временно не ответил (ошибка " + code + ")");
        }
        // Not in VK's table: not a reason to send the owner to reconnect.
        return ProbeResult.of(CheckOutcome.TEMPORARY, "Неожиданная ошибка ВКонтакте (" + code + ")");
    }
}
