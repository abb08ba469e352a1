package ru.storelink.healthcheck.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.Checker.Report;

/**
 * One sweep: every due connection of every service checked once. Each service has its own pool of
 * {@code health-check.<service>.concurrency} threads, so no provider ever sees more parallel calls than
 * configured, and a provider that hangs delays only its own checks (each ends at the read timeout).
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Claims claims;

    @Inject
    Checker checker;

    @Inject
    ProviderConfiguration providers;

    @Inject
    Services services;

    @Inject
    MetricRegistry metrics;

    private final Map<ServiceType, Long> due = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<ServiceType, ExecutorService> pools = new HashMap<>();
    private final Map<ServiceType, Integer> poolSizes = new HashMap<>();
    private ExecutorService sweepers;
    private volatile boolean stopping;

    /** Totals of one sweep, for the one log line and the metrics. */
    public record Totals(int checked, int online, int needsReconnect, int temporary, int lost) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        Totals plus(Report report) {
            return new Totals(checked + 1,
                    online + (report.state() == ConnectionStatus.WORKING ? 1 : 0),
                    needsReconnect + (report.state() == ConnectionStatus.NEEDS_RECONNECT ? 1 : 0),
                    temporary + (report.outcome() == CheckOutcome.TEMPORARY ? 1 : 0),
                    lost + (report.written() ? 0 : 1));
        }

        Totals plus(Totals other) {
            return new Totals(checked + other.checked, online + other.online, needsReconnect + other.needsReconnect,
                    temporary + other.temporary, lost + other.lost);
        }
    }

    public Totals sweep() {
        HealthCheckSettings settings = HealthCheckSettings.current();
        long start = System.nanoTime();
        List<Future<Totals>> perService = new ArrayList<>();
        for (ServiceType service : services.types()) {
            perService.add(sweepers().submit(() -> sweep(service, settings)));
        }
        Totals totals = Totals.NONE;
        for (Future<Totals> future : perService) {
            totals = totals.plus(await(future, Duration.ofHours(1)).orElse(Totals.NONE));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        for (ServiceType service : services.types()) {
            due.put(service, claims.countDue(service, settings.interval()));
        }
        metrics.timer("health_sweep_duration").update(took);
        Totals result = totals;
        LOG.log(totals.checked() > 0 ? Level.INFO : Level.FINE, () -> "Health sweep: checked=" + result.checked()
                + " online=" + result.online() + " needs-reconnect=" + result.needsReconnect()
                + " temporary=" + result.temporary() + " dropped=" + result.lost() + " duration=" + took.toMillis() + "ms");
        return totals;
    }

    /** Connections of {@code service} due at the end of the last sweep (the gauge {@code health_checks_due}). */
    public long due(ServiceType service) {
        return due.getOrDefault(service, 0L);
    }

    private Totals sweep(ServiceType service, HealthCheckSettings settings) {
        ExecutorService pool = pool(service, settings.concurrency(service));
        int batch = settings.concurrency(service) * 2;
        Totals totals = Totals.NONE;
        while (!stopping) {
            Duration lease = settings.leaseCovering(service, providers.of(service).worstCall());
            List<ClaimedCheck> claimed = claims.claimDue(service, batch, settings.interval(), lease);
            if (claimed.isEmpty()) {
                break;
            }
            List<Future<Report>> running = new ArrayList<>(claimed.size());
            for (ClaimedCheck check : claimed) {
                running.add(pool.submit(() -> checker.check(check, settings)));
            }
            for (Future<Report> report : running) {
                totals = await(report, lease).map(totals::plus).orElse(totals);
            }
        }
        return totals;
    }

    private static <T> Optional<T> await(Future<T> future, Duration limit) {
        try {
            return Optional.of(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "A health check failed unexpectedly; its lease will expire", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
        }
        return Optional.empty();
    }

    private synchronized ExecutorService pool(ServiceType service, int size) {
        ExecutorService pool = pools.get(service);
        if (pool == null || poolSizes.get(service) != size) {
            if (pool != null) {
                pool.shutdown();
            }
            pool = Executors.newFixedThreadPool(size, threads);
            pools.put(service, pool);
            poolSizes.put(service, size);
        }
        return pool;
    }

    private synchronized ExecutorService sweepers() {
        if (sweepers == null) {
            sweepers = Executors.newFixedThreadPool(services.types().size(), threads);
        }
        return sweepers;
    }

    /** Undeploy: checks in flight are abandoned; their leases expire and another sweep takes them over. */
    @PreDestroy
    synchronized void stop() {
        stopping = true;
        List<ExecutorService> all = new ArrayList<>(pools.values());
        if (sweepers != null) {
            all.add(sweepers);
        }
        all.forEach(ExecutorService::shutdownNow);
        for (ExecutorService pool : all) {
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
