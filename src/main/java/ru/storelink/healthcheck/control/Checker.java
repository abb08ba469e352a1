package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Renewals;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.control.TokenCipher.TokenUnreadableException;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.CheckResults.CheckResult;
import ru.storelink.healthcheck.control.Credentials.Superseded;
import ru.storelink.healthcheck.control.HealthRules.Health;
import ru.storelink.texts.Message;

/** Runs one claimed check: open the tokens, probe (renewals are stored as they happen), write the verdict. */
@ApplicationScoped
public class Checker {

    private static final Logger LOG = Logger.getLogger(Checker.class.getName());

    /** A refresh lease outlasts the longest token call by this much (database round trips, scheduling). */
    static final Duration REFRESH_LEASE_MARGIN = Duration.ofSeconds(3);

    @Inject
    Probes probes;

    @Inject
    CheckResults results;

    @Inject
    Renewals renewals;

    @Inject
    TokenCipher cipher;

    @Inject
    ProviderConfiguration providers;

    @Inject
    OwnFailures ownFailures;

    @Inject
    MetricRegistry metrics;

    /** What one check ended with; {@code written} is false when the lease was lost (nothing stored). */
    public record Report(ServiceType service, CheckOutcome outcome, ConnectionStatus state, boolean written) {
    }

    public Report check(ClaimedCheck check, HealthCheckSettings settings) {
        long start = System.nanoTime();
        ProbeResult result;
        try {
            result = probe(check);
        } catch (Superseded e) {
            LOG.info(() -> check + ": " + e.getMessage() + "; result dropped");
            return new Report(check.service(), CheckOutcome.WORKS, check.state(), false);
        }
        int latencyMs = (int) ((System.nanoTime() - start) / 1_000_000);
        Tag provider = new Tag("provider", check.service().key());
        metrics.counter("health_checks_total", provider, new Tag("outcome", result.outcome().name().toLowerCase())).inc();
        metrics.timer("health_check_latency", provider).update(Duration.ofMillis(latencyMs));
        if (result.outcome() == CheckOutcome.OUR_MISCONFIGURATION) {
            ownFailures.seen(check, result.reason(), settings.interval());
        }
        Health health = HealthRules.after(check.state(), check.consecutiveFailures(), result.outcome(), settings.unavailableAfter());
        boolean written = results.write(new CheckResult(check, health, result, latencyMs, settings.nextIntervalDelay()));
        if (!written) {
            LOG.info(() -> check + ": deleted, reconnected or reclaimed during the check; result dropped");
        } else if (health.state() != check.state()) {
            LOG.info(() -> check + " of account " + check.accountId() + ": " + check.state() + " -> " + health.state()
                    + " (" + result.outcome() + (result.reason() == null ? "" : ", " + result.reason()) + ")");
        }
        return new Report(check.service(), result.outcome(), written ? health.state() : check.state(), written);
    }

    private ProbeResult probe(ClaimedCheck check) {
        Credentials credentials;
        try {
            credentials = new Credentials(check, cipher, renewals, refreshLease(check.service()));
        } catch (TokenUnreadableException e) {
            // A key changed or a row was tampered with: our problem, not the owner's.
            return ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, Message.of("check.token-unreadable"));
        }
        return probes.of(check.service()).probe(check, credentials);
    }

    /** Long enough for one token call to end, so no other check presents the same refresh token meanwhile. */
    Duration refreshLease(ServiceType service) {
        return providers.of(service).worstCall().plus(REFRESH_LEASE_MARGIN);
    }
}
