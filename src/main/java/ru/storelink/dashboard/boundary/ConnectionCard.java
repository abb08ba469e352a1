package ru.storelink.dashboard.boundary;

import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.entity.ConnectionHealth;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/** One card of the dashboard, ready to render: no lookups happen while the page is written. */
public record ConnectionCard(ServiceType type, long connectionId, String details, ConnectionStatus status, String lastChecked,
        String note, boolean demo, StripView strip) {

    /** This card with its history. */
    ConnectionCard withStrip(StripView history) {
        return new ConnectionCard(type, connectionId, details, status, lastChecked, note, demo, history);
    }

    /** The status a card shows: the checker's, or «Не проверялось» while it has none. */
    static ConnectionStatus status(ConnectionHealth health) {
        return health == null ? ConnectionStatus.NOT_CHECKED : health.getState();
    }

    /** What the owner should know beyond the status: why it is red, or that the last check failed for now. */
    static String note(ConnectionHealth health) {
        if (health == null) {
            return null;
        }
        String kind = switch (health.getState()) {
            case NEEDS_RECONNECT, SERVICE_UNAVAILABLE, CANNOT_CHECK -> health.getState().name();
            default -> health.getLastCheckOutcome() == CheckOutcome.TEMPORARY ? CheckOutcome.TEMPORARY.name() : null;
        };
        if (kind == null) {
            return null;
        }
        return Message.decoded(health.getLastCheckReason())
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

    /** The card's «Последняя проверка: …» line. */
    public String getCheckedText() {
        return lastChecked == null || lastChecked.isEmpty() ? Texts.render("card.never-checked") : Texts.render("card.last-check", lastChecked);
    }

    public String getNote() {
        return note;
    }

    /** A red «Требуется переподключение» card offers «Переподключить»: the service's consent, back to the dashboard. */
    public boolean isReconnectNeeded() {
        return status == ConnectionStatus.NEEDS_RECONNECT;
    }

    public boolean isDemo() {
        return demo;
    }

    /** The last 30 days; null on the refresh's cards, which leave the strip as the page drew it. */
    public StripView getStrip() {
        return strip;
    }
}
