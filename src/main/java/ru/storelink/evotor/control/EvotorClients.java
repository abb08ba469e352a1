package ru.storelink.evotor.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;
import ru.storelink.connections.control.RestClients;

/** The MicroProfile REST clients for Evotor, with base URLs and timeouts from configuration. */
@ApplicationScoped
public class EvotorClients {

    @Inject
    ProviderConfiguration configuration;

    private EvotorOAuthApi oauth;
    private EvotorApi api;

    @PostConstruct
    void build() {
        ProviderSettings settings = configuration.of(EvotorService.TYPE);
        oauth = RestClients.builder(settings).baseUri(settings.authorizationUrl()).build(EvotorOAuthApi.class);
        api = RestClients.builder(settings).baseUri(settings.apiUrl()).build(EvotorApi.class);
    }

    public EvotorOAuthApi oauth() {
        return oauth;
    }

    public EvotorApi api() {
        return api;
    }

    public ProviderSettings settings() {
        return configuration.of(EvotorService.TYPE);
    }
}
