package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box: how long a signed-in session lasts. The limits are shortened to seconds for these tests
 * (decimal minutes and hours); the margins are seconds wide, so a slow machine cannot flip an answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLimitsIT {

    private static final String PASSWORD = "correct horse battery";

    final URL base = TestServer.baseUrl();

    @AfterEach
    void defaultLimits() {
        TestConfig.clear();
    }

    @Test
    void theDashboardsAutomaticRefreshDoesNotKeepTheSessionAlive() throws Exception {
        TestConfig.set("accounts.session.idle-minutes", "0.1"); // 6 s
        WebClient owner = signedInOwner("idle");
        long lastOwnRequest = System.nanoTime();
        HttpResponse<String> dashboard = owner.get("/connections");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        Map<String, String> poll = pollRequest(dashboard);

        HttpResponse<String> early = owner.post("/connections", poll, Map.of("Faces-Request", "partial/ajax"));
        assertThat(early.body()).as("a refresh within the idle time").contains("<update id=\"cards\"");
        String redirect = null;
        while (redirect == null && secondsSince(lastOwnRequest) < 15) {
            Thread.sleep(1000);
            HttpResponse<String> refresh = owner.post("/connections", poll, Map.of("Faces-Request", "partial/ajax"));
            assertThat(refresh.statusCode()).isEqualTo(200);
            if (refresh.body().contains("<redirect")) {
                redirect = refresh.body();
            } else {
                assertThat(secondsSince(lastOwnRequest)).as("refreshes answered after the idle time").isLessThan(10);
            }
        }

        assertThat(redirect).as("the refresh after the idle time sends the page away").contains("url=\"/connections\"");
        assertThat(secondsSince(lastOwnRequest)).isGreaterThanOrEqualTo(5);
        HttpResponse<String> after = owner.get("/connections");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(after)).endsWith("/login");
    }

    @Test
    void ownRequestsKeepTheSessionAliveButOnlyUntilTheAbsoluteLimit() throws Exception {
        TestConfig.set("accounts.session.idle-minutes", "0.1"); // 6 s
        TestConfig.set("accounts.session.absolute-hours", "0.004"); // 14.4 s
        long signedIn = System.nanoTime();
        WebClient owner = signedInOwner("absolute");
        HttpResponse<String> page = owner.get("/connections");
        while (page.statusCode() == 200 && secondsSince(signedIn) < 25) {
            Thread.sleep(1000);
            page = owner.get("/connections");
        }

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(secondsSince(signedIn)).as("signed out by the absolute limit, long after the idle time")
                .isGreaterThanOrEqualTo(10).isLessThan(25);
        assertThat(WebClient.location(owner.follow(page))).endsWith("/login");
    }

    private WebClient signedInOwner(String prefix) {
        WebClient owner = new WebClient(base);
        assertThat(owner.register(TestData.uniqueEmail(prefix), PASSWORD).statusCode()).isEqualTo(302);
        return owner;
    }

    /** What PrimeFaces posts when the dashboard's {@code <p:poll>} fires. */
    private static Map<String, String> pollRequest(HttpResponse<String> dashboard) {
        assertThat(Jsoup.parse(dashboard.body()).getElementById("refresh")).as("the dashboard's refresh form").isNotNull();
        // The form's hidden fields and the page's CSP nonce, which PrimeFaces sends with every request.
        Map<String, String> fields = new LinkedHashMap<>(WebClient.formFields(dashboard, "refresh", Map.of()));
        fields.remove("refresh:submit");
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "refresh:poll");
        fields.put("jakarta.faces.partial.execute", "refresh:poll");
        fields.put("jakarta.faces.partial.render", "cards");
        fields.put("refresh:poll", "refresh:poll");
        return fields;
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
