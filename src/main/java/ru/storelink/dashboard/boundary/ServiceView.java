package ru.storelink.dashboard.boundary;

import ru.storelink.connections.entity.ServiceType;

/** What every service's page shows: the service, whether it runs in demo mode, its connection if any and how reliable it has been. */
public record ServiceView(ServiceType type, boolean demo, ConnectionDetails connection, Reliability reliability) {

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

    /** Null when the owner has not connected the service. */
    public Reliability getReliability() {
        return reliability;
    }
}
