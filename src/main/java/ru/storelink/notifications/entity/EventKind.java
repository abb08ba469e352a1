package ru.storelink.notifications.entity;

import ru.storelink.connections.entity.ConnectionStatus;

/** What a notification tells of; each kind is switched on or off by the owner for e-mail. */
public enum EventKind {

    /** «Требуется переподключение»: only the owner can fix it. */
    BROKEN,
    /** «Сервис недоступен», once it has lasted {@code notify.unavailable-after-seconds}. */
    UNAVAILABLE,
    /** «Работает» again after a break the owner was told of. */
    RECOVERED;

    /** The kind a check's change of state is told as, or null when it is told as nothing. */
    public static EventKind of(ConnectionStatus from, ConnectionStatus to) {
        return switch (to) {
            case NEEDS_RECONNECT -> BROKEN;
            case SERVICE_UNAVAILABLE -> UNAVAILABLE;
            case WORKING -> from == ConnectionStatus.NEEDS_RECONNECT || from == ConnectionStatus.SERVICE_UNAVAILABLE ? RECOVERED : null;
            default -> null;
        };
    }
}
