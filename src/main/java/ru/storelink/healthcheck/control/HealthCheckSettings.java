package ru.storelink.healthcheck.control;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.entity.ServiceType;

/**
 * The health checker's tunables, read afresh at every sweep so that an admin's change (a config source that
 * changes, a restart with new environment) applies without a rebuild.
 */
public record HealthCheckSettings(
        Duration interval,
        int evotorConcurrency,
        int vkConcurrency,
        int unavailableAfter,
        Duration lease,
        Duration manualMinimum) {

    public static HealthCheckSettings current() {
        Config config = ConfigProvider.getConfig();
        return new HealthCheckSettings(
                Duration.ofSeconds(positive(config, "health-check.interval-seconds", 600)),
                (int) positive(config, "health-check.evotor.concurrency", 25),
                (int) positive(config, "health-check.vk.concurrency", 25),
                (int) positive(config, "health-check.unavailable-after", 3),
                Duration.ofSeconds(positive(config, "health-check.lease-seconds", 120)),
                Duration.ofSeconds(config.getOptionalValue("health-check.manual-min-seconds", Long.class).orElse(30L)));
    }

    public int concurrency(ServiceType service) {
        return service == ServiceType.EVOTOR ? evotorConcurrency : vkConcurrency;
    }

    private static long positive(Config config, String key, long fallback) {
        long value = config.getOptionalValue(key, Long.class).orElse(fallback);
        if (value < 1) {
            throw new IllegalStateException(key + " must be positive, is " + value);
        }
        return value;
    }
}
