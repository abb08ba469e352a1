package ru.storelink.warehouse.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.OffsetDateTime;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.healthcheck.entity.ConnectionCheck;

/** A check of a warehouse connection; its foreign key takes it along when the connection is deleted. */
@Entity
@DiscriminatorValue("warehouse")
public class WarehouseCheck extends ConnectionCheck {

    @Column(name = "warehouse_connection_id")
    private Long warehouseConnectionId;

    protected WarehouseCheck() {
        // for JPA
    }

    public WarehouseCheck(long connectionId, OffsetDateTime checkedAt, CheckOutcome outcome, int latencyMs, String reason) {
        super(connectionId, checkedAt, outcome, latencyMs, reason);
        this.warehouseConnectionId = connectionId;
    }
}
