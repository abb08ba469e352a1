package ru.storelink.vk.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;

/** The simulated VK ID and VK API of demo mode; none when VK's client id is configured. */
@ApplicationScoped
public class VkDemo {

    @Inject
    ProviderConfiguration configuration;

    private SimulatedVk simulator;

    @PostConstruct
    void start() {
        ProviderSettings settings = configuration.of(VkService.TYPE);
        if (settings.demo()) {
            simulator = new SimulatedVk(settings.clientId(), settings.redirectUri().toString());
        }
    }

    public Optional<SimulatedVk> simulator() {
        return Optional.ofNullable(simulator);
    }
}
