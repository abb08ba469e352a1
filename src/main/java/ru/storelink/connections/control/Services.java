package ru.storelink.connections.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.entity.ServiceType;

/**
 * The services of this deployment: every {@link ConnectableService} bean, in page order. An admin can switch
 * one off with {@code <key>.enabled=false} (read afresh, like every setting).
 */
@ApplicationScoped
public class Services {

    @Inject
    Instance<ConnectableService> found;

    private List<ConnectableService> all;

    @PostConstruct
    void find() {
        all = found.stream().sorted(Comparator.comparingInt(ConnectableService::position)).toList();
        long keys = all.stream().map(service -> service.type().key()).collect(Collectors.toSet()).size();
        if (keys != all.size()) {
            throw new IllegalStateException("Two services share a key: " + all.stream().map(ConnectableService::type).toList());
        }
    }

    /** The services switched on: offered, shown and checked. */
    public List<ConnectableService> all() {
        return all.stream().filter(Services::enabled).toList();
    }

    public List<ServiceType> types() {
        return all().stream().map(ConnectableService::type).toList();
    }

    /** Every service of this deployment, switched on or not. */
    public List<ServiceType> everyType() {
        return all.stream().map(ConnectableService::type).toList();
    }

    /** The switched-on service a URL or form names; empty for anything else. */
    public Optional<ConnectableService> byKey(String key) {
        return all().stream().filter(service -> service.type().key().equals(key)).findFirst();
    }

    /** Whether a service with this key exists in this deployment, switched on or not. */
    public boolean exists(String key) {
        return all.stream().anyMatch(service -> service.type().key().equals(key));
    }

    /** The service of a stored connection or a check in flight, switched on or not. */
    public ConnectableService of(ServiceType type) {
        return all.stream().filter(service -> service.type().equals(type)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No service " + type));
    }

    private static boolean enabled(ConnectableService service) {
        return ConfigProvider.getConfig().getOptionalValue(service.type().key() + ".enabled", Boolean.class)
                .orElse(service.enabledByDefault());
    }
}
