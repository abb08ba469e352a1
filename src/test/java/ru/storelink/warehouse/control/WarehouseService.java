package ru.storelink.warehouse.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderEndpoints;
import ru.storelink.connections.entity.ServiceType;

/** The warehouse service, as the core knows it: after Evotor and VK on every page. */
@ApplicationScoped
public class WarehouseService {

    public static final ServiceType TYPE = new ServiceType("warehouse", "bi-box-seam");

    // Off in every test but its own walk, which sets warehouse.enabled=true: the others see two services.
    @Produces
    ConnectableService warehouse(WarehouseConnect connect, WarehouseConnections connections) {
        return new ConnectableService(TYPE, 30, new ProviderEndpoints(
                "warehouse.oauth-url", "https://warehouse.invalid", "warehouse.api-url", "https://warehouse.invalid/api", "", "/api"),
                connect, connections, false);
    }
}
