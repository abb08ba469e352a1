package ru.storelink.evotor.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;
import ru.storelink.evotor.control.EvotorService;

/**
 * {@code /evotor/connect}, {@code /evotor/callback} and {@code /evotor/disconnect}. The prefix is this
 * application's own, so that the Faces page {@code /evotor} (an exact mapping) keeps its URL.
 */
@ApplicationPath("evotor")
public class EvotorEndpoints extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ServiceResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true, ServiceResource.SERVICE, EvotorService.TYPE);
    }
}
