package ru.storelink.accounts.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How long a signed-in session lasts: at most {@code absolute} after sign-in, whatever happens, and at most
 * {@code idle} after the owner's last own request. Requests a page makes by itself (the dashboard's
 * automatic refresh) are not the owner's: a dashboard left open on a shop's computer must not keep the
 * owner signed in forever. Pure; the settings are read at every request, like other keys.
 */
public record SessionLifetime(Duration absolute, Duration idle) {

    public enum End {
        /** The session goes on. */
        NONE,
        /** {@code absolute} has passed since sign-in. */
        ABSOLUTE,
        /** {@code idle} has passed since the owner's last request. */
        IDLE
    }

    public SessionLifetime {
        if (absolute.isNegative() || absolute.isZero() || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("accounts.session.absolute-hours and idle-minutes must be positive");
        }
    }

    /** From {@code accounts.session.absolute-hours} (default 12) and {@code accounts.session.idle-minutes} (30). */
    public static SessionLifetime configured() {
        return new SessionLifetime(
                Duration.ofMillis(millis(setting("accounts.session.absolute-hours", "12"), 3_600_000L)),
                Duration.ofMillis(millis(setting("accounts.session.idle-minutes", "30"), 60_000L)));
    }

    /** Whether and why a session signed in at {@code signedInAt} and last used at {@code lastActivity} ends. */
    public End endAt(long signedInAt, long lastActivity, long now) {
        if (now - signedInAt >= absolute.toMillis()) {
            return End.ABSOLUTE;
        }
        if (now - lastActivity >= idle.toMillis()) {
            return End.IDLE;
        }
        return End.NONE;
    }

    /**
     * When a session signed in at {@code signedInAt} and last used at {@code lastActivity} ends if nothing
     * more happens: its idle limit or its absolute limit, whichever comes first (the moment {@link #endAt}
     * stops saying {@link End#NONE}).
     */
    public long endsAt(long signedInAt, long lastActivity) {
        return Math.min(signedInAt + absolute.toMillis(), lastActivity + idle.toMillis());
    }

    /** Whole or decimal units ("12", "0.5"): an admin may want half an hour, a test a few seconds. */
    static long millis(String value, long unitMillis) {
        try {
            return new BigDecimal(value.strip()).multiply(BigDecimal.valueOf(unitMillis))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a number of hours or minutes: '" + value + "'", e);
        }
    }

    private static String setting(String key, String fallback) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback);
    }
}
