package ru.storelink.healthcheck.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.entity.ServiceType;

/**
 * The health checker's tunables, read afresh at every sweep so that an admin's change (a config source that
 * changes, a restart with new environment) applies without a rebuild.
 */
public record HealthCheckSettings(
        Duration interval,
        int unavailableAfter,
        Duration lease,
        Duration manualMinimum) {

    public static HealthCheckSettings current() {
        Config config = ConfigProvider.getConfig();
        return new HealthCheckSettings(
                Duration.ofSeconds(positive(config, "health-check.interval-seconds", 600)),
                (int) positive(config, "health-check.unavailable-after", 3),
                Duration.ofSeconds(positive(config, "health-check.lease-seconds", 120)),
                Duration.ofSeconds(config.getOptionalValue("health-check.manual-min-seconds", Long.class).orElse(30L)));
    }

    /**
     * How long after a check its connection's next interval starts: a random share of up to a tenth of the
     * interval. Never sooner (one check per interval), and connections that fell due together — all of them
     * after an upgrade or an outage — drift apart over the next rounds instead of coming due in one burst
     * every interval.
     */
    public Duration nextIntervalDelay() {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(interval.toMillis() / 10 + 1));
    }

    /** Provider calls one check can make at most: a token call and two API calls (VK: users.get, refresh, users.get). */
    static final int CALLS_PER_CHECK = 3;
    private static final AtomicReference<String> LAST_LEASE_PROBLEM = new AtomicReference<>();
    private static final Logger LOG = Logger.getLogger(HealthCheckSettings.class.getName());
    /** What a lease must leave beyond the provider calls: database round trips, scheduling, a clock step. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    /** The shortest lease with which no check can outlive its claim, given the longest provider call. */
    public static Duration minimumLease(Duration worstCall) {
        return worstCall.multipliedBy(CALLS_PER_CHECK).plus(LEASE_MARGIN);
    }

    /** Empty when the lease covers a check of {@code service} whose calls each take {@code worstCall}; else why not. */
    public Optional<String> leaseProblem(ServiceType service, Duration worstCall) {
        Duration minimum = minimumLease(worstCall);
        if (lease.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        return Optional.of("health-check.lease-seconds=" + lease.toSeconds() + " is shorter than a worst-case "
                + service.key() + " check (" + CALLS_PER_CHECK + " calls of " + service.key() + ".total-timeout-ms + "
                + service.key() + ".read-timeout-ms = " + worstCall.toMillis() + " ms each, plus " + LEASE_MARGIN.toSeconds()
                + " s): raise health-check.lease-seconds to at least " + minimum.toSeconds()
                + " or lower " + service.key() + ".total-timeout-ms / " + service.key() + ".read-timeout-ms");
    }

    /**
     * The lease to claim with: the configured one, or — when it was changed at run time to one shorter than
     * a worst-case check (the start refuses such a value) — the minimum, with a SEVERE line.
     */
    public Duration leaseCovering(ServiceType service, Duration worstCall) {
        Optional<String> problem = leaseProblem(service, worstCall);
        if (problem.isEmpty()) {
            return lease;
        }
        if (!problem.get().equals(LAST_LEASE_PROBLEM.getAndSet(problem.get()))) {
            LOG.severe(problem.get() + "; claiming with " + minimumLease(worstCall).toSeconds() + " s meanwhile");
        }
        return minimumLease(worstCall);
    }

    /** Parallel checks of one service per instance: {@code health-check.<service>.concurrency}, read afresh. */
    public int concurrency(ServiceType service) {
        return (int) positive(ConfigProvider.getConfig(), "health-check." + service.key() + ".concurrency", 50);
    }

    private static long positive(Config config, String key, long fallback) {
        long value = config.getOptionalValue(key, Long.class).orElse(fallback);
        if (value < 1) {
            throw new IllegalStateException(key + " must be positive, is " + value);
        }
        return value;
    }
}
