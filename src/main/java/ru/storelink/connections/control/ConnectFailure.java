package ru.storelink.connections.control;

import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Message;

/** Why connecting a service did not work; what the owner is told is {@code connect.<name>}. Nothing is stored in any case. */
public enum ConnectFailure {

    DENIED,
    STALE_STATE,
    BAD_CALLBACK,
    GRANT_REFUSED,
    ACCESS_REFUSED,
    UNAVAILABLE,
    MALFORMED,
    NOTHING_TO_CONNECT;

    /** What the owner is told, naming the service. */
    public Message message(ServiceType type) {
        return Message.of("connect." + name(), type.title());
    }

    /** What the owner is told of a failed provider call: the service's own words if it has any. */
    public static Message message(ServiceType type, ProviderException e) {
        return e.toOwner().orElseGet(() -> of(e.reason()).message(type));
    }

    public static ConnectFailure of(ProviderException.Reason reason) {
        return switch (reason) {
            case GRANT_REFUSED -> GRANT_REFUSED;
            case ACCESS_REFUSED -> ACCESS_REFUSED;
            case UNAVAILABLE -> UNAVAILABLE;
            case MALFORMED -> MALFORMED;
            case NOTHING_TO_CONNECT -> NOTHING_TO_CONNECT;
        };
    }
}
