package ru.storelink.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mail demo mode kept instead of sending it (no SMTP server configured), for {@code /demo/mail}. */
@Entity
@Table(name = "demo_mail")
@NamedQuery(name = DemoMail.OF_ACCOUNT, query = "SELECT m FROM DemoMail m WHERE m.accountId = :accountId ORDER BY m.sentAt DESC, m.id DESC")
public class DemoMail {

    public static final String OF_ACCOUNT = "DemoMail.ofAccount";

    @Id
    @SequenceGenerator(name = "demo_mail_id", sequenceName = "demo_mail_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demo_mail_id")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 20000)
    private String body;

    @Column(name = "action_label", length = 100)
    private String actionLabel;

    @Column(name = "action_url", length = 500)
    private String actionUrl;

    @Column(name = "message_id", nullable = false, length = 200)
    private String messageId;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected DemoMail() {
        // for JPA
    }

    public DemoMail(long accountId, String recipient, String subject, String body, String actionLabel, String actionUrl,
            String messageId, OffsetDateTime sentAt) {
        this.accountId = accountId;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.actionLabel = actionLabel;
        this.actionUrl = actionUrl;
        this.messageId = messageId;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getActionLabel() {
        return actionLabel;
    }

    public String getActionUrl() {
        return actionUrl;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }
}
