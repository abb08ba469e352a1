package ru.storelink.evotor.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;

/**
 * Demo mode: the simulated Evotor under /demo/evotor, with the same HTTP contract as the real one, so that a
 * newcomer without credentials can click through connecting it. Public, like the real provider's
 * endpoints; it answers 404 when Evotor's client id is configured.
 */
@ApplicationPath("demo/evotor")
public class EvotorDemoEndpoints extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(EvotorDemoResource.class);
    }
}
