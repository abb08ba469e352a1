package ru.storelink.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentRulesTest {

    private static final String H2 = "jdbc:h2:file:./data/storelink";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/storelink";

    @Test
    void theEmbeddedDefaultNeedsNothing() {
        assertThat(DeploymentRules.problems(H2, false, "http://localhost:8080")).isEmpty();
        assertThat(DeploymentRules.problems(H2, false, "http://shop.local:8080")).isEmpty();
    }

    @Test
    void postgresqlRefusesTheGeneratedDevelopmentKey() {
        assertThat(DeploymentRules.problems(POSTGRES, false, "https://storelink.example.ru"))
                .singleElement().asString().contains("app.token-key");
    }

    @Test
    void postgresqlWantsHttpsUnlessOnThisMachine() {
        assertThat(DeploymentRules.problems(POSTGRES, true, "http://storelink.example.ru"))
                .singleElement().asString().contains("app.public-url");
        assertThat(DeploymentRules.problems(POSTGRES, true, "https://storelink.example.ru")).isEmpty();
        assertThat(DeploymentRules.problems(POSTGRES, true, "http://localhost:8080")).isEmpty();
        assertThat(DeploymentRules.problems(POSTGRES, true, "http://127.0.0.1:8080")).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        assertThat(DeploymentRules.problems(POSTGRES, false, "http://storelink.example.ru")).hasSize(2);
    }

    @Test
    void postgresqlWithoutClientIdsRefusesToStartAndNamesTheKeys() {
        assertThat(DeploymentRules.demoProblems(POSTGRES, List.of("evotor", "vk"), false)).singleElement().asString()
                .contains("evotor.client-id (EVOTOR_CLIENT_ID)", "vk.client-id (VK_CLIENT_ID)", "app.demo=true (APP_DEMO)");
        assertThat(DeploymentRules.demoProblems(POSTGRES, List.of("vk"), false)).singleElement().asString()
                .contains("vk.client-id").doesNotContain("evotor.client-id");
    }

    @Test
    void anExplicitDemoStartsOnPostgresql() {
        assertThat(DeploymentRules.demoProblems(POSTGRES, List.of("evotor", "vk"), true)).isEmpty();
    }

    @Test
    void realClientIdsOrTheEmbeddedDatabaseNeedNoDemoSwitch() {
        assertThat(DeploymentRules.demoProblems(POSTGRES, List.of(), false)).isEmpty();
        assertThat(DeploymentRules.demoProblems(H2, List.of("evotor", "vk"), false)).isEmpty();
    }
}
