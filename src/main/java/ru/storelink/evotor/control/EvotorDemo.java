package ru.storelink.evotor.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.ProviderSettings;

/** The simulated Evotor of demo mode; none when Evotor's client id is configured. */
@ApplicationScoped
public class EvotorDemo {

    @Inject
    ProviderConfiguration configuration;

    private SimulatedEvotor simulator;

    @PostConstruct
    void start() {
        ProviderSettings settings = configuration.of(EvotorService.TYPE);
        if (settings.demo()) {
            simulator = new SimulatedEvotor(settings.clientId(), settings.clientSecret(), settings.redirectUri().toString());
        }
    }

    public Optional<SimulatedEvotor> simulator() {
        return Optional.ofNullable(simulator);
    }
}
