package ru.storelink.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import ru.storelink.accounts.control.LoginThrottlePolicy.State;
import ru.storelink.accounts.entity.LoginLimit;

/**
 * The {@code login_limit} rows, each change in its own short transaction with the row locked
 * ({@code SELECT … FOR UPDATE}), so that parallel attempts on any instance are counted one after another.
 * A missing row is inserted; when a parallel transaction inserted it first, the insert fails and
 * {@link LoginThrottle} simply tries again (then the row exists and is locked like any other).
 */
@ApplicationScoped
public class LoginLimitRows {

    @PersistenceContext
    EntityManager em;

    /** What {@link #countAttempt} decided. */
    public record Counted(boolean admitted, State state, OffsetDateTime lockSetHere) {
    }

    /**
     * Atomically: refuses when {@code subject} is locked, otherwise counts one attempt on it (which may lock
     * it: then {@code lockSetHere} is the lock's end).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Counted countAttempt(String subject, LoginThrottlePolicy policy, OffsetDateTime now) {
        LoginLimit row = lockedRow(subject);
        State before = stateOf(row);
        if (before.lockedAt(now)) {
            return new Counted(false, before, null);
        }
        State after = policy.afterFailure(before, now);
        write(row, after);
        return new Counted(true, after, after.lockedAt(now) ? after.lockedUntil() : null);
    }

    /** Atomically: one more wrong attempt for {@code subject}; the state afterwards. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public State countFailure(String subject, LoginThrottlePolicy policy, OffsetDateTime now) {
        LoginLimit row = lockedRow(subject);
        State after = policy.afterFailure(stateOf(row), now);
        write(row, after);
        return after;
    }

    /** Atomically: a correct password for {@code subject} (see {@link LoginThrottlePolicy#afterSuccess}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public State countSuccess(String subject, OffsetDateTime lockSetHere, LoginThrottlePolicy policy,
            OffsetDateTime now) {
        LoginLimit row = em.find(LoginLimit.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return State.CLEAR;
        }
        State after = policy.afterSuccess(stateOf(row), lockSetHere, now);
        write(row, after);
        return after;
    }

    /** The lock of {@code subject} if one is in force; a plain read, no row lock. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OffsetDateTime> lockedUntil(String subject, OffsetDateTime now) {
        LoginLimit row = em.find(LoginLimit.class, subject);
        return row == null || !stateOf(row).lockedAt(now) ? Optional.empty() : Optional.of(row.getLockedUntil());
    }

    /** Deletes the rows whose window and lock have both ended; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteEnded(OffsetDateTime now) {
        return em.createNamedQuery(LoginLimit.DELETE_ENDED).setParameter("now", now).executeUpdate();
    }

    private LoginLimit lockedRow(String subject) {
        LoginLimit row = em.find(LoginLimit.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new LoginLimit(subject);
            em.persist(row);
            // Now, inside this method: a parallel insert of the same subject fails here, not at commit.
            em.flush();
        }
        return row;
    }

    private static State stateOf(LoginLimit row) {
        return new State(row.getFailures(), row.getWindowEnds(), row.getLockedUntil());
    }

    private static void write(LoginLimit row, State state) {
        row.set(state.failures(), state.windowEnds(), state.lockedUntil());
    }
}
