package ru.storelink.notifications.control;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.storelink.texts.Texts;

/** The timing rules of notifications, apart from the database: quiet hours, retries, durations in words. */
public final class NotificationRules {

    /** Quiet hours are the owner's wall-clock hours, Moscow time, as the settings page says. */
    public static final ZoneId QUIET_HOURS_ZONE = ZoneId.of("Europe/Moscow");

    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private NotificationRules() {
    }

    /**
     * When the quiet hours that {@code now} falls in end; empty outside quiet hours. {@code from} after
     * {@code until} spans midnight (22:00–07:00).
     */
    public static Optional<ZonedDateTime> quietUntil(LocalTime from, LocalTime until, ZonedDateTime now) {
        if (from == null || until == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.withZoneSameInstant(QUIET_HOURS_ZONE);
        LocalTime time = local.toLocalTime();
        boolean quiet = from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(until).withSecond(0).withNano(0);
        return Optional.of(end.isAfter(local) ? end : end.plusDays(1));
    }

    /** The wait after {@code attempts} failed deliveries: {@code first}, doubling, at most 30 minutes. */
    public static Duration retryAfter(int attempts, Duration first) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 16);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** «2 дн. 3 ч», «1 ч 5 мин», «11 мин», «меньше минуты». */
    public static String inWords(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return Texts.render("duration.under-a-minute");
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(Texts.render("duration.days", days));
        }
        if (hours > 0) {
            parts.add(Texts.render("duration.hours", hours));
        }
        if (rest > 0 && days == 0) {
            parts.add(Texts.render("duration.minutes", rest));
        }
        return String.join(" ", parts);
    }
}
