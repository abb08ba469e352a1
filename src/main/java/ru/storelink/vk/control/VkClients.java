package ru.storelink.vk.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;

/** The MicroProfile REST clients for VK ID and the VK API, with base URLs and timeouts from configuration. */
@ApplicationScoped
public class VkClients {

    @Inject
    ProviderConfiguration configuration;

    private VkIdApi id;
    private VkApi api;

    @PostConstruct
    void build() {
        ProviderSettings settings = configuration.vk();
        id = builder(settings).baseUri(settings.authorizationUrl()).build(VkIdApi.class);
        api = builder(settings).baseUri(settings.apiUrl()).build(VkApi.class);
    }

    private static RestClientBuilder builder(ProviderSettings settings) {
        return RestClientBuilder.newBuilder()
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    public VkIdApi id() {
        return id;
    }

    public VkApi api() {
        return api;
    }

    public ProviderSettings settings() {
        return configuration.vk();
    }
}
