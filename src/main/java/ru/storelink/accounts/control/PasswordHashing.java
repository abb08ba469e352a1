package ru.storelink.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Security's PBKDF2 hash, tuned: PBKDF2-HMAC-SHA256 with a 32-byte random salt per password and
 * {@code accounts.password.iterations} rounds (Soteria's default of 2048 is far too weak for 2026 hardware).
 * The iteration count is stored inside each hash, so raising it later keeps old passwords verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; the application refuses to start below it. */
    public static final int MIN_ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "accounts.password.iterations", defaultValue = "600000")
    int iterations;

    /** Verified when the email is unknown, so that the answer takes as long as for a real account. */
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("accounts.password.iterations is " + iterations
                    + "; at least " + MIN_ITERATIONS + " are required");
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy password, never matches".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as {@link #matches} and always fails. */
    public void spendTimeOnUnknownAccount(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
    }
}
