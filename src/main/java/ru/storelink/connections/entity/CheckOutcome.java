package ru.storelink.connections.entity;

/** What one health check found (docs/providers.md, the error tables); its words are {@code outcome.<name>}. */
public enum CheckOutcome {
    /** The provider accepted the token. */
    WORKS,
    /** The provider refused the owner's credentials (revoked, expired beyond refresh, scope missing, account banned). */
    CREDENTIALS_REJECTED,
    /** The provider failed, not the connection: timeout, refused connection, 429, 5xx, a garbled answer, VK rate limits. */
    TEMPORARY,
    /** Our own application is misconfigured (VK error 28, Evotor 400): not the owner's problem. */
    OUR_MISCONFIGURATION
}
