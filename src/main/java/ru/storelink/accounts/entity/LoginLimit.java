package ru.storelink.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The failed-login count of one subject (an e-mail address, a client address, or everything), kept in the
 * database so that every instance enforces the same limit. What the subjects are and how they count is
 * decided in {@code accounts.control.LoginThrottle}; this is only the row.
 */
@Entity
@Table(name = "login_limit")
@NamedQuery(name = LoginLimit.DELETE_ENDED,
        query = "DELETE FROM LoginLimit l WHERE (l.lockedUntil IS NULL OR l.lockedUntil < :now)"
                + " AND (l.windowEnds IS NULL OR l.windowEnds < :now)")
public class LoginLimit {

    public static final String DELETE_ENDED = "LoginLimit.deleteEnded";

    @Id
    @Column(length = 80)
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_ends")
    private OffsetDateTime windowEnds;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    protected LoginLimit() {
        // for JPA
    }

    public LoginLimit(String subject) {
        this.subject = subject;
    }

    public int getFailures() {
        return failures;
    }

    public OffsetDateTime getWindowEnds() {
        return windowEnds;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public void set(int failures, OffsetDateTime windowEnds, OffsetDateTime lockedUntil) {
        this.failures = failures;
        this.windowEnds = windowEnds;
        this.lockedUntil = lockedUntil;
    }
}
