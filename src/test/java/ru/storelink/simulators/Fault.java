package ru.storelink.simulators;

/** A misbehaviour a simulator can be told to show on its next answers (docs/providers.md, "Errors"). */
public enum Fault {
    /** HTTP 500 with an HTML body, as a failing proxy would answer. */
    SERVER_ERROR,
    /** HTTP 429. */
    RATE_LIMITED,
    /** HTTP 200 with a body that is not JSON. */
    MALFORMED_BODY,
    /** No answer until long after our read timeout. */
    TIMEOUT,
    /** Answer normally, but only after a pause shorter than our read timeout. */
    SLOW,
    /**
     * HTTP 200 at once, then the body one byte every {@link ProviderSimulator#DRIP_EVERY}: every read is
     * quick, the answer never ends in time (only an overall deadline stops it).
     */
    DRIP,
    /** HTTP 200 with a 5 MB body (valid JSON as far as it goes): a provider must not fill our heap. */
    HUGE_BODY,
    /** Never answer (the connection stays open). */
    HANG_FOREVER
}
