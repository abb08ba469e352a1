package ru.storelink.healthcheck.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import ru.storelink.connections.entity.CheckOutcome;

/**
 * One completed health check of one connection: the card's history («История проверок»), one of the 20
 * slots of the connection's ring (V9; the health checker writes them, {@code Claims}). Its foreign key
 * towards the connection's health row (service, connection id) takes it along when the connection goes.
 * Read-only here.
 */
@Entity
@Table(name = "connection_check")
@IdClass(ConnectionCheck.Key.class)
@NamedQuery(name = ConnectionCheck.LATEST, query = "SELECT c FROM ConnectionCheck c "
        + "WHERE c.service = :service AND c.connectionId = :connectionId ORDER BY c.checkedAt DESC")
public class ConnectionCheck {

    public static final String LATEST = "ConnectionCheck.latest";

    /** Entries kept per connection: the ring's size. */
    public static final int SLOTS = 20;

    /** The primary key: a connection's slot (a class with fields, as JPA builds id classes by reflection). */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String service;
        private long connectionId;
        private short slot;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.service.equals(service) && key.connectionId == connectionId && key.slot == slot;
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, connectionId, slot);
        }
    }

    @Id
    @Column(name = "service", nullable = false, length = 10)
    private String service;

    @Id
    @Column(name = "connection_id", nullable = false)
    private long connectionId;

    @Id
    @Column(name = "slot", nullable = false)
    private short slot;

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
