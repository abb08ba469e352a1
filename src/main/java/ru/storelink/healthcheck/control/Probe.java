package ru.storelink.healthcheck.control;

import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.ServiceType;

/**
 * One service's health check: one cheap authenticated call, renewing the grant through
 * {@link Credentials#renew} when the service's rules say so (never by calling the token endpoint itself).
 */
public interface Probe {

    ServiceType service();

    /** Never throws for provider trouble: every failure is an outcome. */
    ProbeResult probe(ClaimedCheck check, Credentials credentials);
}
