package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.vk.control.VkMessages.User;
import ru.storelink.vk.entity.VkConnection;

/** Storing an account's VK connection with its profile and device. */
@ApplicationScoped
public class VkConnections extends ConnectionStore<VkConnection> {

    public VkConnections() {
        super(ServiceType.VK, VkConnection.class, VkConnection.OF_ACCOUNT, VkConnection.DELETE_OF_ACCOUNT);
    }

    @Transactional
    public VkConnection save(long accountId, Grant grant, User user, String deviceId) {
        return store(accountId, grant, VkConnection::new,
                connection -> connection.profile(user.id(), user.firstName(), user.lastName(), deviceId));
    }
}
