package ru.storelink.healthcheck.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.NoSuchElementException;
import ru.storelink.connections.entity.ServiceType;

/** Every service's {@link Probe}, found by CDI like the services themselves. */
@ApplicationScoped
public class Probes {

    @Inject
    Instance<Probe> found;

    public Probe of(ServiceType service) {
        return found.stream().filter(probe -> probe.service().equals(service)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No probe for " + service));
    }
}
