package ru.storelink.connections.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every connection to an outside service has: its owner, its tokens (sealed by {@code TokenCipher},
 * never in clear) with the refresh lease that guards them, and the two columns the owner's plan names,
 * {@code is_online} and {@code last_checked_at}, which the health checker writes through
 * {@code ConnectionStore}. The checker's own state (status, counters, lease) lives in its own table. Each
 * service keeps its own table with its own details.
 */
@MappedSuperclass
public abstract class ProviderConnection {

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "access_token", nullable = false, length = 4000)
    private String sealedAccessToken;

    @Column(name = "refresh_token", length = 4000)
    private String sealedRefreshToken;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    @Column(name = "is_online", nullable = false)
    private boolean online;

    @Column(name = "last_checked_at")
    private OffsetDateTime lastCheckedAt;

    @Column(name = "connected_at", nullable = false)
    private OffsetDateTime connectedAt;

    /** Set while a refresh token is being presented to the provider; cleared by a new authorization. */
    @Column(name = "refresh_lease_owner", length = 40)
    private String refreshLeaseOwner;

    @Column(name = "refresh_lease_until")
    private OffsetDateTime refreshLeaseUntil;

    @Version
    private long version;

    protected ProviderConnection() {
        // for JPA
    }

    protected ProviderConnection(long accountId) {
        this.accountId = accountId;
    }

    /**
     * A successful authorization: new tokens, and the connection works as of now. A renewal in flight cannot
     * store over them: its compare-and-set expects the refresh token it presented.
     */
    public void authorized(String sealedAccessToken, String sealedRefreshToken, OffsetDateTime tokenExpiresAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        this.sealedAccessToken = sealedAccessToken;
        this.sealedRefreshToken = sealedRefreshToken;
        this.tokenExpiresAt = tokenExpiresAt;
        this.online = true;
        this.lastCheckedAt = now;
        this.connectedAt = now;
        this.refreshLeaseOwner = null;
        this.refreshLeaseUntil = null;
    }

    public abstract Long getId();

    public long getAccountId() {
        return accountId;
    }

    public String getSealedAccessToken() {
        return sealedAccessToken;
    }

    public boolean isOnline() {
        return online;
    }

    public OffsetDateTime getLastCheckedAt() {
        return lastCheckedAt;
    }

    public OffsetDateTime getConnectedAt() {
        return connectedAt;
    }
}
