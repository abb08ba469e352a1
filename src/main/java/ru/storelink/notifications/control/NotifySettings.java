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
 */
public record NotifySettings(Duration unavailableAfter, Duration digest, Duration firstRetry) {

    public NotifySettings {
        if (unavailableAfter.isNegative() || digest.isNegative() || firstRetry.isNegative() || firstRetry.isZero()) {
            throw new IllegalArgumentException("notify.unavailable-after-seconds and notify.digest-seconds cannot be negative,"
                    + " notify.retry-seconds must be positive");
        }
    }

    public static NotifySettings current() {
        Config config = ConfigProvider.getConfig();
        return new NotifySettings(
                Duration.ofSeconds(config.getOptionalValue("notify.unavailable-after-seconds", Long.class).orElse(1800L)),
                Duration.ofSeconds(config.getOptionalValue("notify.digest-seconds", Long.class).orElse(120L)),
                Duration.ofSeconds(config.getOptionalValue("notify.retry-seconds", Long.class).orElse(30L)));
    }
}
