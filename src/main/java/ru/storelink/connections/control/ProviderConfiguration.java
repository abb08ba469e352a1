package ru.storelink.connections.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
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

    private ProviderSettings evotor;
    private ProviderSettings vk;

    @PostConstruct
    void read() {
        // Evotor: {oauth}/oauth/authorize, {oauth}/oauth/token, {api}/stores.
        evotor = settings(ServiceType.EVOTOR, "evotor.oauth-url", "https://oauth.evotor.ru",
                "evotor.api-url", "https://api.evotor.ru", "", "/api");
        // VK: {id}/authorize, {id}/oauth2/auth, {api}/method/users.get.
        vk = settings(ServiceType.VK, "vk.id-url", "https://id.vk.com",
                "vk.api-url", "https://api.vk.com", "/id", "/api");
        LOG.info(() -> "Evotor: " + evotor);
        LOG.info(() -> "VK: " + vk);
    }

    public ProviderSettings evotor() {
        return evotor;
    }

    public ProviderSettings vk() {
        return vk;
    }

    public ProviderSettings of(ServiceType type) {
        return type == ServiceType.EVOTOR ? evotor : vk;
    }

    private ProviderSettings settings(ServiceType type, String authKey, String authDefault, String apiKey,
            String apiDefault, String demoAuthPath, String demoApiPath) {
        Config config = ConfigProvider.getConfig();
        String prefix = type.key() + ".";
        URI publicUrl = URI.create(withoutTrailingSlash(
                config.getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080")));
        Optional<String> clientId = config.getOptionalValue(prefix + "client-id", String.class).filter(id -> !id.isBlank());
        boolean demo = clientId.isEmpty();
        String demoBase = publicUrl + "/demo/" + type.key();
        return new ProviderSettings(
                clientId.orElse(DEMO_CLIENT_ID),
                demo ? DEMO_CLIENT_SECRET : config.getOptionalValue(prefix + "client-secret", String.class).orElse(""),
                URI.create(demo ? demoBase + demoAuthPath : withoutTrailingSlash(config.getOptionalValue(authKey, String.class).orElse(authDefault))),
                URI.create(demo ? demoBase + demoApiPath : withoutTrailingSlash(config.getOptionalValue(apiKey, String.class).orElse(apiDefault))),
                URI.create(publicUrl + "/" + type.key() + "/callback"),
                demo,
                Duration.ofMillis(config.getOptionalValue(prefix + "connect-timeout-ms", Long.class).orElse(3000L)),
                Duration.ofMillis(config.getOptionalValue(prefix + "read-timeout-ms", Long.class).orElse(10000L)),
                Duration.ofMillis(config.getOptionalValue(prefix + "total-timeout-ms", Long.class).orElse(12000L)));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
