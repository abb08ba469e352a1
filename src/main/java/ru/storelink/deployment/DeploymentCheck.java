package ru.storelink.deployment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a deployment that breaks {@link DeploymentRules}: the deployment fails with the reasons
 * in the log, before the database is touched (the migration depends on this bean).
 */
@Startup
@Singleton
public class DeploymentCheck {

    private static final Logger LOG = Logger.getLogger(DeploymentCheck.class.getName());

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        List<String> problems = DeploymentRules.problems(
                config.getOptionalValue("db.url", String.class).orElse(""),
                config.getOptionalValue("app.token-key", String.class).filter(key -> !key.isBlank()).isPresent(),
                config.getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080"));
        if (!problems.isEmpty()) {
            problems.forEach(LOG::severe);
            throw new IllegalStateException("Storelink refuses to start: " + String.join("; ", problems));
        }
    }
}
