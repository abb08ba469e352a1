package ru.storelink.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.storelink.accounts.control.LoginThrottlePolicy.State;
import ru.storelink.accounts.entity.Account;

/**
 * Applies {@link LoginThrottlePolicy} to stored accounts. The counters live in the database, not in memory,
 * so every application instance sharing the database enforces the same lock.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "accounts.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "accounts.login.lockout-seconds", defaultValue = "900")
    long lockoutSeconds;

    private LoginThrottlePolicy policy;

    @PostConstruct
    void configure() {
        policy = new LoginThrottlePolicy(maxFailures, Duration.ofSeconds(lockoutSeconds));
    }

    /** The end of the account's lock, if it is locked now. */
    public Optional<OffsetDateTime> lockedUntil(Account account) {
        State state = new State(account.getFailedLogins(), account.getLockedUntil());
        return state.lockedAt(now()) ? Optional.of(state.lockedUntil()) : Optional.empty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(long accountId) {
        // Locked row: parallel wrong guesses must each count.
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return;
        }
        State before = new State(account.getFailedLogins(), account.getLockedUntil());
        OffsetDateTime now = now();
        State after = policy.afterFailure(before, now);
        account.setThrottle(after.failures(), after.lockedUntil());
        if (after.lockedAt(now) && !before.lockedAt(now)) {
            LOG.warning(() -> "Account " + accountId + " locked until " + after.lockedUntil()
                    + " after " + maxFailures + " failed logins");
        } else {
            LOG.info(() -> "Failed login for account " + accountId + " (" + after.failures() + " in a row)");
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account != null && (account.getFailedLogins() != 0 || account.getLockedUntil() != null)) {
            account.setThrottle(State.CLEAR.failures(), State.CLEAR.lockedUntil());
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
