package ru.storelink.vk.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;
import ru.storelink.vk.control.VkService;

/**
 * {@code /vk/connect}, {@code /vk/callback} and {@code /vk/disconnect}. The prefix is this application's
 * own, so that the Faces page {@code /vk} (an exact mapping) keeps its URL.
 */
@ApplicationPath("vk")
public class VkEndpoints extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ServiceResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true, ServiceResource.SERVICE, VkService.TYPE);
    }
}
