package ru.storelink.vk.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;

/**
 * Demo mode: the simulated VK under /demo/vk, with the same HTTP contract as the real one, so that a
 * newcomer without credentials can click through connecting it. Public, like the real provider's
 * endpoints; it answers 404 when VK's client id is configured.
 */
@ApplicationPath("demo/vk")
public class VkDemoEndpoints extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true);
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(VkDemoResource.class);
    }
}
