package ru.storelink.demo.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The grants a simulated provider has issued, kept as docs/providers.md says real token endpoints keep them:
 * a refresh rotates the refresh token and retires the one presented; presenting a retired one again is
 * taken as theft and revokes the whole grant, the tokens just issued included (RFC 9700 §4.14.2); an answer
 * may omit the new refresh token, and then the presented one stays valid. Memory is bounded: beyond
 * {@code capacity} tokens of a kind, the oldest are forgotten (as if expired), so a public demo cannot be
 * made to grow without end.
 *
 * @param <S> whose the grant is (a VK profile, an Evotor account's stores)
 */
public final class SimulatedGrants<S> {

    /** Codes and tokens of each kind that demo mode's simulators keep at most. */
    public static final int DEMO_CAPACITY = 10_000;

    /** Tokens a grant currently has; {@code refreshToken} is null when the answer omits it. */
    public record Issued<S>(S subject, String accessToken, String refreshToken) {
    }

    /**
     * A retired refresh token presented again: when, and when it had been retired (the refresh that retired it
     * answered then; if that answer never reached its asker, the asker could only present the old token again).
     */
    public record Reuse(Instant at, Instant retiredAt) {
    }

    private record Entry<S>(long grant, S subject) {
    }

    private record Retired(long grant, Instant at) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry<S>> accessTokens;
    private final Map<String, Entry<S>> refreshTokens;
    private final Map<String, Retired> retiredRefreshTokens;
    private long nextGrant;
    private final Deque<Reuse> reuses = new ArrayDeque<>();
    private int reuseCount;
    private int omitRefreshTokens;

    public SimulatedGrants(int capacity) {
        accessTokens = bounded(capacity);
        refreshTokens = bounded(capacity);
        retiredRefreshTokens = bounded(capacity);
    }

    /** A new grant for an authorization code. */
    public synchronized Issued<S> issue(S subject) {
        Entry<S> grant = new Entry<>(nextGrant++, subject);
        String access = token();
        String refresh = token();
        accessTokens.put(access, grant);
        refreshTokens.put(refresh, grant);
        return new Issued<>(subject, access, refresh);
    }

    /** The renewed tokens; null for {@code invalid_grant} (unknown, retired — which revokes the grant — or revoked). */
    public synchronized Issued<S> refresh(String refreshToken) {
        Entry<S> grant = refreshTokens.remove(refreshToken);
        if (grant == null) {
            Retired reused = retiredRefreshTokens.remove(refreshToken);
            if (reused != null) {
                reuseCount++;
                reuses.addLast(new Reuse(Instant.now(), reused.at()));
                if (reuses.size() > 100) {
                    reuses.removeFirst();
                }
                accessTokens.values().removeIf(entry -> entry.grant() == reused.grant());
                refreshTokens.values().removeIf(entry -> entry.grant() == reused.grant());
                retiredRefreshTokens.values().removeIf(retired -> retired.grant() == reused.grant());
            }
            return null;
        }
        String access = token();
        accessTokens.put(access, grant);
        if (omitRefreshTokens > 0) {
            omitRefreshTokens--;
            refreshTokens.put(refreshToken, grant);
            return new Issued<>(grant.subject(), access, null);
        }
        retiredRefreshTokens.put(refreshToken, new Retired(grant.grant(), Instant.now()));
        String refresh = token();
        refreshTokens.put(refresh, grant);
        return new Issued<>(grant.subject(), access, refresh);
    }

    /** Whose the access token is; null when it is unknown or revoked. */
    public synchronized S subjectOf(String accessToken) {
        Entry<S> entry = accessTokens.get(accessToken);
        return entry == null ? null : entry.subject();
    }

    /** Tokens issued elsewhere (seeded data of benchmarks and tests), as one grant; the refresh token may be null. */
    public synchronized void accept(String accessToken, String refreshTokenOrNull, S subject) {
        Entry<S> grant = new Entry<>(nextGrant++, subject);
        accessTokens.put(accessToken, grant);
        if (refreshTokenOrNull != null) {
            refreshTokens.put(refreshTokenOrNull, grant);
        }
    }

    /** The access tokens of these subjects stop working; their refresh tokens still do. */
    public synchronized void expireAccessTokens(Predicate<S> whose) {
        accessTokens.values().removeIf(entry -> whose.test(entry.subject()));
    }

    /** Every token of these subjects stops working (the owner revoked our access). */
    public synchronized void revoke(Predicate<S> whose) {
        accessTokens.values().removeIf(entry -> whose.test(entry.subject()));
        refreshTokens.values().removeIf(entry -> whose.test(entry.subject()));
    }

    /** How many times a retired refresh token was presented again (each revoked a grant). */
    public synchronized int reuses() {
        return reuseCount;
    }

    /** The last (at most 100) reuses, oldest first. */
    public synchronized List<Reuse> lastReuses() {
        return List.copyOf(reuses);
    }

    /** The next {@code times} refresh answers carry no new refresh token. */
    public synchronized void omitRefreshTokens(int times) {
        omitRefreshTokens = times;
    }

    /** A map that forgets its oldest entries beyond {@code capacity}; callers synchronize on it or on its owner. */
    public static <K, V> Map<K, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A value as it goes into a redirect's query string. */
    public static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A fresh random token or code. */
    public String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
