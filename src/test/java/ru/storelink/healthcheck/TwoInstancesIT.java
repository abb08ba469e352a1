package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.testsupport.Dashboard;
import ru.storelink.testsupport.PayaraInstance;
import ru.storelink.testsupport.SeededConnections;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;

/**
 * On PostgreSQL only (the "postgresql" failsafe run): the server under test and a second Payara Micro
 * with the packaged WAR share one database and form one Payara data grid. Each connection is checked
 * exactly once per interval across both; after a {@code kill -9} of the second instance mid-sweep nothing
 * is lost: the survivor checks the connections the dead one had claimed once their lease expires. A
 * browser sent to either instance is the same signed-in owner, also after the other one died.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class TwoInstancesIT {

    private static final int CONNECTIONS = 120;
    private static final long ID_BASE = 70_000_000L;
    private static final String SHARED = " -Dhealth-check.interval-seconds=300 -Dhealth-check.lease-seconds=25";

    private static final String PASSWORD = "correct horse battery";

    private PayaraInstance second;

    @AfterEach
    void stopSecondInstance() throws Exception {
        TestConfig.clear();
        if (second != null) {
            second.kill();
        }
        try (Connection db = database(); PreparedStatement delete = db.prepareStatement(
                "DELETE FROM account WHERE id >= " + ID_BASE)) {
            delete.executeUpdate();
        }
    }

    @Test
    void everyConnectionIsCheckedExactlyOnceAcrossBothInstances() throws Exception {
        startSecondInstance();
        checksEveryFiveMinutesOnBoth();
        List<String> tokens = seed();

        Waiting.upTo(Duration.ofSeconds(60), () -> unchecked() == 0);

        for (String token : tokens) {
            assertThat(Simulators.evotor().probesWith(token)).as(token).hasSize(1);
        }
    }

    @Test
    void killingAnInstanceMidSweepLosesNothing() throws Exception {
        startSecondInstance();
        // Slow answers (below the 2 s read timeout): a sweep takes several seconds, checks are in flight.
        Simulators.evotor().latency(Duration.ofMillis(1500));
        checksEveryFiveMinutesOnBoth();
        List<String> tokens = seed();
        long killedPid = second.pid();
        Waiting.upTo(Duration.ofSeconds(60), () -> inFlight() > 0 && unchecked() < CONNECTIONS);

        long inFlightAtKill = inFlight();
        second.kill();
        assertThat(inFlightAtKill).as("claimed, unfinished checks of the killed instance").isEqualTo(leasedBy(killedPid));

        // Leases of the killed instance run out after 25 s; the survivor's next sweeps take those rows.
        Waiting.upTo(Duration.ofSeconds(120), () -> unchecked() == 0);
        assertThat(inFlightAtKill).as("claimed, unfinished checks when the instance died").isPositive();
        for (String token : tokens) {
            assertThat(Simulators.evotor().probesWith(token)).as(token).hasSizeBetween(1, 2);
        }
    }

    @Test
    void anInstanceKilledAfterARefreshLosesNoGrant() throws Exception {
        // Only the second instance checks at first; each check refreshes (the token is within its window).
        long userId = 80_000_000L + System.nanoTime() % 1_000_000;
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().nextProfileIs(userId, "Фёдор", "Убитый");
        WebClient owner = new WebClient(TestServer.baseUrl());
        owner.register(TestData.uniqueEmail("two-instances-refresh"), PASSWORD);
        owner.connect("vk");
        int reusesBefore = Simulators.vk().refreshTokenReuses();
        Simulators.vk().failAlways(VkSimulator.USERS_GET, Fault.HANG_FOREVER);
        startSecondInstance(" -Dhealth-check.interval-seconds=2");

        // The second instance refreshed and is waiting for users.get with the renewed token: kill it there.
        // (Any users.get in flight would not do: another connection's may hang while this one's refresh is
        // answered but not yet stored, and a kill then loses the grant, as no client can prevent.)
        Waiting.upTo(Duration.ofSeconds(60), () -> Simulators.vk().refreshesOf(userId) == 1 && Simulators.vk().answeringUsersGetOf(userId));
        second.kill();
        Simulators.vk().reset();
        Simulators.vk().accessTokensLive(120);

        // The survivor takes the check over once the dead instance's lease ends, and refreshes with the
        // refresh token the dead one had stored before calling users.get.
        TestConfig.healthChecksEvery(2);
        Waiting.upTo(Duration.ofSeconds(90), () -> Simulators.vk().refreshesOf(userId) >= 2
                && "Работает".equals(Dashboard.of(owner).status("vk")));
        assertThat(Simulators.vk().refreshTokenReuses()).as("retired refresh tokens presented").isEqualTo(reusesBefore);
    }

    @Test
    void twoInstancesAndCheckNowNeverPresentARefreshTokenTwice() throws Exception {
        long userId = 81_000_000L + System.nanoTime() % 1_000_000;
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().latency(Duration.ofMillis(400));
        Simulators.vk().nextProfileIs(userId, "Вера", "Параллельная");
        WebClient owner = new WebClient(TestServer.baseUrl());
        owner.register(TestData.uniqueEmail("two-instances-check-now"), PASSWORD);
        owner.connect("vk");
        int reusesBefore = Simulators.vk().refreshTokenReuses();
        startSecondInstance(" -Dhealth-check.interval-seconds=1");
        TestConfig.healthChecksEvery(1);
        WebClient onSecond = owner.sameBrowserAt(secondBaseUrl());

        // Both sweeps every second, and the owner pressing «Проверить сейчас» on both instances at once.
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ExecutorService presses = Executors.newFixedThreadPool(2);
        while (System.nanoTime() < until) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pressed = new ArrayList<>();
            for (WebClient browser : List.of(owner, onSecond)) {
                HttpResponse<String> page = browser.get("/connections");
                String checkNow = Jsoup.parse(page.body()).selectFirst("#card-vk form.check-now").id();
                Map<String, String> form = WebClient.formFields(page, checkNow, Map.of());
                form.put(checkNow + ":run", "");
                pressed.add(presses.submit(() -> {
                    start.await();
                    return browser.post("/connections", form);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : pressed) {
                assertThat(answer.get().statusCode()).isLessThan(400);
            }
            assertThat(Dashboard.of(owner).status("vk")).isNotEqualTo("Требуется переподключение");
        }
        presses.shutdown();

        assertThat(Simulators.vk().refreshesOf(userId)).as("refreshes").isGreaterThanOrEqualTo(3);
        assertThat(Simulators.vk().refreshTokenReuses()).as("retired refresh tokens presented").isEqualTo(reusesBefore);
        assertThat(Dashboard.of(owner).status("vk")).isEqualTo("Работает");
    }

    @Test
    void anInstanceWhoseLeaseIsShorterThanACheckRefusesToStart() throws Exception {
        Path log = Path.of(System.getProperty("storelink.second.log"));
        second = PayaraInstance.start("second", log, Integer.parseInt(System.getProperty("storelink.second.port")),
                System.getProperty("storelink.second.jvm") + " -Dhealth-check.lease-seconds=5",
                System.getProperty("storelink.second.options"));

        Waiting.upTo(Duration.ofSeconds(120), () -> logSays(log, "Storelink refuses to start"));
        assertThat(Files.readString(log)).contains("health-check.lease-seconds=5 is shorter than a worst-case",
                "raise health-check.lease-seconds to at least 25");
        assertThat(second.readiness(java.net.http.HttpClient.newHttpClient())).isNotEqualTo(200);
    }

    @Test
    void anOwnerSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
        startSecondInstance();
        String email = TestData.uniqueEmail("two-instances");
        WebClient first = new WebClient(TestServer.baseUrl());
        WebClient second = first.sameBrowserAt(secondBaseUrl());
        first.register(email, PASSWORD);

        HttpResponse<String> page = second.get("/connections");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).getElementById("signed-in-email").text()).isEqualTo(email);

        // The OAuth state is remembered by the instance that sent the owner to Evotor; the callback may
        // arrive at the other one.
        Simulators.evotor().nextAccountHasStores(new Store("two-a", "Чайная на двоих", ""), new Store("two-b", "Вторая на двоих", ""));
        String callback = WebClient.location(first.follow(first.get("/evotor/connect")));
        HttpResponse<String> answer = second.get(callback.substring(callback.indexOf("/evotor/callback")));
        assertThat(WebClient.location(answer)).endsWith("/connections");
        assertThat(Dashboard.of(first).details("evotor")).isEqualTo("Магазин «Чайная на двоих»");

        // The store choice lives in a view-scoped bean: offered by one instance, chosen on the other.
        Map<String, String> choice = WebClient.formFields(first.get("/evotor"), "store", Map.of("choice", "two-b"));
        choice.put("store:save", "");
        second.post("/evotor", choice);
        assertThat(Dashboard.of(second).details("evotor")).isEqualTo("Магазин «Вторая на двоих»");

        // A form rendered by one instance is accepted by the other: logging out there signs out here.
        HttpResponse<String> logout = second.post("/connections", WebClient.formFields(first.get("/connections"), "logout", Map.of()));
        assertThat(WebClient.location(logout)).endsWith("/login");
        assertThat(WebClient.location(first.get("/connections"))).endsWith("/login");
        // Payara only warns when a session attribute cannot be serialized, and the other instance silently
        // lacks it: the second instance saved sessions of every kind above, none may have been refused.
        assertThat(Files.readString(Path.of(System.getProperty("storelink.second.log")))).doesNotContain("Cannot serialize session attribute");
    }

    @Test
    void anOwnerStaysSignedInWhenTheirInstanceIsKilled() throws Exception {
        startSecondInstance();
        String email = TestData.uniqueEmail("two-instances-failover");
        WebClient onSecond = new WebClient(secondBaseUrl().toURL());
        onSecond.register(email, PASSWORD);
        assertThat(onSecond.get("/connections").statusCode()).isEqualTo(200);

        second.kill();

        HttpResponse<String> page = onSecond.sameBrowserAt(TestServer.baseUrl().toURI()).get("/connections");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).getElementById("signed-in-email").text()).isEqualTo(email);
    }

    private static boolean logSays(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> seed() throws SQLException {
        TokenCipher cipher = new TokenCipher(Base64.getDecoder().decode(System.getProperty("storelink.test.token-key")));
        try (Connection db = database()) {
            return SeededConnections.insert(db, cipher, ID_BASE, CONNECTIONS, Simulators.evotor(), null);
        }
    }

    private void startSecondInstance() throws Exception {
        startSecondInstance("");
    }

    /** The packaged WAR on a second Payara Micro, same database and providers, checker on. */
    private void startSecondInstance(String moreJvmOptions) throws Exception {
        // The test server's JVM options and pre-boot commands, and its data grid to join (pom.xml).
        second = PayaraInstance.start("second", Path.of(System.getProperty("storelink.second.log")),
                Integer.parseInt(System.getProperty("storelink.second.port")),
                System.getProperty("storelink.second.jvm") + SHARED + " -Dhealth-check.enabled=true" + moreJvmOptions,
                System.getProperty("storelink.second.options"));
        second.awaitReady(Duration.ofSeconds(120));
    }

    private URI secondBaseUrl() {
        return second.baseUrl();
    }

    private static void checksEveryFiveMinutesOnBoth() {
        TestConfig.set("health-check.lease-seconds", "25");
        TestConfig.set("health-check.interval-seconds", "300");
        TestConfig.set("health-check.enabled", "true");
    }

    private static long unchecked() {
        return count("checked_at IS NULL");
    }

    /** Claimed (leased) by the second instance and not yet written; the test server's own claims do not count. */
    private long inFlight() {
        return leasedBy(second.pid());
    }

    private static long leasedBy(long pid) {
        return count("checked_at IS NULL AND lease_until > CURRENT_TIMESTAMP AND lease_owner LIKE '" + pid + "@%'");
    }

    /** Over the seeded connections' health rows: the schedule and the lease the claims go by live there, not in evotor_connection. */
    private static long count(String condition) {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id >= " + ID_BASE
                        + " AND " + condition);
                ResultSet count = select.executeQuery()) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("storelink.postgresql.url"), "storelink_it", "storelink_it");
    }
}
