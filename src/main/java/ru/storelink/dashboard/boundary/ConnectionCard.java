package ru.storelink.dashboard.boundary;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;

/** One card of the dashboard, ready to render: no lookups happen while the page is written. */
public record ConnectionCard(ServiceType type, String details, ConnectionStatus status, String lastChecked,
        String note, boolean demo) {

    /** What the owner should know beyond the status: why it is red, or that the last check failed for now. */
    static String note(ProviderConnection connection) {
        String reason = connection.getLastCheckReason();
        if (connection.getState() == ConnectionStatus.NEEDS_RECONNECT) {
            return (reason == null ? "" : reason + ". ") + "Нажмите «Настроить» и подключите заново.";
        }
        if (connection.getState() == ConnectionStatus.SERVICE_UNAVAILABLE) {
            return (reason == null ? "" : reason + ". ") + "Подключение в порядке, ждём, пока сервис заработает.";
        }
        if (connection.getState() == ConnectionStatus.CANNOT_CHECK) {
            return (reason == null ? "" : reason + ". ") + "Это сбой на стороне Storelink, переподключать не нужно: мы уже разбираемся.";
        }
        if (connection.getLastCheckOutcome() == CheckOutcome.TEMPORARY) {
            return "Последняя проверка не удалась временно" + (reason == null ? "" : ": " + reason) + ". Проверим снова.";
        }
        return null;
    }

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

    public String getNote() {
        return note;
    }

    public boolean isDemo() {
        return demo;
    }
}
