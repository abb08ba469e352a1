package ru.storelink.healthcheck.control;

import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.entity.ServiceType;

/** One service's health check: one cheap authenticated call, refreshing the token when the rules say so. */
public interface Probe {

    ServiceType service();

    /** Never throws for provider trouble: every failure is an outcome. */
    ProbeResult probe(ClaimedCheck check, String accessToken, String refreshToken);
}
