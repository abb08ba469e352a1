package ru.storelink.healthcheck.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import ru.storelink.connections.entity.CheckOutcome;

/**
 * One completed health check of one connection: the card's history («История проверок»). Its foreign key
 * towards the connection's health row (service, connection id) takes it along when the connection goes.
 */
@Entity
@Table(name = "connection_check")
@NamedQuery(name = ConnectionCheck.LATEST, query = "SELECT c FROM ConnectionCheck c "
        + "WHERE c.service = :service AND c.connectionId = :connectionId ORDER BY c.checkedAt DESC, c.id DESC")
public class ConnectionCheck {

    public static final String LATEST = "ConnectionCheck.latest";

    @Id
    @SequenceGenerator(name = "connection_check_id", sequenceName = "connection_check_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "connection_check_id")
    private Long id;

    @Column(name = "service", nullable = false, length = 10)
    private String service;

    @Column(name = "connection_id", nullable = false)
    private long connectionId;

    @Column(name = "checked_at", nullable = false)
    private OffsetDateTime checkedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 24)
    private CheckOutcome outcome;

    @Column(name = "latency_ms", nullable = false)
    private int latencyMs;

    @Column(name = "reason", length = 200)
    private String reason;

    protected ConnectionCheck() {
        // for JPA
    }

    /** @param reason a message code with its arguments, at most 200 characters */
    public ConnectionCheck(String service, long connectionId, OffsetDateTime checkedAt, CheckOutcome outcome, int latencyMs,
            String reason) {
        this.service = service;
        this.connectionId = connectionId;
        this.checkedAt = checkedAt;
        this.outcome = outcome;
        this.latencyMs = latencyMs;
        this.reason = reason;
    }

    public OffsetDateTime getCheckedAt() {
        return checkedAt;
    }

    public CheckOutcome getOutcome() {
        return outcome;
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public String getReason() {
        return reason;
    }
}
