package ru.storelink.vk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.Transactional;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.vk.control.VkMessages.User;
import ru.storelink.vk.entity.VkConnection;

/** Storing an account's VK connection with its profile and device. */
// Only its own type: a client proxy restored from a replicated session is built for every bean type, and
// the abstract ConnectionStore (constructor with arguments) cannot be proxied.
@Typed(VkConnections.class)
@ApplicationScoped
public class VkConnections extends ConnectionStore<VkConnection> {

    public VkConnections() {
        super(VkService.TYPE, VkConnection.class, VkConnection.OF_ACCOUNT, VkConnection.DELETE_OF_ACCOUNT);
    }

    @Transactional
    public VkConnection save(long accountId, Grant grant, User user, String deviceId) {
        return store(accountId, grant, VkConnection::new,
                connection -> connection.profile(user.id(), user.firstName(), user.lastName(), deviceId));
    }

    @Override
    protected String details(VkConnection connection) {
        return connection.getFirstName() + " " + connection.getLastName();
    }

    @Override
    public String checkDetailColumn() {
        return "device_id";
    }
}
