package ru.storelink.accounts.control;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How attempts lock one subject (an e-mail address, a client address, or everyone): {@code maxFailures}
 * counted attempts within {@code window} lock the subject for {@code lockout}. Pure, so that every rule is a
 * plain unit test; {@link LoginThrottle} applies it to the stored rows.
 */
public record LoginThrottlePolicy(int maxFailures, Duration window, Duration lockout) {

    public LoginThrottlePolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("max-failures must be at least 1, was " + maxFailures);
        }
        if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("window and lockout must be positive");
        }
    }

    /**
     * The state of one subject: attempts counted in the current window, the window's end, and, when locked,
     * the end of the lock.
     */
    public record State(int failures, OffsetDateTime windowEnds, OffsetDateTime lockedUntil) {

        public static final State CLEAR = new State(0, null, null);

        public boolean lockedAt(OffsetDateTime now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** The state after one more counted attempt at {@code now}. A lock in force is never extended. */
    public State afterFailure(State current, OffsetDateTime now) {
        if (current.lockedAt(now)) {
            return current;
        }
        boolean windowOpen = current.windowEnds() != null && now.isBefore(current.windowEnds());
        int failures = (windowOpen ? current.failures() : 0) + 1;
        if (failures >= maxFailures) {
            // Counting starts again after the lock, so the owner gets the full number of attempts back.
            return new State(0, null, now.plus(lockout));
        }
        return new State(failures, windowOpen ? current.windowEnds() : now.plus(window), null);
    }

    /**
     * The state after a correct password whose attempt was counted at a time when the subject was not
     * locked. The count is cleared; a lock in force stays unless this very attempt set it
     * ({@code lockSetByThisAttempt}): otherwise a correct password racing a burst of wrong ones would lift
     * the lock the burst earned.
     */
    public State afterSuccess(State current, OffsetDateTime lockSetByThisAttempt, OffsetDateTime now) {
        if (current.lockedAt(now)
                && (lockSetByThisAttempt == null || !current.lockedUntil().isEqual(lockSetByThisAttempt))) {
            return current;
        }
        return State.CLEAR;
    }
}
