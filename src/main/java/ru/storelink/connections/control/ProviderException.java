package ru.storelink.connections.control;

import java.util.Optional;
import ru.storelink.texts.Message;

/**
 * A provider call that did not give us what we need. The reason decides what the owner is told; the
 * detail goes to the log only and never contains a token or an authorization code.
 */
public class ProviderException extends Exception {

    public enum Reason {
        /** The authorization code or refresh token was refused ({@code invalid_grant}). */
        GRANT_REFUSED,
        /** The provider refused our credentials or the user's token (401, 403, VK 5/7/15...). */
        ACCESS_REFUSED,
        /** 429, 5xx, a timeout or a refused connection: the provider, not the connection, is failing. */
        UNAVAILABLE,
        /** An answer we cannot understand. */
        MALFORMED,
        /** The provider's account has nothing this service can connect (Evotor: no store); the service says what. */
        NOTHING_TO_CONNECT
    }

    private final Reason reason;
    private final Message toOwner;

    public ProviderException(Reason reason, String detail) {
        this(reason, detail, (Message) null);
    }

    /** @param toOwner what the owner is told, in the service's own words, instead of the reason's sentence */
    public ProviderException(Reason reason, String detail, Message toOwner) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.toOwner = toOwner;
    }

    public ProviderException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.toOwner = null;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Message> toOwner() {
        return Optional.ofNullable(toOwner);
    }
}
