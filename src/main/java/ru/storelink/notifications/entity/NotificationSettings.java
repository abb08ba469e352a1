package ru.storelink.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalTime;

/** An owner's choices on «Уведомления». No row means {@link #defaults(long)}. */
@Entity
@Table(name = "notification_settings")
public class NotificationSettings {

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "email_broken", nullable = false)
    private boolean emailBroken;

    @Column(name = "email_unavailable", nullable = false)
    private boolean emailUnavailable;

    @Column(name = "email_recovered", nullable = false)
    private boolean emailRecovered;

    /** Minutes of the day, Moscow time; both null: no quiet hours. */
    @Column(name = "quiet_from")
    private Short quietFrom;

    @Column(name = "quiet_until")
    private Short quietUntil;

    @Column(name = "webhook_url", length = 500)
    private String webhookUrl;

    /** Sealed by the token cipher; the owner saw it once, when it was made. */
    @Column(name = "webhook_secret", length = 4000)
    private String sealedWebhookSecret;

    @Version
    private long version;

    protected NotificationSettings() {
        // for JPA
    }

    /** Every kind of e-mail, no quiet hours: what an owner who never opened the page gets. */
    public static NotificationSettings defaults(long accountId) {
        NotificationSettings settings = new NotificationSettings();
        settings.accountId = accountId;
        settings.emailBroken = true;
        settings.emailUnavailable = true;
        settings.emailRecovered = true;
        return settings;
    }

    public boolean emails(EventKind kind) {
        return switch (kind) {
            case BROKEN -> emailBroken;
            case UNAVAILABLE -> emailUnavailable;
            case RECOVERED -> emailRecovered;
        };
    }

    /** @param from and {@code until} both null for none; never equal */
    public void change(boolean broken, boolean unavailable, boolean recovered, LocalTime from, LocalTime until) {
        if ((from == null) != (until == null) || (from != null && from.equals(until))) {
            throw new IllegalArgumentException("Quiet hours need two different times, or none");
        }
        this.emailBroken = broken;
        this.emailUnavailable = unavailable;
        this.emailRecovered = recovered;
        this.quietFrom = from == null ? null : minutes(from);
        this.quietUntil = until == null ? null : minutes(until);
    }

    /** @param sealedSecret the new signing secret, sealed; null with {@code url} to remove the webhook */
    public void webhook(String url, String sealedSecret) {
        if ((url == null) != (sealedSecret == null)) {
            throw new IllegalArgumentException("A webhook needs its secret");
        }
        this.webhookUrl = url;
        this.sealedWebhookSecret = sealedSecret;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public String getSealedWebhookSecret() {
        return sealedWebhookSecret;
    }

    private static short minutes(LocalTime time) {
        return (short) (time.getHour() * 60 + time.getMinute());
    }

    public long getAccountId() {
        return accountId;
    }

    public boolean isEmailBroken() {
        return emailBroken;
    }

    public boolean isEmailUnavailable() {
        return emailUnavailable;
    }

    public boolean isEmailRecovered() {
        return emailRecovered;
    }

    public LocalTime getQuietFrom() {
        return quietFrom == null ? null : LocalTime.of(quietFrom / 60, quietFrom % 60);
    }

    public LocalTime getQuietUntil() {
        return quietUntil == null ? null : LocalTime.of(quietUntil / 60, quietUntil % 60);
    }
}
