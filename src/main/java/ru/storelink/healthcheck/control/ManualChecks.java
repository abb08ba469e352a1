package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import ru.storelink.connections.entity.ConnectionStatus;
import java.util.concurrent.ConcurrentHashMap;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.Checker.Report;

/**
 * «Проверить сейчас»: one check of the owner's connection, at most once per
 * {@code health-check.manual-min-seconds} per connection and instance, so a finger on the button cannot
 * flood a provider.
 */
@ApplicationScoped
public class ManualChecks {

    @Inject
    Claims claims;

    @Inject
    Checker checker;

    @Inject
    ProviderConfiguration providers;

    private final Map<String, Instant> lastRequested = new ConcurrentHashMap<>();

    /** What pressing the button did. */
    public sealed interface Result {
    }

    /** Checked moments ago: nothing done; the owner may press again in {@code seconds}. */
    public record TooSoon(long seconds) implements Result {
    }

    /** Another check of this connection is running (or there is no connection): its result will show. */
    public record InProgress() implements Result {
    }

    /** Checked now: the card's state after the check. */
    public record Checked(ConnectionStatus state) implements Result {
    }

    public Result checkNow(ServiceType service, long accountId) {
        HealthCheckSettings settings = HealthCheckSettings.current();
        String key = service.key() + ":" + accountId;
        Instant now = Instant.now();
        Instant previous = lastRequested.get(key);
        if (previous != null && previous.plus(settings.manualMinimum()).isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, previous.plus(settings.manualMinimum())).toSeconds());
            return new TooSoon(wait);
        }
        Optional<ClaimedCheck> claimed = claims.claimOf(service, accountId,
                settings.leaseCovering(service, providers.of(service).worstCall()));
        if (claimed.isEmpty()) {
            return new InProgress();
        }
        lastRequested.put(key, now);
        Report report = checker.check(claimed.get(), settings);
        return new Checked(report.state());
    }
}
