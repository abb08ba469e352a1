package ru.storelink.vk.control;

import java.util.Set;
import ru.storelink.connections.control.ProviderException.Reason;

/** What a VK API {@code error_code} means for us (providers.md, "Errors arrive with HTTP 200"). */
public final class VkErrorCodes {

    /** The owner must act: invalid/expired/revoked token (5), scope missing (7, 15), validation (17), account (18, 3609, 3610). */
    static final Set<Integer> OWNER_MUST_ACT = Set.of(5, 7, 15, 17, 18, 3609, 3610);
    /** VK is busy or failing: rate limits (6, 9, 29), unknown/internal errors and captcha (1, 10, 14). */
    static final Set<Integer> TEMPORARY = Set.of(1, 6, 9, 10, 14, 29);
    /** Our application's own configuration is wrong. */
    static final int APPLICATION_AUTHORIZATION_FAILED = 28;

    private VkErrorCodes() {
    }

    public static Reason reason(int code) {
        if (OWNER_MUST_ACT.contains(code)) {
            return Reason.ACCESS_REFUSED;
        }
        if (TEMPORARY.contains(code) || code == APPLICATION_AUTHORIZATION_FAILED) {
            // 28 is not the owner's fault: never tell them to fix their connection for it.
            return Reason.UNAVAILABLE;
        }
        return Reason.MALFORMED;
    }
}
