package ru.storelink.healthcheck.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.CheckResults;
import ru.storelink.healthcheck.control.HealthCheckSettings;
import ru.storelink.healthcheck.control.Sweeper;

/**
 * Ticks every 5 seconds and starts a sweep of the due connections unless one is still running. The timer
 * is not persistent: Payara Micro does not coordinate persistent timers across instances, and every
 * instance ticking is fine because the database claim gives each connection to exactly one of them. The
 * tick itself returns at once; the sweep runs on its own thread. Also publishes, per provider, the number of
 * due connections ({@code health_checks_due}) and how long the longest-due one has waited
 * ({@code health_check_lag_seconds}), read before and after each sweep, and how many results wait for their
 * transaction ({@code health_check_results_waiting}) and are in the one being written
 * ({@code health_check_results_writing}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class HealthCheckTimer {

    private static final Logger LOG = Logger.getLogger(HealthCheckTimer.class.getName());

    @Inject
    Sweeper sweeper;

    @Inject
    CheckResults results;

    @Inject
    ProviderConfiguration providers;

    @Inject
    Services services;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicBoolean sweeping = new AtomicBoolean();
    private ExecutorService runner;

    @PostConstruct
    void start() {
        refuseLeasesShorterThanACheck(HealthCheckSettings.current());
        runner = Executors.newSingleThreadExecutor(threads);
        for (ServiceType service : services.types()) {
            // Counted once per sweep, never per scrape: a scrape costs no query.
            metrics.gauge("health_checks_due", sweeper, s -> s.due(service), new Tag("provider", service.key()));
            metrics.gauge("health_check_lag_seconds", sweeper, s -> s.lagSeconds(service), new Tag("provider", service.key()));
        }
        metrics.gauge("health_check_results_waiting", results, CheckResults::waiting);
        metrics.gauge("health_check_results_writing", results, CheckResults::writing);
        LOG.info(() -> "Health checks every " + ConfigProvider.getConfig()
                .getOptionalValue("health-check.interval-seconds", Long.class).orElse(600L) + " s per connection");
    }

    /**
     * Touches no database and runs in no transaction: a timeout that fails (a query during a database outage
     * marks the container's transaction for rollback) may end the timer itself, and with it every check.
     */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "health-check tick")
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!enabled() || !sweeping.compareAndSet(false, true)) {
            return;
        }
        runner.execute(() -> {
            try {
                measureBacklog();
                // Back to back while there is work: a long backlog or a large steady load is one continuous
                // pipeline, cut into sweeps of at most a minute only for their log lines.
                while (sweeper.sweep().busy() && enabled()) {
                    measureBacklog();
                }
                measureBacklog();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Health sweep failed; the next tick tries again", e);
            } finally {
                sweeping.set(false);
            }
        });
    }

    private void measureBacklog() {
        try {
            sweeper.measureBacklog();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Backlog not measured", e);
        }
    }

    /** A check that outlives its lease can meet another instance's check of the same connection. */
    private void refuseLeasesShorterThanACheck(HealthCheckSettings settings) {
        List<String> problems = new ArrayList<>();
        for (ServiceType service : services.types()) {
            settings.leaseProblem(service, providers.of(service).worstCall()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            problems.forEach(LOG::severe);
            throw new IllegalStateException("Storelink refuses to start: " + String.join("; ", problems));
        }
    }

    private static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue("health-check.enabled", Boolean.class).orElse(true);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
