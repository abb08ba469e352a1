package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        String pass = Jsoup.parse(dashboard.body()).getElementById("card-refresh").attr("data-pass");
        WebClient script = new WebClient(base);

        assertThat(script.get("/connections/status", "Authorization", "Bearer " + pass).statusCode())
                .as("a refresh within the idle time").isEqualTo(200);
        Integer refused = null;
        while (refused == null && secondsSince(lastOwnRequest) < 15) {
            Thread.sleep(1000);
            int status = script.get("/connections/status", "Authorization", "Bearer " + pass).statusCode();
            if (status == 401) {
                refused = status;
            } else {
                assertThat(status).isEqualTo(200);
                assertThat(secondsSince(lastOwnRequest)).as("refreshes answered after the idle time").isLessThan(7);
            }
        }

        assertThat(refused).as("the refresh after the idle time is refused, and the page reloads").isNotNull();
        assertThat(secondsSince(lastOwnRequest)).isGreaterThanOrEqualTo(4);
        // The pass ends on a whole second at or before the session's end: ask for the page only once the idle
        // time (6 s) has passed since the last own request, with the refreshes made until then.
        Thread.sleep(Math.max(0, 6_500 - Duration.ofNanos(System.nanoTime() - lastOwnRequest).toMillis()));
        HttpResponse<String> after = owner.get("/connections");
        assertThat(after.statusCode()).as("the refreshes did not keep the session").isEqualTo(302);
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

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
