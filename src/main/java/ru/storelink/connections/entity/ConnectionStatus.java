package ru.storelink.connections.entity;

/**
 * The state a card shows, in colour, icon and words (the words are {@code status.<name>} in the message
 * bundle), so it reads without colour too. Stored with each connection ({@code state}); only the health
 * checker and a new authorization change it.
 */
public enum ConnectionStatus {

    /** The last check (or the authorization) proved the connection works. */
    WORKING("status-working", "bi-check-circle-fill"),
    /** The provider refused the owner's credentials: only the owner can fix it, by reconnecting. */
    NEEDS_RECONNECT("status-broken", "bi-x-circle-fill"),
    /** The provider itself has failed several checks in a row; reconnecting would not help. */
    SERVICE_UNAVAILABLE("status-broken", "bi-cloud-slash-fill"),
    /**
     * Storelink itself cannot check the connection (a token it cannot read, its own configuration refused by
     * the provider): neither green nor the owner's fault. Checked again at the normal interval.
     */
    CANNOT_CHECK("status-unknown", "bi-exclamation-circle-fill"),
    /** Never checked. */
    NOT_CHECKED("status-unknown", "bi-question-circle-fill");

    private final String styleClass;
    private final String icon;

    ConnectionStatus(String styleClass, String icon) {
        this.styleClass = styleClass;
        this.icon = icon;
    }

    /** Its words' code in the message bundle. */
    public String getTextCode() {
        return "status." + name();
    }

    public String getStyleClass() {
        return styleClass;
    }

    public String getIcon() {
        return icon;
    }
}
