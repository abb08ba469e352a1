package ru.storelink.dashboard.boundary;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/** One card of the dashboard, ready to render: no lookups happen while the page is written. */
public record ConnectionCard(ServiceType type, String details, ConnectionStatus status, String lastChecked,
        String note, boolean demo) {

    /** What the owner should know beyond the status: why it is red, or that the last check failed for now. */
    static String note(ProviderConnection connection) {
        String kind = switch (connection.getState()) {
            case NEEDS_RECONNECT, SERVICE_UNAVAILABLE, CANNOT_CHECK -> connection.getState().name();
            default -> connection.getLastCheckOutcome() == CheckOutcome.TEMPORARY ? CheckOutcome.TEMPORARY.name() : null;
        };
        if (kind == null) {
            return null;
        }
        return Message.decoded(connection.getLastCheckReason())
                .map(reason -> Texts.render("note." + kind + ".because", Texts.render(reason)))
                .orElseGet(() -> Texts.render("note." + kind));
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
