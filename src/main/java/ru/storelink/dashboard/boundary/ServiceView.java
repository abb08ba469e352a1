package ru.storelink.dashboard.boundary;

import ru.storelink.connections.entity.ServiceType;

/** What every service's page shows: the service, whether it runs in demo mode, and its connection if any. */
public record ServiceView(ServiceType type, boolean demo, ConnectionDetails connection) {

    // Getters for Faces EL.
    public ServiceType getType() {
        return type;
    }

    public boolean isDemo() {
        return demo;
    }

    public boolean isConnected() {
        return connection != null;
    }

    /** Null when the owner has not connected the service. */
    public ConnectionDetails getConnection() {
        return connection;
    }
}
