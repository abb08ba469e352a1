package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderEndpoints;
import ru.storelink.connections.entity.ServiceType;

/** VK: the owner's profile, through which products are published to their group's market. */
@ApplicationScoped
public class VkService {

    public static final ServiceType TYPE = new ServiceType("vk", "bi-chat-dots");

    // {id}/authorize, {id}/oauth2/auth, {api}/method/users.get; the simulator at /demo/vk/id and /demo/vk/api.
    @Produces
    ConnectableService vk(VkConnect connect, VkConnections connections) {
        return new ConnectableService(TYPE, 20, new ProviderEndpoints(
                "vk.id-url", "https://id.vk.com", "vk.api-url", "https://api.vk.com", "/id", "/api"),
                connect, connections);
    }
}
