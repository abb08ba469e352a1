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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 * {@code health-check.<service>.concurrency} threads and as many slots, so no provider ever sees more
 * parallel calls than configured, and a provider that hangs delays only its own checks (each ends at the
 * read timeout).
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

    private final Map<ServiceType, Claims.Backlog> backlogs = new ConcurrentHashMap<>();
    private final Map<ServiceType, ExecutorService> pools = new HashMap<>();
    private final Map<ServiceType, Integer> poolSizes = new HashMap<>();
    private ExecutorService sweepers;
    private volatile boolean stopping;

    /**
     * Totals of one sweep, for the one log line and the metrics; {@code busy} when a service still had due
     * connections as the sweep reached {@link #LONGEST_SWEEP}: the next sweep should start at once.
     */
    public record Totals(int checked, int online, int needsReconnect, int temporary, int lost, boolean busy) {

        static final Totals NONE = new Totals(0, 0, 0, 0, 0, false);

        Totals plus(Report report) {
            return new Totals(checked + 1,
                    online + (report.state() == ConnectionStatus.WORKING ? 1 : 0),
                    needsReconnect + (report.state() == ConnectionStatus.NEEDS_RECONNECT ? 1 : 0),
                    temporary + (report.outcome() == CheckOutcome.TEMPORARY ? 1 : 0),
                    lost + (report.written() ? 0 : 1), busy);
        }

        Totals plus(Totals other) {
            return new Totals(checked + other.checked, online + other.online, needsReconnect + other.needsReconnect,
                    temporary + other.temporary, lost + other.lost, busy || other.busy);
        }

        Totals stillBusy() {
            return new Totals(checked, online, needsReconnect, temporary, lost, true);
        }
    }

    /**
     * A sweep that keeps finding work ends after this long, so that its log line and duration metric still
     * come regularly; the timer then starts the next one at once.
     */
    static final Duration LONGEST_SWEEP = Duration.ofMinutes(1);

    /**
     * Connections fall due continuously (each keeps its own phase), so a claim that finds nothing due is no end
     * while the sweep found work this recently: it looks again every {@link #LOOK_AGAIN} instead of leaving
     * the next connections to wait for the timer's next tick (up to 5 s, a burst afterwards).
     */
    static final Duration LINGER = Duration.ofSeconds(1);
    static final Duration LOOK_AGAIN = Duration.ofMillis(100);

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
        metrics.timer("health_sweep_duration").update(took);
        Totals result = totals;
        LOG.log(totals.checked() > 0 ? Level.INFO : Level.FINE, () -> "Health sweep: checked=" + result.checked()
                + " online=" + result.online() + " needs-reconnect=" + result.needsReconnect()
                + " temporary=" + result.temporary() + " dropped=" + result.lost() + " duration=" + took.toMillis() + "ms");
        return totals;
    }

    /** Reads each service's backlog for the gauges (around each sweep, never per scrape). */
    public void measureBacklog() {
        Duration interval = HealthCheckSettings.current().interval();
        for (ServiceType service : services.types()) {
            backlogs.put(service, claims.backlog(service, interval));
        }
    }

    /** Connections of {@code service} due at the last {@link #measureBacklog()} (the gauge {@code health_checks_due}). */
    public long due(ServiceType service) {
        Claims.Backlog backlog = backlogs.get(service);
        return backlog == null ? 0 : backlog.due();
    }

    /** How long the longest-due connection of {@code service} had waited then (the gauge {@code health_check_lag_seconds}). */
    public double lagSeconds(ServiceType service) {
        Claims.Backlog backlog = backlogs.get(service);
        return backlog == null ? 0 : backlog.lag().toMillis() / 1000.0;
    }

    /**
     * A pipeline, not batches: the service's {@code concurrency} threads each start the next check as soon as
     * theirs ends, from a small queue of claimed checks that the claimer refills, half the concurrency at a
     * time, whenever that much room is free. No thread waits for the slowest check of a batch, and a claim (a
     * short transaction of its own) serves several checks. Ends when nothing has been due for {@link #LINGER}
     * (or after {@link #LONGEST_SWEEP}) and every claimed check has finished.
     */
    private Totals sweep(ServiceType service, HealthCheckSettings settings) {
        int concurrency = settings.concurrency(service);
        int refill = Math.max(1, concurrency / 2);
        int claimable = concurrency + refill;
        ExecutorService pool = pool(service, concurrency);
        Semaphore slots = new Semaphore(claimable);
        AtomicReference<Totals> totals = new AtomicReference<>(Totals.NONE);
        Duration lease = settings.leaseCovering(service, providers.of(service).worstCall());
        // A queued check that could not finish within its lease any more is left for the lease to expire:
        // started late, it could meet another instance's check of the same connection.
        long startWithin = lease.minus(providers.of(service).worstCall().multipliedBy(HealthCheckSettings.CALLS_PER_CHECK)).toNanos();
        long sweepStart = System.nanoTime();
        // As if work was last found a linger ago: a sweep whose first claim finds nothing ends at once.
        long lastFound = sweepStart - LINGER.toNanos();
        boolean busy = false;
        try {
            while (!stopping) {
                slots.acquire(refill);
                int free = refill + slots.drainPermits();
                List<ClaimedCheck> claimed = claims.claimDue(service, free, settings.interval(), lease);
                slots.release(free - claimed.size());
                long claimedAt = System.nanoTime();
                if (claimed.isEmpty()) {
                    if (claimedAt - lastFound > LINGER.toNanos()) {
                        break;
                    }
                    Thread.sleep(LOOK_AGAIN.toMillis());
                    continue;
                }
                lastFound = claimedAt;
                if (claimedAt - sweepStart > LONGEST_SWEEP.toNanos()) {
                    // Still work to do: these checks run, the next sweep follows at once.
                    busy = true;
                }
                for (ClaimedCheck check : claimed) {
                    pool.execute(() -> {
                        try {
                            if (System.nanoTime() - claimedAt > startWithin) {
                                LOG.info(() -> check + ": waited too long for a free thread; left for its lease to expire");
                                return;
                            }
                            Report report = checker.check(check, settings);
                            totals.updateAndGet(sum -> sum.plus(report));
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, check + ": the check failed unexpectedly; its lease will expire", e);
                        } finally {
                            slots.release();
                        }
                    });
                }
                if (busy) {
                    break;
                }
            }
            // Every check ends within its lease (each provider call has a total deadline); a queued one waits
            // at most for the checks ahead of it.
            if (slots.tryAcquire(claimable, lease.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(claimable);
            } else {
                LOG.warning(() -> service + ": checks still running after one lease; their results will be dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return busy ? totals.get().stillBusy() : totals.get();
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
