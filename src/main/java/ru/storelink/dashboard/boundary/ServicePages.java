package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.healthcheck.control.HealthStore;

/**
 * Backs the part that every service's page shares (WEB-INF/templates/service-page.xhtml): the signed-in
 * owner's connection of that service, its state and its check history. Read once per request and service.
 */
@Named
@RequestScoped
public class ServicePages {

    @Inject
    SignedInAccount account;

    @Inject
    Services services;

    @Inject
    ProviderConfiguration providers;

    @Inject
    CheckTimes times;

    @Inject
    HealthStore health;

    private final Map<String, ServiceView> views = new HashMap<>();

    /** The page of the service with this key (the service's own page names it). */
    public ServiceView of(String key) {
        return views.computeIfAbsent(key, this::read);
    }

    private ServiceView read(String key) {
        ConnectableService service = services.byKey(key).orElseThrow(() -> new IllegalArgumentException("No service " + key));
        boolean demo = providers.of(service.type()).demo();
        ConnectionDetails details = health.ofAccount(service, account.id())
                .map(found -> ConnectionDetails.of(found.connection(), found.health(), times,
                        health.history(service.type(), found.connection().getId())))
                .orElse(null);
        return new ServiceView(service.type(), demo, details);
    }
}
