package ru.storelink.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Jakarta Security's PBKDF2 hash, tuned: PBKDF2-HMAC-SHA256 with a 32-byte random salt per password and
 * {@code accounts.password.iterations} rounds (Soteria's default of 2048 is far too weak for 2026 hardware).
 * The iteration count is stored inside each hash, so raising it later keeps old passwords verifiable.
 *
 * <p>One hash costs about 120 ms of one core, and it is the only thing an anonymous visitor can make us
 * compute. So hashing happens only inside a {@link #inTurn turn}: at most
 * {@code accounts.password.hashing-threads} at once (default: the number of cores), at most as many more
 * waiting up to {@code accounts.password.hashing-wait-ms} for theirs, and everyone beyond that is refused at
 * once ({@link HashingBusyException}, HTTP 429). Signed-in owners never hash, so a flood of logins leaves
 * them CPU and request threads. Every hash is counted in the metric {@code password_hashes_total}.
 */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; the application refuses to start below it. */
    public static final int MIN_ITERATIONS = 600_000;

    /** Exposed as {@code password_hashes_total}: MicroProfile Metrics appends {@code _total} to counters. */
    static final String METRIC = "password_hashes";

    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "accounts.password.iterations", defaultValue = "600000")
    int iterations;

    @Inject
    @ConfigProperty(name = "accounts.password.hashing-threads")
    Optional<Integer> configuredThreads;

    @Inject
    @ConfigProperty(name = "accounts.password.hashing-wait-ms", defaultValue = "250")
    long waitMillis;

    /** Verified when the email is unknown, so that the answer takes as long as for a real account. */
    private String decoy;
    /** Hashing turns. */
    private Semaphore running;
    /** Turns plus waiting places: a request that finds none is refused without waiting. */
    private Semaphore admitted;
    private Counter hashes;

    @PostConstruct
    void configure() {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("accounts.password.iterations is " + iterations
                    + "; at least " + MIN_ITERATIONS + " are required");
        }
        int threads = configuredThreads.orElse(Runtime.getRuntime().availableProcessors());
        if (threads < 1 || waitMillis < 0) {
            throw new IllegalStateException("accounts.password.hashing-threads must be at least 1 and "
                    + "accounts.password.hashing-wait-ms not negative");
        }
        running = new Semaphore(threads, true);
        admitted = new Semaphore(2 * threads);
        hashes = metrics.counter(METRIC);
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
        LOG.info(() -> "Password hashing: " + threads + " at once, as many waiting at most " + waitMillis + " ms");
    }

    /**
     * Runs {@code work}, which may hash, in a hashing turn.
     *
     * @throws HashingBusyException when no turn is free within the wait and no waiting place either
     */
    public <T> T inTurn(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            throw new HashingBusyException();
        }
        try {
            if (!running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException();
            }
            try {
                return work.get();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        } finally {
            admitted.release();
        }
    }

    /**
     * Whether {@link #inTurn} would find a turn or a waiting place now: a snapshot, for refusing a post before
     * any work is spent on it (the turn itself is still taken, and may still be refused, in {@link #inTurn}).
     */
    public boolean hasRoom() {
        return admitted.availablePermits() > 0;
    }

    /** Only inside {@link #inTurn}. */
    public String hash(String password) {
        hashes.inc();
        return pbkdf2.generate(password.toCharArray());
    }

    /** Only inside {@link #inTurn}. */
    public boolean matches(String password, String storedHash) {
        hashes.inc();
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Only inside {@link #inTurn}. Spends the same time as {@link #matches} and always fails. */
    public void spendTimeOnUnknownAccount(String password) {
        hashes.inc();
        pbkdf2.verify(password.toCharArray(), decoy);
    }
}
