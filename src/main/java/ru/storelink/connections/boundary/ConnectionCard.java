package ru.storelink.connections.boundary;

import ru.storelink.connections.control.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;

/** One card of the dashboard, ready to render: no lookups happen while the page is written. */
public record ConnectionCard(ServiceType type, String details, ConnectionStatus status, String lastChecked, boolean demo) {

    // Getters for Faces EL.
    public ServiceType getType() {
        return type;
    }

    public String getDetails() {
        return details;
    }

    public ConnectionStatus getStatus() {
        return status;
    }

    public String getLastChecked() {
        return lastChecked;
    }

    public boolean isDemo() {
        return demo;
    }

    public String getConfirmation() {
        return "Вы уверены, что хотите отключить " + type.title() + "?";
    }
}
