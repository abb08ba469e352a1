package ru.storelink.connections.entity;

/**
 * The state a card shows, in colour and in words, so it reads without colour too. Stored with each
 * connection ({@code state}); only the health checker and a new authorization change it.
 */
public enum ConnectionStatus {

    /** The last check (or the authorization) proved the connection works. */
    WORKING("Работает", "status-working", "bi-check-circle-fill"),
    /** The provider refused the owner's credentials: only the owner can fix it, by reconnecting. */
    NEEDS_RECONNECT("Требуется переподключение", "status-broken", "bi-x-circle-fill"),
    /** The provider itself has failed several checks in a row; reconnecting would not help. */
    SERVICE_UNAVAILABLE("Сервис недоступен", "status-broken", "bi-cloud-slash-fill"),
    /**
     * Storelink itself cannot check the connection (a token it cannot read, its own configuration refused by
     * the provider): neither green nor the owner's fault. Checked again at the normal interval.
     */
    CANNOT_CHECK("Не удаётся проверить", "status-unknown", "bi-exclamation-circle-fill"),
    /** Never checked. */
    NOT_CHECKED("Не проверено", "status-unknown", "bi-question-circle-fill");

    private final String text;
    private final String styleClass;
    private final String icon;

    ConnectionStatus(String text, String styleClass, String icon) {
        this.text = text;
        this.styleClass = styleClass;
        this.icon = icon;
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
