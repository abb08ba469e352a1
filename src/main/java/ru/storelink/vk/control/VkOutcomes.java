package ru.storelink.vk.control;

import java.util.Set;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.texts.Message;

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
            return ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, Message.of("vk.app-refused"));
        }
        if (CREDENTIAL_ERRORS.contains(code)) {
            if (code == 5) {
                return ProbeResult.tokenRefused(Message.of("vk.token-refused"));
            }
            return ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, switch (code) {
                case 7, 15 -> Message.of("vk.permissions", code);
                case 17 -> Message.of("vk.confirm-account");
                case 3609 -> Message.of("vk.renew-access");
                default -> Message.of("vk.account-gone", code);
            });
        }
        if (TEMPORARY_ERRORS.contains(code)) {
            return ProbeResult.of(CheckOutcome.TEMPORARY,
                    Message.of(code == 6 || code == 9 || code == 29 ? "vk.rate-limited" : "vk.no-answer", code));
        }
        // Not in VK's table: not a reason to send the owner to reconnect.
        return ProbeResult.of(CheckOutcome.TEMPORARY, Message.of("vk.unexpected-error", code));
    }
}
