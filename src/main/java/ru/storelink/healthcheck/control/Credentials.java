package ru.storelink.healthcheck.control;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.Renewals;
import ru.storelink.connections.control.Renewals.Attempt;
import ru.storelink.connections.control.Renewals.Busy;
import ru.storelink.connections.control.Renewals.Changed;
import ru.storelink.connections.control.Renewals.Gone;
import ru.storelink.connections.control.Renewals.Leased;
import ru.storelink.connections.control.Renewals.Stored;
import ru.storelink.connections.control.TokenCipher;

/**
 * The tokens one check works with, and the only way a probe renews them. A renewal is a step of its own:
 * take the connection's refresh lease (no other check anywhere presents the same refresh token), call the
 * token endpoint, and store the answer at once in its own transaction — before the probe calls the API
 * again, so a failure of that call cannot lose the rotated refresh token. An {@code invalid_grant} counts as
 * the owner's only when the stored refresh token is still the one presented; otherwise a sibling rotated it
 * and this check goes on with the sibling's tokens.
 */
public final class Credentials {

    private static final Logger LOG = Logger.getLogger(Credentials.class.getName());

    /** How long a renewal keeps trying to store a grant that arrived while the database is failing. */
    static final Duration STORE_PATIENCE = Duration.ofSeconds(5);
    /** How often a check waiting for a sibling's renewal looks again. */
    static final Duration SIBLING_POLL = Duration.ofMillis(200);

    /** The provider-specific token call: a refresh token in, a grant out. */
    @FunctionalInterface
    public interface TokenEndpoint {
        Grant refresh(String refreshToken) throws ProviderException;
    }

    /** One authenticated call of a probe, with the access token to use. */
    @FunctionalInterface
    public interface ApiCall {
        ProbeResult call(String accessToken) throws ProviderException;
    }

    /** The connection was deleted or authorized anew during the check: its result must not be written. */
    public static final class Superseded extends RuntimeException {
        Superseded(String message) {
            super(message, null, false, false);
        }
    }

    private final ClaimedCheck check;
    private final TokenCipher cipher;
    private final Renewals renewals;
    private final Duration refreshLease;
    private String sealedRefresh;
    private String access;
    private String refresh;
    private boolean renewed;

    /** @throws TokenCipher.TokenUnreadableException when a stored token cannot be opened */
    Credentials(ClaimedCheck check, TokenCipher cipher, Renewals renewals, Duration refreshLease) {
        this.check = check;
        this.cipher = cipher;
        this.renewals = renewals;
        this.refreshLease = refreshLease;
        adopt(check.sealedAccessToken(), check.sealedRefreshToken());
    }

    public String accessToken() {
        return access;
    }

    /** Whether a refresh token is held and this check has not renewed yet (one renewal per check). */
    public boolean refreshable() {
        return refresh != null && !renewed;
    }

    /**
     * A probe's whole exchange: {@code call} with the current access token (renewed first when
     * {@code renewFirst}, the token being about to expire) and, when its verdict says a fresh token may help
     * (Evotor 401, VK error 5), once more with a renewed one. One renewal per check at most.
     *
     * @throws ProviderException from the call or the renewal ({@code GRANT_REFUSED} only when the owner's
     *                           grant is really gone); {@link ProbeResult#failed} says what it means
     * @throws Superseded        when the connection was deleted or reconnected meanwhile
     */
    public ProbeResult callRenewingOnce(boolean renewFirst, ApiCall call, TokenEndpoint endpoint) throws ProviderException {
        String token = renewFirst && refreshable() ? renew(endpoint) : accessToken();
        ProbeResult verdict = call.call(token);
        if (verdict.refreshMayHelp() && refreshable()) {
            verdict = call.call(renew(endpoint));
        }
        return verdict;
    }

    /**
     * Renews the grant (or takes over a sibling's renewal) and returns the access token to use now.
     *
     * @throws ProviderException {@code GRANT_REFUSED} only when the owner's grant is really gone; any other
     *                           reason when the provider failed
     * @throws Superseded        when the connection was deleted or reconnected meanwhile
     */
    public String renew(TokenEndpoint endpoint) throws ProviderException {
        renewed = true;
        long waitUntil = System.nanoTime() + refreshLease.toNanos();
        while (true) {
            Attempt attempt = renewals.lease(check.service(), check.id(), sealedRefresh, LeaseOwner.next(), refreshLease);
            if (attempt instanceof Leased leased) {
                return presentRefreshToken(endpoint, leased.owner());
            }
            if (attempt instanceof Changed changed) {
                LOG.fine(() -> check + ": refresh token rotated by a sibling; using its tokens");
                return adopt(changed.now());
            }
            if (attempt instanceof Gone) {
                throw new Superseded(check + " was deleted during its check");
            }
            if (attempt instanceof Busy && System.nanoTime() > waitUntil) {
                throw new ProviderException(Reason.UNAVAILABLE, check + ": another renewal did not finish in time");
            }
            pause(SIBLING_POLL);
        }
    }

    private String presentRefreshToken(TokenEndpoint endpoint, String leaseOwner) throws ProviderException {
        Grant grant;
        try {
            grant = endpoint.refresh(refresh);
        } catch (ProviderException e) {
            renewals.release(check.service(), check.id(), leaseOwner);
            if (e.reason() == Reason.GRANT_REFUSED) {
                Stored now = renewals.read(check.service(), check.id());
                if (now == null) {
                    throw new Superseded(check + " was deleted during its check");
                }
                if (!sealedRefresh.equals(now.sealedRefreshToken())) {
                    LOG.info(() -> check + ": refresh token refused, but a sibling had rotated it; using its tokens");
                    return adopt(now);
                }
            }
            throw e;
        } catch (RuntimeException e) {
            renewals.release(check.service(), check.id(), leaseOwner);
            throw e;
        }
        store(grant);
        return access;
    }

    /** Seals and stores the grant that just arrived; it is the only valid copy, so retry a failing database. */
    private void store(Grant grant) {
        String presented = sealedRefresh;
        String newAccess = cipher.seal(grant.accessToken(), context("access_token"));
        // A refresh answer without a refresh token leaves the presented one valid: keep it.
        String newRefresh = grant.refreshToken() == null ? presented : cipher.seal(grant.refreshToken(), context("refresh_token"));
        long giveUp = System.nanoTime() + STORE_PATIENCE.toNanos();
        Duration backoff = Duration.ofMillis(50);
        while (true) {
            try {
                if (!renewals.store(check.service(), check.id(), presented, newAccess, newRefresh, grant.expiresAt())) {
                    throw new Superseded(check + " was deleted or reconnected during its renewal; the renewed grant is not needed");
                }
                adopt(newAccess, newRefresh);
                LOG.fine(() -> check + ": renewed grant stored");
                return;
            } catch (Superseded e) {
                throw e;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    LOG.log(Level.SEVERE, check + ": a renewed grant could not be stored; the connection may need a reconnect", e);
                    throw e;
                }
                LOG.log(Level.WARNING, check + ": storing a renewed grant failed, retrying in " + backoff.toMillis() + " ms", e);
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private String adopt(Stored now) {
        adopt(now.sealedAccessToken(), now.sealedRefreshToken());
        return access;
    }

    private void adopt(String sealedAccessToken, String sealedRefreshToken) {
        String openedAccess = cipher.open(sealedAccessToken, context("access_token"));
        String openedRefresh = sealedRefreshToken == null ? null : cipher.open(sealedRefreshToken, context("refresh_token"));
        sealedRefresh = sealedRefreshToken;
        access = openedAccess;
        refresh = openedRefresh;
    }

    private String context(String column) {
        return ConnectionStore.tokenContext(check.service(), column, check.accountId());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while renewing a grant", e);
        }
    }
}
