package ru.storelink.connections.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Tokens a provider granted. {@link #toString()} hides them, so a grant can never leak through a log
 * line or an exception message.
 */
public record Grant(String accessToken, String refreshToken, OffsetDateTime expiresAt) {

    public static Grant of(String accessToken, String refreshToken, Long expiresInSeconds) {
        OffsetDateTime expiresAt = expiresInSeconds == null || expiresInSeconds <= 0
                ? null
                : OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(expiresInSeconds);
        return new Grant(accessToken, refreshToken, expiresAt);
    }

    @Override
    public String toString() {
        return "Grant[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
