package ru.storelink.connections.control;

import ru.storelink.connections.entity.ProviderConnection;

/**
 * The status a card shows, in colour and in words, so it reads without colour too. Until the first check
 * a connection is grey; after that the result of the latest check decides.
 */
public enum ConnectionStatus {

    WORKING("Работает", "status-working", "bi-check-circle-fill"),
    NEEDS_RECONNECT("Требуется переподключение", "status-broken", "bi-x-circle-fill"),
    NOT_CHECKED("Не проверено", "status-unknown", "bi-question-circle-fill");

    private final String text;
    private final String styleClass;
    private final String icon;

    ConnectionStatus(String text, String styleClass, String icon) {
        this.text = text;
        this.styleClass = styleClass;
        this.icon = icon;
    }

    public static ConnectionStatus of(ProviderConnection connection) {
        if (connection.getLastCheckedAt() == null) {
            return NOT_CHECKED;
        }
        return connection.isOnline() ? WORKING : NEEDS_RECONNECT;
    }

    public String getText() {
        return text;
    }

    public String getStyleClass() {
        return styleClass;
    }

    public String getIcon() {
        return icon;
    }
}
