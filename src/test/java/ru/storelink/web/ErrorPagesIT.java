package ru.storelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.testsupport.FailingServlet;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/** Black-box: errors are Russian pages with a way back, and never show a stack trace. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT {

    final URL base = TestServer.baseUrl();

    @Test
    void unknownPageIsARussian404() {
        WebClient client = signedIn();

        for (String path : new String[] {"/no-such-page", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF"}) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(WebClient.text(response)).contains("Страница не найдена", "Перейти на главную");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).containsIgnoringCase("charset=UTF-8"));
        }
    }

    @Test
    void serverErrorShowsNoInternals() {
        HttpResponse<String> response = new WebClient(base).get("/test-support/fail");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(WebClient.text(response)).contains("Что-то пошло не так");
        assertThat(response.body()).doesNotContain(FailingServlet.SECRET_DETAIL, "IllegalStateException",
                "at ru.storelink", "Payara");
    }

    private WebClient signedIn() {
        WebClient client = new WebClient(base);
        assertThat(client.register(TestData.uniqueEmail("errors"), "correct horse battery").statusCode()).isEqualTo(302);
        return client;
    }
}
