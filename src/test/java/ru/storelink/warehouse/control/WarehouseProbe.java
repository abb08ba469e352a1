package ru.storelink.warehouse.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.ClaimedCheck;
import ru.storelink.healthcheck.control.Credentials;
import ru.storelink.healthcheck.control.Probe;
import ru.storelink.texts.Message;

/** The warehouse's health check: {@code GET /ping} with the token, and its own small table of answers. */
@ApplicationScoped
public class WarehouseProbe implements Probe {

    @Inject
    WarehouseApi api;

    @Override
    public ServiceType service() {
        return WarehouseService.TYPE;
    }

    @Override
    public ProbeResult probe(ClaimedCheck check, Credentials credentials) {
        try {
            int status = api.ping(credentials.accessToken());
            return switch (status) {
                case 200 -> ProbeResult.of(CheckOutcome.WORKS, null);
                case 401, 403 -> ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, Message.of("warehouse.refused", status));
                default -> ProbeResult.of(CheckOutcome.TEMPORARY, Message.of("warehouse.unavailable-http", status));
            };
        } catch (ProviderException e) {
            return ProbeResult.of(CheckOutcome.TEMPORARY, Message.of("warehouse.unreachable"));
        }
    }
}
