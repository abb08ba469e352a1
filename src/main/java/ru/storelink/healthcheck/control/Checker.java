package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.control.TokenCipher.TokenUnreadableException;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.HealthRules.Health;

/** Runs one claimed check: open the tokens, probe, store renewed tokens, write the verdict. */
@ApplicationScoped
public class Checker {

    private static final Logger LOG = Logger.getLogger(Checker.class.getName());

    @Inject
    Instance<Probe> probes;

    @Inject
    Claims claims;

    @Inject
    TokenCipher cipher;

    @Inject
    MetricRegistry metrics;

    /** What one check ended with; {@code written} is false when the lease was lost (nothing stored). */
    public record Report(ServiceType service, CheckOutcome outcome, ConnectionStatus state, boolean written) {
    }

    public Report check(ClaimedCheck check, HealthCheckSettings settings) {
        long start = System.nanoTime();
        ProbeResult result = probe(check);
        int latencyMs = (int) ((System.nanoTime() - start) / 1_000_000);
        Tag provider = new Tag("provider", check.service().key());
        metrics.counter("health_checks_total", provider, new Tag("outcome", result.outcome().name().toLowerCase())).inc();
        metrics.timer("health_check_latency", provider).update(java.time.Duration.ofMillis(latencyMs));
        if (result.renewed() != null && !storeRenewed(check, result.renewed())) {
            return new Report(check.service(), result.outcome(), check.state(), false);
        }
        if (result.outcome() == CheckOutcome.OUR_MISCONFIGURATION) {
            LOG.severe(() -> check + ": " + result.reason() + " — Storelink's configuration for " + check.service()
                    + " is wrong; owners' cards are left as they are");
            claims.holdOff(check, settings.interval());
            return new Report(check.service(), result.outcome(), check.state(), false);
        }
        Health health = HealthRules.after(check.state(), check.consecutiveFailures(), result.outcome(), settings.unavailableAfter());
        boolean written = claims.complete(check, health, result, latencyMs);
        if (!written) {
            LOG.info(() -> check + ": deleted, reconnected or reclaimed during the check; result dropped");
        } else if (health.state() != check.state()) {
            LOG.info(() -> check + " of account " + check.accountId() + ": " + check.state() + " -> " + health.state()
                    + " (" + result.outcome() + (result.reason() == null ? "" : ", " + result.reason()) + ")");
        }
        return new Report(check.service(), result.outcome(), written ? health.state() : check.state(), written);
    }

    private ProbeResult probe(ClaimedCheck check) {
        String access;
        String refresh;
        try {
            access = cipher.open(check.sealedAccessToken(), ConnectionStore.tokenContext(check.service(), "access_token", check.accountId()));
            refresh = check.sealedRefreshToken() == null ? null
                    : cipher.open(check.sealedRefreshToken(), ConnectionStore.tokenContext(check.service(), "refresh_token", check.accountId()));
        } catch (TokenUnreadableException e) {
            // A key changed or a row was tampered with: our problem, not the owner's.
            return ProbeResult.of(CheckOutcome.OUR_MISCONFIGURATION, "Storelink не может прочитать сохранённый токен");
        }
        Probe probe = probes.stream().filter(p -> p.service() == check.service()).findFirst().orElseThrow();
        return probe.probe(check, access, refresh);
    }

    private boolean storeRenewed(ClaimedCheck check, Grant renewed) {
        return claims.renewTokens(check,
                cipher.seal(renewed.accessToken(), ConnectionStore.tokenContext(check.service(), "access_token", check.accountId())),
                renewed.refreshToken() == null ? null
                        : cipher.seal(renewed.refreshToken(), ConnectionStore.tokenContext(check.service(), "refresh_token", check.accountId())),
                renewed.expiresAt());
    }
}
