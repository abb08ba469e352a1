package ru.storelink.accounts.control;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * When repeated wrong passwords lock an account, and for how long. The lock belongs to the account, so an
 * attacker guessing one owner's password slows down nobody else.
 */
public record LoginThrottlePolicy(int maxFailures, Duration lockout) {

    public LoginThrottlePolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("accounts.login.max-failures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("accounts.login.lockout-seconds must be positive");
        }
    }

    /** The throttle state of an account: consecutive failures and, when locked, the end of the lock. */
    public record State(int failures, OffsetDateTime lockedUntil) {

        public static final State CLEAR = new State(0, null);

        public boolean lockedAt(OffsetDateTime now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** The state after one more wrong password at {@code now}. */
    public State afterFailure(State current, OffsetDateTime now) {
        if (current.lockedAt(now)) {
            return current;
        }
        int failures = current.failures() + 1;
        if (failures >= maxFailures) {
            // Counting starts again after the lock, so the owner gets the full number of attempts back.
            return new State(0, now.plus(lockout));
        }
        return new State(failures, null);
    }
}
