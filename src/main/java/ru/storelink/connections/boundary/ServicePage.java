package ru.storelink.connections.boundary;

import java.io.Serializable;
import ru.storelink.connections.control.ConnectionStatus;
import ru.storelink.connections.entity.ProviderConnection;

/** What the /evotor and /vk pages show about the connection itself, copied out of the entity. */
public record ServicePage(ConnectionStatus status, String lastChecked, String connectedAt) implements Serializable {

    public static ServicePage of(ProviderConnection connection, ru.storelink.connections.control.CheckTimes times) {
        return new ServicePage(ConnectionStatus.of(connection), times.format(connection.getLastCheckedAt()),
                times.format(connection.getConnectedAt()));
    }

    public ConnectionStatus getStatus() {
        return status;
    }

    public String getLastChecked() {
        return lastChecked;
    }

    public String getConnectedAt() {
        return connectedAt;
    }
}
