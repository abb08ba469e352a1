package ru.storelink.notifications.control;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What an admin tunes about notifications (README, "Configuration").
 *
 * @param unavailableAfter «Сервис недоступен» is told only once it has lasted this long
 *                         ({@code notify.unavailable-after-seconds})
 * @param digest           an owner's first notification waits this long for company: everything that happened
 *                         to their connections meanwhile goes out in the same e-mail ({@code notify.digest-seconds})
 * @param firstRetry       the wait after a failed delivery, doubled after each further failure up to 30 minutes
 *                         ({@code notify.retry-seconds})
 * @param lease            how long a sender's claim on outbox rows lasts ({@code notify.lease-seconds}): a sender
 *                         killed mid-delivery holds its rows this long before another sender takes them
 */
public record NotifySettings(Duration unavailableAfter, Duration digest, Duration firstRetry, Duration lease) {

    /** A delivery's worst case: three SMTP steps of {@link Mailer#TIMEOUT_MS}, with room to mark the rows. */
    public static final Duration LONGEST_DELIVERY = Duration.ofSeconds(60);

    public NotifySettings {
        if (unavailableAfter.isNegative() || digest.isNegative() || firstRetry.isNegative() || firstRetry.isZero()
                || lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException("notify.unavailable-after-seconds and notify.digest-seconds cannot be negative,"
                    + " notify.retry-seconds must be positive, notify.lease-seconds at least 5");
        }
    }

    public static NotifySettings current() {
        Config config = ConfigProvider.getConfig();
        return new NotifySettings(
                Duration.ofSeconds(config.getOptionalValue("notify.unavailable-after-seconds", Long.class).orElse(1800L)),
                Duration.ofSeconds(config.getOptionalValue("notify.digest-seconds", Long.class).orElse(120L)),
                Duration.ofSeconds(config.getOptionalValue("notify.retry-seconds", Long.class).orElse(30L)),
                Duration.ofSeconds(config.getOptionalValue("notify.lease-seconds", Long.class).orElse(120L)));
    }
}
