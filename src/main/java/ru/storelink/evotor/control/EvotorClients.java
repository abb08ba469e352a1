package ru.storelink.evotor.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;

/** The MicroProfile REST clients for Evotor, with base URLs and timeouts from configuration. */
@ApplicationScoped
public class EvotorClients {

    @Inject
    ProviderConfiguration configuration;

    private EvotorOAuthApi oauth;
    private EvotorApi api;

    @PostConstruct
    void build() {
        ProviderSettings settings = configuration.evotor();
        oauth = builder(settings).baseUri(settings.authorizationUrl()).build(EvotorOAuthApi.class);
        api = builder(settings).baseUri(settings.apiUrl()).build(EvotorApi.class);
    }

    private static RestClientBuilder builder(ProviderSettings settings) {
        return RestClientBuilder.newBuilder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    public EvotorOAuthApi oauth() {
        return oauth;
    }

    public EvotorApi api() {
        return api;
    }

    public ProviderSettings settings() {
        return configuration.evotor();
    }
}
