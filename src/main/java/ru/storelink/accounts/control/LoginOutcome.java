package ru.storelink.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import java.time.OffsetDateTime;

/**
 * How this request's login attempt ended, as the identity store decided it. Jakarta Security only tells the
 * login page "not signed in"; the page needs to know why, to answer 401 or 429 with the right words, without
 * asking the database a second time.
 */
@RequestScoped
public class LoginOutcome {

    public enum Kind {
        NOT_TRIED,
        SIGNED_IN,
        /** Wrong password or unknown address: deliberately one answer. */
        WRONG_CREDENTIALS,
        /** The address is locked (see {@link #lockedUntil()}), whether or not an account has it. */
        ADDRESS_LOCKED,
        /** Hashing is busy, or too many wrong passwords came from this client or from everyone. */
        TOO_MANY_ATTEMPTS
    }

    private Kind kind = Kind.NOT_TRIED;
    private OffsetDateTime lockedUntil;

    void record(Kind kind, OffsetDateTime lockedUntil) {
        this.kind = kind;
        this.lockedUntil = lockedUntil;
    }

    public Kind kind() {
        return kind;
    }

    public OffsetDateTime lockedUntil() {
        return lockedUntil;
    }
}
