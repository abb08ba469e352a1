package ru.storelink.connections.control;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.connections.entity.ServiceType;

/**
 * The OAuth {@code state} values this browser session started, each bound to the service it was issued
 * for and usable once. A state from another session (another owner), a replayed one, an expired one or
 * one issued for the other service (mix-up attack) is refused. For VK the PKCE verifier travels with it.
 */
@SessionScoped
public class PendingAuthorizations implements Serializable {

    private static final long serialVersionUID = 1L;

    static final Duration LIFETIME = Duration.ofMinutes(15);
    /** A session never holds more than this many unfinished authorizations. */
    static final int MAX_PENDING = 8;

    private static final Logger LOG = Logger.getLogger(PendingAuthorizations.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** One started authorization. */
    public record Pending(ServiceType type, String state, String codeVerifier, Instant issuedAt) implements Serializable {

        /** PKCE S256: BASE64URL(SHA-256(verifier)) without padding. */
        public String codeChallenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return "Pending[" + type + ", issuedAt=" + issuedAt + "]";
        }
    }

    public synchronized Pending issue(ServiceType type) {
        Pending started = new Pending(type, random(32), random(48), Instant.now());
        pending.put(started.state(), started);
        for (Iterator<String> oldest = pending.keySet().iterator(); pending.size() > MAX_PENDING;) {
            oldest.next();
            oldest.remove();
        }
        return started;
    }

    /** The authorization {@code state} belongs to, if it is this session's, for {@code type}, and fresh. */
    public synchronized Optional<Pending> consume(ServiceType type, String state) {
        Pending found = state == null ? null : pending.remove(state);
        if (found == null) {
            LOG.info(() -> type + " callback with an unknown, replayed or foreign state");
            return Optional.empty();
        }
        if (!found.type().equals(type)) {
            LOG.warning(() -> type + " callback carried a state issued for " + found.type() + " (mix-up); refused");
            return Optional.empty();
        }
        if (found.issuedAt().plus(LIFETIME).isBefore(Instant.now())) {
            LOG.info(() -> type + " callback with an expired state");
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** Base64url of {@code bytes} random bytes: 32 give a 43-character state, 48 a 64-character verifier. */
    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
