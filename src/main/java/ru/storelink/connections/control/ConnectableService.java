package ru.storelink.connections.control;

import ru.storelink.connections.entity.ServiceType;

/**
 * One service an owner can connect, as the core sees it: what it is called, where it stands on the pages,
 * where its provider is configured, how it connects and where its connections are stored. Each service
 * package produces exactly one (a CDI producer method), and the core finds them through {@link Services};
 * a new service is a new package, not an edit of the core. The health checker finds the service's probe
 * the same way, by {@link #type()}.
 *
 * @param position         where the service stands on the pages, smallest first
 * @param endpoints        the configuration keys that say where its provider is, and where the demo simulator
 *                         answers instead
 * @param enabledByDefault whether the service is offered, shown and checked when {@code <key>.enabled} is not
 *                         configured; a service that is switched off keeps its data, and its pages and
 *                         endpoints answer 404
 */
public record ConnectableService(ServiceType type, int position, ProviderEndpoints endpoints, ConnectFlow connectFlow,
        ConnectionStore<?> store, boolean enabledByDefault) {

    /** A service that is on unless an admin switches it off. */
    public ConnectableService(ServiceType type, int position, ProviderEndpoints endpoints, ConnectFlow connectFlow,
            ConnectionStore<?> store) {
        this(type, position, endpoints, connectFlow, store, true);
    }
}
