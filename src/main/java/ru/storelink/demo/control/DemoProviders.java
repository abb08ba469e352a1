package ru.storelink.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;

/**
 * The simulated Evotor and VK this application serves under /demo when their client ids are not
 * configured. A service with real credentials has no simulator: its demo endpoints answer 404.
 */
@ApplicationScoped
public class DemoProviders {

    @Inject
    ProviderConfiguration configuration;

    private SimulatedEvotor evotor;
    private SimulatedVk vk;

    @PostConstruct
    void start() {
        ProviderSettings evotorSettings = configuration.evotor();
        if (evotorSettings.demo()) {
            evotor = new SimulatedEvotor(evotorSettings.clientId(), evotorSettings.clientSecret(),
                    evotorSettings.redirectUri().toString());
        }
        ProviderSettings vkSettings = configuration.vk();
        if (vkSettings.demo()) {
            vk = new SimulatedVk(vkSettings.clientId(), vkSettings.redirectUri().toString());
        }
    }

    public Optional<SimulatedEvotor> evotor() {
        return Optional.ofNullable(evotor);
    }

    public Optional<SimulatedVk> vk() {
        return Optional.ofNullable(vk);
    }
}
