package ru.storelink.vk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.OffsetDateTime;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.healthcheck.entity.ConnectionCheck;

/** A check of a VK connection; its foreign key takes it along when the connection is deleted. */
@Entity
@DiscriminatorValue("vk")
public class VkCheck extends ConnectionCheck {

    @Column(name = "vk_connection_id")
    private Long vkConnectionId;

    protected VkCheck() {
        // for JPA
    }

    public VkCheck(long connectionId, OffsetDateTime checkedAt, CheckOutcome outcome, int latencyMs, String reason) {
        super(connectionId, checkedAt, outcome, latencyMs, reason);
        this.vkConnectionId = connectionId;
    }
}
