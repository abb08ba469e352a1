package ru.storelink.healthcheck.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;

/**
 * What the health checker knows of one connection: the state its card shows, the counters behind it, its
 * schedule and the lease of a check in progress. Read here for pages; written only by the checker, with SQL
 * that compares leases (see {@code Claims}). The row goes with its connection (a foreign key per service).
 */
@Entity
@Table(name = "connection_health")
@IdClass(ConnectionHealth.Key.class)
public class ConnectionHealth {

    /** A service key and the id of a connection in that service's table (a class: JPA sets its fields). */
    public static class Key implements Serializable {
        private String service;
        private long connectionId;

        public Key() {
            // for JPA
        }

        public Key(String service, long connectionId) {
            this.service = service;
            this.connectionId = connectionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.connectionId == connectionId && Objects.equals(key.service, service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, connectionId);
        }
    }

    @Id
    @Column(name = "service", length = 10)
    private String service;

    @Id
    @Column(name = "connection_id")
    private long connectionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private ConnectionStatus state;

    @Column(name = "last_success_at")
    private OffsetDateTime lastSuccessAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_check_outcome", length = 24)
    private CheckOutcome lastCheckOutcome;

    /** A message code with its arguments ({@code ru.storelink.texts.Message}). */
    @Column(name = "last_check_reason", length = 200)
    private String lastCheckReason;

    protected ConnectionHealth() {
        // for JPA
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
