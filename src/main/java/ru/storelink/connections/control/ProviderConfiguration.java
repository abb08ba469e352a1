package ru.storelink.connections.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.entity.ServiceType;

/**
 * Reads {@code <service>.client-id}, {@code .client-secret}, the two base URLs and the timeouts of each
 * service. Without a client id the service runs in demo mode against the simulated provider that this
 * application serves under {@code /demo/<service>}, so a newcomer can click through the whole flow.
 */
@ApplicationScoped
public class ProviderConfiguration {

    public static final String DEMO_CLIENT_ID = "storelink-demo";
    public static final String DEMO_CLIENT_SECRET = "storelink-demo-secret";

    private static final Logger LOG = Logger.getLogger(ProviderConfiguration.class.getName());

    @Inject
    Services services;

    private final Map<ServiceType, ProviderSettings> settings = new ConcurrentHashMap<>();

    /** Read once per service, on first use, and logged (without the secret). */
    public ProviderSettings of(ServiceType type) {
        return settings.computeIfAbsent(type, this::read);
    }

    private ProviderSettings read(ServiceType type) {
        ProviderEndpoints endpoints = services.of(type).endpoints();
        Config config = ConfigProvider.getConfig();
        String prefix = type.key() + ".";
        URI publicUrl = URI.create(withoutTrailingSlash(
                config.getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080")));
        Optional<String> clientId = config.getOptionalValue(prefix + "client-id", String.class).filter(id -> !id.isBlank());
        boolean demo = clientId.isEmpty();
        String demoBase = publicUrl + "/demo/" + type.key();
        ProviderSettings read = new ProviderSettings(
                clientId.orElse(DEMO_CLIENT_ID),
                demo ? DEMO_CLIENT_SECRET : config.getOptionalValue(prefix + "client-secret", String.class).orElse(""),
                URI.create(demo ? demoBase + endpoints.demoAuthorizationPath() : withoutTrailingSlash(
                        config.getOptionalValue(endpoints.authorizationKey(), String.class).orElse(endpoints.authorizationDefault()))),
                URI.create(demo ? demoBase + endpoints.demoApiPath() : withoutTrailingSlash(
                        config.getOptionalValue(endpoints.apiKey(), String.class).orElse(endpoints.apiDefault()))),
                URI.create(publicUrl + "/" + type.key() + "/callback"),
                demo,
                Duration.ofMillis(config.getOptionalValue(prefix + "connect-timeout-ms", Long.class).orElse(3000L)),
                Duration.ofMillis(config.getOptionalValue(prefix + "read-timeout-ms", Long.class).orElse(10000L)),
                Duration.ofMillis(config.getOptionalValue(prefix + "total-timeout-ms", Long.class).orElse(12000L)));
        LOG.info(() -> type + ": " + read);
        return read;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
