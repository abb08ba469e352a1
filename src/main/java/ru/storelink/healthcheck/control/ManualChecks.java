package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    /** The outcome in the owner's words; empty when there is no connection to check. */
    public Optional<String> checkNow(ServiceType service, long accountId) {
        HealthCheckSettings settings = HealthCheckSettings.current();
        String key = service.key() + ":" + accountId;
        Instant now = Instant.now();
        Instant previous = lastRequested.get(key);
        if (previous != null && previous.plus(settings.manualMinimum()).isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, previous.plus(settings.manualMinimum())).toSeconds());
            return Optional.of("«" + service.title() + "» только что проверяли. Повторите через " + wait + " с.");
        }
        Optional<ClaimedCheck> claimed = claims.claimOf(service, accountId,
                settings.leaseCovering(service, providers.of(service).worstCall()));
        if (claimed.isEmpty()) {
            return Optional.of("«" + service.title() + "» уже проверяется. Результат появится на карточке.");
        }
        lastRequested.put(key, now);
        Report report = checker.check(claimed.get(), settings);
        return Optional.of("«" + service.title() + "» проверен: " + report.state().getText().toLowerCase() + ".");
    }
}
