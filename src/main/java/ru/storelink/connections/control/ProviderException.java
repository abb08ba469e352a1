package ru.storelink.connections.control;

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
        /** The Evotor account has no store to connect. */
        NO_STORE
    }

    private final Reason reason;

    public ProviderException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public ProviderException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
