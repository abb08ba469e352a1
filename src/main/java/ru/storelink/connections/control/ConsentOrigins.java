package ru.storelink.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import ru.storelink.web.FormRedirectOrigins;

/**
 * The providers' consent pages, where «Подключить» and «Переподключить» lead: a login that continues to
 * one of them ends there, so the pages' CSP {@code form-action} must allow it (demo mode's simulators are
 * our own origin already).
 */
@ApplicationScoped
public class ConsentOrigins implements FormRedirectOrigins {

    @Inject
    Services services;

    @Inject
    ProviderConfiguration providers;

    @Override
    public List<String> origins() {
        // Every service, switched on or not: the policy is made once, and an admin may switch one on later.
        return services.everyType().stream()
                .map(type -> providers.of(type).authorizationUrl())
                .map(ConsentOrigins::origin)
                .distinct()
                .toList();
    }

    static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
