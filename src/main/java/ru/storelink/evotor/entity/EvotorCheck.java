package ru.storelink.evotor.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.OffsetDateTime;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.healthcheck.entity.ConnectionCheck;

/** A check of a Evotor connection; its foreign key takes it along when the connection is deleted. */
@Entity
@DiscriminatorValue("evotor")
public class EvotorCheck extends ConnectionCheck {

    @Column(name = "evotor_connection_id")
    private Long evotorConnectionId;

    protected EvotorCheck() {
        // for JPA
    }

    public EvotorCheck(long connectionId, OffsetDateTime checkedAt, CheckOutcome outcome, int latencyMs, String reason) {
        super(connectionId, checkedAt, outcome, latencyMs, reason);
        this.evotorConnectionId = connectionId;
    }
}
