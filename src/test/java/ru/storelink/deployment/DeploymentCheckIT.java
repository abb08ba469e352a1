package ru.storelink.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;

/**
 * In the container, with Payara's MicroProfile Config: the deployment check reads the keys an admin sets
 * (here from a config of a PostgreSQL deployment built for the test, since the test server itself runs on H2;
 * a real start on PostgreSQL needs the database, which the deployment reaches before this check runs).
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentCheckIT {

    @Inject
    ProviderConfiguration providers;

    @Inject
    Services services;

    @Test
    void postgresqlWithoutClientIdsIsRefusedAndTheMessageNamesTheKeys() {
        List<String> problems = DeploymentCheck.problems(postgresDeployment(Map.of()), List.of("evotor", "vk"));

        assertThat(problems).singleElement().asString().contains(
                "evotor.client-id (EVOTOR_CLIENT_ID), vk.client-id (VK_CLIENT_ID) not set on PostgreSQL",
                "app.demo=true (APP_DEMO)");
    }

    @Test
    void appDemoTrueAsAnAdminWritesItAllowsDemoMode() {
        assertThat(DeploymentCheck.problems(postgresDeployment(Map.of("app.demo", "true")), List.of("evotor", "vk"))).isEmpty();
        assertThat(DeploymentCheck.problems(postgresDeployment(Map.of("app.demo", "false")), List.of("vk"))).hasSize(1);
    }

    @Test
    void configuredClientIdsMeanNoServiceInDemoMode() {
        // The test server has both client ids (pom.xml): the check would get an empty list from them.
        for (ServiceType type : services.types()) {
            assertThat(providers.of(type).demo()).as(type.key()).isFalse();
        }
    }

    private static Config postgresDeployment(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "db.url", "jdbc:postgresql://db:5432/storelink",
                "app.token-key", "dGVzdC1vbmx5LXRva2VuLWtleS0zMi1ieXRlcyEhISE=",
                "app.public-url", "https://storelink.example.ru"));
        values.putAll(extra);
        ConfigSource source = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.get(name);
            }

            @Override
            public String getName() {
                return "deployment-under-test";
            }
        };
        return ConfigProviderResolver.instance().getBuilder().withSources(source).build();
    }
}
