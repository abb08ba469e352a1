package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/** Black-box: what load balancers and monitoring read, without a login. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    final URL base = TestServer.baseUrl();

    @Test
    void livenessAndReadinessAnswerWithoutLogin() {
        WebClient client = new WebClient(base);

        HttpResponse<String> live = client.get("/health/live");
        HttpResponse<String> ready = client.get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"").doesNotContain("database");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"database\"", "\"status\":\"UP\"").doesNotContain("evotor", "vk");
    }

    @Test
    void metricsNameTheHealthChecker() {
        HttpResponse<String> metrics = new WebClient(base).get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("health_checks_due");
    }

    @Test
    void noWadlDescribesOurEndpoints() {
        WebClient client = new WebClient(base);

        assertThat(client.get("/demo/application.wadl").statusCode()).isEqualTo(404);
    }
}
