package ru.storelink.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.accounts.control.LoginThrottlePolicy.State;

/**
 * Failed-login limits, stored in the database so that every instance enforces the same ones
 * (README, "Security notes"):
 * <ul>
 * <li>per e-mail address, registered or not: {@code accounts.login.max-failures} passwords checked within
 * {@code accounts.login.lockout-seconds} lock the address for as long. The attempt is counted
 * <em>before</em> its password is hashed, in one locked-row transaction, so a parallel burst gets at most
 * that many hashes; a correct password only clears the count it was part of.</li>
 * <li>per client address and for everyone: wrong passwords within a window
 * ({@code accounts.login.ip.*}, {@code accounts.login.global.*}); beyond it every login from there (or from
 * anywhere) is refused until the window ends, without hashing.</li>
 * </ul>
 * Settings are read at every attempt, so an admin can tighten them on a running instance.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int ATTEMPTS = 5;
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);
    /** Limits remembered at most; beyond (a flood from very many addresses) they are read each time. */
    private static final int KNOWN_LIMITS = 10_000;

    private final Map<String, OffsetDateTime> knownLimits = new ConcurrentHashMap<>();

    @Inject
    LoginLimitRows rows;

    /** Why an attempt is refused before any password is checked. */
    public enum Refusal {
        /** Admitted: the password is checked. */
        NONE,
        /** The e-mail address is locked (whether or not an account has it). */
        ADDRESS_LOCKED,
        /** Too many wrong passwords from this client or from everyone. */
        TOO_MANY_ATTEMPTS
    }

    /**
     * The throttle's answer to one attempt; hand it back to {@link #failed} or {@link #succeeded}.
     *
     * @param until for ADDRESS_LOCKED the end of the lock
     * @param lockSetHere when this admitted attempt itself locked the address, the lock's end
     */
    public record Admission(Refusal refusal, OffsetDateTime until, String addressKey, String clientKey,
            OffsetDateTime lockSetHere) {

        public boolean admitted() {
            return refusal == Refusal.NONE;
        }
    }

    /** A login attempt with {@code email} from {@code clientAddress}: counted, or refused. */
    public Admission admitLogin(String email, String clientAddress) {
        OffsetDateTime now = now();
        String client = ThrottleKeys.client(clientAddress);
        String address = ThrottleKeys.email(email);
        if (tooManyAttempts(client, now)) {
            return new Admission(Refusal.TOO_MANY_ATTEMPTS, null, address, client, null);
        }
        LoginLimitRows.Counted counted = retried(() -> rows.countAttempt(address, addressPolicy(), now));
        if (!counted.admitted()) {
            REFUSALS.refused("address locked", shown(address) + " until " + counted.state().lockedUntil());
            return new Admission(Refusal.ADDRESS_LOCKED, counted.state().lockedUntil(), address, client, null);
        }
        if (counted.lockSetHere() != null) {
            LOG.warning(() -> shown(address) + " locked until " + counted.lockSetHere() + " after "
                    + addressPolicy().maxFailures() + " attempts");
        }
        return new Admission(Refusal.NONE, null, address, client, counted.lockSetHere());
    }

    /** A registration from {@code clientAddress}: refused while that client (or everyone) is limited. */
    public Admission admitRegistration(String clientAddress) {
        String client = ThrottleKeys.client(clientAddress);
        boolean limited = tooManyAttempts(client, now());
        return new Admission(limited ? Refusal.TOO_MANY_ATTEMPTS : Refusal.NONE, null, null, client, null);
    }

    /** Whether every login and registration from {@code clientAddress} is refused now (it or everyone is limited). */
    public boolean limits(String clientAddress) {
        return tooManyAttempts(ThrottleKeys.client(clientAddress), now());
    }

    /** The admitted login's password was wrong (or its address unknown). */
    public void failed(Admission admission) {
        OffsetDateTime now = now();
        State client = retried(() -> rows.countFailure(admission.clientKey(), clientPolicy(), now));
        if (client.lockedAt(now) && client.lockedUntil().isEqual(now.plus(clientPolicy().lockout()))) {
            LOG.warning(() -> "Client " + admission.clientKey() + " limited until " + client.lockedUntil()
                    + " after " + clientPolicy().maxFailures() + " wrong passwords");
        }
        State everyone = retried(() -> rows.countFailure(ThrottleKeys.GLOBAL, globalPolicy(), now));
        if (everyone.lockedAt(now) && everyone.lockedUntil().isEqual(now.plus(globalPolicy().lockout()))) {
            LOG.severe(() -> "All logins limited until " + everyone.lockedUntil() + " after "
                    + globalPolicy().maxFailures() + " wrong passwords from all clients");
        }
    }

    /**
     * A registration refused because the address is taken: counted for the client, so that probing which
     * addresses are registered is limited like guessing passwords.
     */
    public void registrationRefused(Admission admission) {
        OffsetDateTime now = now();
        retried(() -> rows.countFailure(admission.clientKey(), clientPolicy(), now));
    }

    /** The admitted login's password was right. */
    public void succeeded(Admission admission) {
        OffsetDateTime now = now();
        retried(() -> rows.countSuccess(admission.addressKey(), admission.lockSetHere(), addressPolicy(), now));
    }

    /** The end of {@code email}'s lock, if it is locked now. */
    public Optional<OffsetDateTime> lockedUntil(String email) {
        return rows.lockedUntil(ThrottleKeys.email(email), now());
    }

    /** Forgets the rows whose window and lock have ended (called by a timer). */
    public int forgetEnded() {
        return rows.deleteEnded(now());
    }

    private boolean tooManyAttempts(String client, OffsetDateTime now) {
        // Remembered limits first: a limited client must not cost a query for the global row either.
        boolean clientKnown = remembered(client, now).isPresent();
        Optional<OffsetDateTime> everyone = clientKnown ? remembered(ThrottleKeys.GLOBAL, now) : limitOf(ThrottleKeys.GLOBAL, now);
        Optional<OffsetDateTime> here = everyone.isPresent() ? everyone : limitOf(client, now);
        here.ifPresent(until -> REFUSALS.refused(everyone.isPresent() ? "too many wrong passwords from all clients"
                : "too many wrong passwords from one client", client + " until " + until));
        return here.isPresent();
    }

    /** A limit on {@code subject} this instance has read and that is still in force; no query. */
    private Optional<OffsetDateTime> remembered(String subject, OffsetDateTime now) {
        OffsetDateTime known = knownLimits.get(subject);
        return known != null && known.isAfter(now) ? Optional.of(known) : Optional.empty();
    }

    /**
     * The limit on a client (or on everyone) in force now. A limit, once set, is never lifted before its end
     * (only an address lock can be, by its own right password), so one seen in the database is remembered
     * until then: a flood from a limited client is refused without a query per post.
     */
    private Optional<OffsetDateTime> limitOf(String subject, OffsetDateTime now) {
        Optional<OffsetDateTime> remembered = remembered(subject, now);
        if (remembered.isPresent()) {
            return remembered;
        }
        OffsetDateTime known = knownLimits.get(subject);
        Optional<OffsetDateTime> stored = rows.lockedUntil(subject, now);
        if (stored.isPresent()) {
            if (knownLimits.size() >= KNOWN_LIMITS) {
                knownLimits.values().removeIf(until -> !until.isAfter(now));
            }
            if (knownLimits.size() < KNOWN_LIMITS) {
                knownLimits.put(subject, stored.get());
            }
        } else if (known != null) {
            knownLimits.remove(subject, known);
        }
        return stored;
    }

    /** A parallel first insert of the same row makes one transaction fail; the next try finds the row. */
    private static <T> T retried(Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            } catch (PersistenceException | TransactionalException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static LoginThrottlePolicy addressPolicy() {
        Duration lockout = Duration.ofSeconds(value("accounts.login.lockout-seconds", 900));
        return new LoginThrottlePolicy((int) value("accounts.login.max-failures", 5), lockout, lockout);
    }

    static LoginThrottlePolicy clientPolicy() {
        Duration window = Duration.ofSeconds(value("accounts.login.ip.window-seconds", 60));
        return new LoginThrottlePolicy((int) value("accounts.login.ip.max-failures", 30), window, window);
    }

    static LoginThrottlePolicy globalPolicy() {
        Duration window = Duration.ofSeconds(value("accounts.login.global.window-seconds", 60));
        return new LoginThrottlePolicy((int) value("accounts.login.global.max-failures", 300), window, window);
    }

    private static long value(String key, long fallback) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(key, Long.class).orElse(fallback);
    }

    /** Milliseconds: the stored timestamps must compare equal to the ones computed here. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /** An address key shortened for the log: enough to follow one address, never the address itself. */
    private static String shown(String addressKey) {
        return addressKey.substring(0, Math.min(addressKey.length(), 18));
    }
}
