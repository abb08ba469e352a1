package ru.storelink.vk.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;
import ru.storelink.connections.control.RestClients;

/** The MicroProfile REST clients for VK ID and the VK API, with base URLs and timeouts from configuration. */
@ApplicationScoped
public class VkClients {

    @Inject
    ProviderConfiguration configuration;

    private VkIdApi id;
    private VkApi api;

    @PostConstruct
    void build() {
        ProviderSettings settings = configuration.of(VkService.TYPE);
        id = RestClients.builder(settings).baseUri(settings.authorizationUrl()).build(VkIdApi.class);
        api = RestClients.builder(settings).baseUri(settings.apiUrl()).build(VkApi.class);
    }

    public VkIdApi id() {
        return id;
    }

    public VkApi api() {
        return api;
    }

    public ProviderSettings settings() {
        return configuration.of(VkService.TYPE);
    }
}
