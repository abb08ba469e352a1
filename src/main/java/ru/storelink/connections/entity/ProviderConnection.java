package ru.storelink.connections.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What every connection to an outside service has: its owner, its tokens (sealed by {@code TokenCipher},
 * never in clear) and the health-check columns (written by the health checker with plain SQL). Each service keeps its own table with its own details.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private ConnectionStatus state = ConnectionStatus.NOT_CHECKED;

    @Column(name = "last_success_at")
    private OffsetDateTime lastSuccessAt;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_check_outcome", length = 24)
    private CheckOutcome lastCheckOutcome;

    @Column(name = "last_check_reason", length = 200)
    private String lastCheckReason;

    /** Set by the health checker's claim; cleared here so that a check in flight cannot overwrite a new authorization. */
    @Column(name = "lease_owner", length = 40)
    private String leaseOwner;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

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

    /** A successful authorization: new tokens, and the connection works as of now. */
    public void authorized(String sealedAccessToken, String sealedRefreshToken, OffsetDateTime tokenExpiresAt) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        this.sealedAccessToken = sealedAccessToken;
        this.sealedRefreshToken = sealedRefreshToken;
        this.tokenExpiresAt = tokenExpiresAt;
        this.online = true;
        this.lastCheckedAt = now;
        this.connectedAt = now;
        this.state = ConnectionStatus.WORKING;
        this.lastSuccessAt = now;
        this.consecutiveFailures = 0;
        this.lastCheckOutcome = CheckOutcome.WORKS;
        this.lastCheckReason = null;
        this.leaseOwner = null;
        this.leaseUntil = null;
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

    public ConnectionStatus getState() {
        return state;
    }

    public OffsetDateTime getLastSuccessAt() {
        return lastSuccessAt;
    }

    public CheckOutcome getLastCheckOutcome() {
        return lastCheckOutcome;
    }

    public String getLastCheckReason() {
        return lastCheckReason;
    }
}
