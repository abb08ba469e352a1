package ru.storelink.deployment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;

/**
 * Refuses to start a deployment that breaks {@link DeploymentRules}: the deployment fails with the reasons
 * in the log, before the migration touches the schema (it depends on this bean). EclipseLink has already
 * connected once by then, to recognise the database.
 */
@Startup
@Singleton
public class DeploymentCheck {

    private static final Logger LOG = Logger.getLogger(DeploymentCheck.class.getName());

    // Which services run in demo mode is decided where the provider settings are read, nowhere else.
    @Inject
    ProviderConfiguration providers;

    @Inject
    Services services;

    @PostConstruct
    void check() {
        List<String> problems = problems(ConfigProvider.getConfig(),
                services.types().stream().filter(type -> providers.of(type).demo()).map(ServiceType::key).toList());
        if (!problems.isEmpty()) {
            problems.forEach(LOG::severe);
            throw new IllegalStateException("Storelink refuses to start: " + String.join("; ", problems));
        }
    }

    /** @param servicesInDemo keys of the services without a client id, as {@link ProviderConfiguration} decided */
    static List<String> problems(Config config, List<String> servicesInDemo) {
        String dbUrl = config.getOptionalValue("db.url", String.class).orElse("");
        List<String> problems = new ArrayList<>(DeploymentRules.problems(
                dbUrl,
                config.getOptionalValue("app.token-key", String.class).filter(key -> !key.isBlank()).isPresent(),
                config.getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080")));
        problems.addAll(DeploymentRules.demoProblems(dbUrl, servicesInDemo,
                config.getOptionalValue("app.demo", Boolean.class).orElse(false)));
        return problems;
    }
}
