package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseTime;
import ru.storelink.healthcheck.control.HealthCheckSettings;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.healthcheck.control.HealthStore.RecentChecks;

/**
 * A provider's own outage: when at least {@code notify.provider-outage-share} of its connections checked in
 * the last two intervals failed temporarily, and at least {@code notify.provider-outage-min-connections} were
 * checked (counting the checks that said something about the provider: it worked or failed temporarily;
 * connections whose credentials were refused do not dilute an outage). Then every dashboard shows one banner, and that provider's notifications wait until it ends, so
 * that an Evotor outage is not a thousand e-mails. Counted at most every {@link #FRESH_FOR} per instance
 * (one aggregate over the provider's health rows), whoever asks: pages and senders never wait for a count.
 */
@ApplicationScoped
public class ProviderOutages {

    private static final Logger LOG = Logger.getLogger(ProviderOutages.class.getName());

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /**
     * Each connection is checked once per interval, and its result is written a little after the interval has
     * passed (the call, the writer's batch). A window of exactly one interval then sometimes holds none of a
     * connection's checks, and an outage would seem over for {@link #FRESH_FOR}: long enough for its mails to go.
     */
    private static final int COUNTED_INTERVALS = 2;

    @Inject
    Services services;

    @Inject
    HealthStore health;

    @PersistenceContext
    EntityManager em;

    private record Counted(Instant at, List<ServiceType> down) {
    }

    private volatile Counted counted = new Counted(Instant.EPOCH, List.of());

    /** The providers in an outage now, in the pages' order. */
    public List<ServiceType> down() {
        Counted last = counted;
        if (last.at().plus(FRESH_FOR).isBefore(Instant.now())) {
            last = count();
        }
        return last.down();
    }

    public boolean isDown(ServiceType service) {
        return down().contains(service);
    }

    private synchronized Counted count() {
        if (!counted.at().plus(FRESH_FOR).isBefore(Instant.now())) {
            return counted;
        }
        Config config = ConfigProvider.getConfig();
        double share = config.getOptionalValue("notify.provider-outage-share", Double.class).orElse(0.5);
        long least = config.getOptionalValue("notify.provider-outage-min-connections", Long.class).orElse(20L);
        OffsetDateTime since = countedSince(DatabaseTime.now(em), HealthCheckSettings.current().interval());
        Map<ServiceType, RecentChecks> checks = services.types().stream()
                .collect(Collectors.toMap(service -> service, service -> health.recentChecks(service, since)));
        List<ServiceType> down = services.types().stream()
                .filter(service -> isOutage(checks.get(service), share, least))
                .toList();
        if (!down.equals(counted.down())) {
            LOG.warning(() -> down.isEmpty() ? "No provider outage any more" : "Provider outage: " + down + " " + checks);
        }
        counted = new Counted(Instant.now(), down);
        return counted;
    }

    static OffsetDateTime countedSince(OffsetDateTime now, Duration interval) {
        return now.minus(interval.multipliedBy(COUNTED_INTERVALS));
    }

    static boolean isOutage(RecentChecks checks, double share, long least) {
        return checks.checked() >= least && checks.failedTemporarily() >= share * checks.checked();
    }
}
