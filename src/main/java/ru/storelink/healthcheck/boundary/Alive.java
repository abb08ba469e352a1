package ru.storelink.healthcheck.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the process answers. Deliberately nothing else: a liveness probe that depended on
 * the database, Evotor or VK would have healthy servers restarted during someone else's outage.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("storelink");
    }
}
