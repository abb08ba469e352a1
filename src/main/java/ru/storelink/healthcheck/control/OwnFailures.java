package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ru.storelink.texts.Message;
import ru.storelink.connections.entity.ServiceType;

/**
 * Checks Storelink itself could not do (a token it cannot read, its own configuration refused by the
 * provider). They show as «Не удаётся проверить» on the cards; operators get the metric
 * {@code health_check_own_failures_total{provider}} and one SEVERE line per service and interval — with
 * thousands of connections failing for one wrong setting, one line says it, not thousands.
 */
@ApplicationScoped
public class OwnFailures {

    private static final Logger LOG = Logger.getLogger(OwnFailures.class.getName());

    @Inject
    MetricRegistry metrics;

    private final Map<ServiceType, AtomicLong> nextLogAt = new ConcurrentHashMap<>();
    private final Map<ServiceType, AtomicLong> sinceLastLog = new ConcurrentHashMap<>();

    void seen(ClaimedCheck check, Message reason, Duration interval) {
        metrics.counter("health_check_own_failures_total", new Tag("provider", check.service().key())).inc();
        long unlogged = sinceLastLog.computeIfAbsent(check.service(), s -> new AtomicLong()).incrementAndGet();
        AtomicLong next = nextLogAt.computeIfAbsent(check.service(), s -> new AtomicLong(Long.MIN_VALUE));
        long now = System.nanoTime();
        long due = next.get();
        if ((due == Long.MIN_VALUE || now - due >= 0) && next.compareAndSet(due, now + interval.toNanos())) {
            sinceLastLog.get(check.service()).addAndGet(-unlogged);
            LOG.severe(() -> "Storelink cannot check " + check.service() + " connections (" + unlogged
                    + " since the last such line, e.g. " + check + "): " + reason
                    + " — fix Storelink's configuration (token key, client id); owners see «Не удаётся проверить»");
        }
    }
}
