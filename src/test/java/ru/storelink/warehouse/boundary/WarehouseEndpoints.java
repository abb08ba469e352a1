package ru.storelink.warehouse.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import ru.storelink.connections.boundary.ServiceResource;
import ru.storelink.warehouse.control.WarehouseService;

/** {@code /warehouse/connect}, {@code /warehouse/callback} and {@code /warehouse/disconnect}. */
@ApplicationPath("warehouse")
public class WarehouseEndpoints extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ServiceResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(ServiceResource.WADL_OFF, true, ServiceResource.SERVICE, WarehouseService.TYPE);
    }
}
