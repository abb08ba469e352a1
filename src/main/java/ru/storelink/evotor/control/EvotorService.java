package ru.storelink.evotor.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderEndpoints;
import ru.storelink.connections.entity.ServiceType;

/** Evotor, the cloud cash register, as the core knows it: first on every page. */
@ApplicationScoped
public class EvotorService {

    public static final ServiceType TYPE = new ServiceType("evotor", "bi-shop");

    // {oauth}/oauth/authorize, {oauth}/oauth/token, {api}/stores; the simulator at /demo/evotor and /demo/evotor/api.
    @Produces
    ConnectableService evotor(EvotorConnect connect, EvotorConnections connections) {
        return new ConnectableService(TYPE, 10, new ProviderEndpoints(
                "evotor.oauth-url", "https://oauth.evotor.ru", "evotor.api-url", "https://api.evotor.ru", "", "/api"),
                connect, connections);
    }
}
