package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.testsupport.Dashboard;
import ru.storelink.testsupport.OwnConnectionsOnly;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box, with background checks every 3 seconds: VK ID tokens are refreshed before they expire and the
 * rotated refresh token is kept; an Evotor 401 is cured by one refresh when a refresh token is held.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class, OwnConnectionsOnly.class})
@RunAsClient
class TokenLifecycleIT {

    final URL base = TestServer.baseUrl();

    @AfterEach
    void quiet() {
        TestConfig.clear();
    }

    @Test
    void vkTokensAreRefreshedAheadOfExpiryAndTheRotatedRefreshTokenIsKept() {
        long userId = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().nextProfileIs(userId, "Анна", "Обновлённая");
        WebClient owner = owner();
        owner.connect("vk");
        TestConfig.healthChecksEvery(3);

        // Each check refreshes (the token has less than 5 minutes left); the second and third refresh
        // only work if the refresh token rotated by the first was stored.
        Waiting.upTo(Duration.ofSeconds(40), () -> Simulators.vk().refreshesOf(userId) >= 3 && history(owner, "/vk").size() >= 3);

        assertThat(history(owner, "/vk")).allSatisfy(row -> assertThat(row).contains("Работает"));
        assertThat(owner.get("/vk").body()).contains("Работает").doesNotContain("Требуется переподключение");
    }

    @Test
    void anEvotor401IsCuredByOneRefresh() {
        String storeId = "refresh-store-" + System.nanoTime();
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        WebClient owner = owner();
        owner.connect("evotor");
        Simulators.evotor().expireAccessTokensOf(storeId);
        TestConfig.healthChecksEvery(3);

        Waiting.upTo(Duration.ofSeconds(30), () -> !history(owner, "/evotor").isEmpty());

        assertThat(Simulators.evotor().refreshesOf(storeId)).isEqualTo(1);
        assertThat(history(owner, "/evotor").get(0)).contains("Работает");
    }

    @Test
    void aRefreshFollowedByFailingApiCallsKeepsTheRotatedRefreshToken() {
        long userId = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().nextProfileIs(userId, "Ольга", "Неудачная");
        WebClient owner = owner();
        owner.connect("vk");
        int reusesBefore = Simulators.vk().refreshTokenReuses();
        // Every check refreshes (the token is within its refresh window), then users.get fails: the rotated
        // refresh token must already be stored, or the next check presents a retired one and VK revokes the grant.
        Simulators.vk().failAlways(VkSimulator.USERS_GET, Fault.SERVER_ERROR);
        TestConfig.healthChecksEvery(3);
        Waiting.upTo(Duration.ofSeconds(40), () -> Simulators.vk().refreshesOf(userId) >= 3);

        Simulators.vk().reset();
        Simulators.vk().accessTokensLive(120);
        int refreshes = Simulators.vk().refreshesOf(userId);
        Waiting.upTo(Duration.ofSeconds(30), () -> Simulators.vk().refreshesOf(userId) > refreshes
                && owner.get("/vk").body().contains("Работает"));

        assertThat(Simulators.vk().refreshTokenReuses()).as("retired refresh tokens presented").isEqualTo(reusesBefore);
        assertThat(history(owner, "/vk")).noneSatisfy(row -> assertThat(row).contains("Доступ отклонён"));
        assertThat(owner.get("/vk").body()).doesNotContain("Требуется переподключение");
    }

    /** Defect 1 for Evotor: after a 401 and a refresh, the stores call fails; the rotated grant must be kept. */
    @Test
    void anEvotorRefreshFollowedByAFailingCallKeepsTheRotatedRefreshToken() {
        String storeId = "rotated-store-" + System.nanoTime();
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        WebClient owner = owner();
        owner.connect("evotor");
        int reusesBefore = Simulators.evotor().refreshTokenReuses();
        // Evotor maps its status codes without throwing; garbage after a good refresh is the case that lost it.
        Simulators.evotor().failAfterEach(EvotorSimulator.TOKEN, EvotorSimulator.STORES, Fault.MALFORMED_BODY);
        Simulators.evotor().expireAccessTokensOf(storeId);
        TestConfig.healthChecksEvery(3);
        Waiting.upTo(Duration.ofSeconds(30), () -> Simulators.evotor().refreshesOf(storeId) >= 1 && !history(owner, "/evotor").isEmpty());

        // The next check must use the renewed access token: no 401, so no second refresh of a retired token.
        Waiting.upTo(Duration.ofSeconds(30), () -> history(owner, "/evotor").size() >= 2);

        assertThat(history(owner, "/evotor").get(0)).contains("Работает");
        assertThat(Simulators.evotor().refreshesOf(storeId)).as("refreshes").isEqualTo(1);
        assertThat(Simulators.evotor().refreshTokenReuses()).as("retired refresh tokens presented").isEqualTo(reusesBefore);
        assertThat(owner.get("/evotor").body()).doesNotContain("Требуется переподключение");
    }

    @Test
    void aRefreshAnswerWithoutRefreshTokenKeepsTheStoredOne() {
        long userId = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().nextProfileIs(userId, "Пётр", "Безтокенов");
        WebClient owner = owner();
        owner.connect("vk");
        Simulators.vk().omitRefreshTokens(1);
        TestConfig.healthChecksEvery(3);

        // The first refresh answer has no refresh token; later refreshes still work only if it was kept.
        Waiting.upTo(Duration.ofSeconds(40), () -> Simulators.vk().refreshesOf(userId) >= 3);

        assertThat(owner.get("/vk").body()).contains("Работает").doesNotContain("Требуется переподключение");
    }

    @Test
    void ourOwnMisconfigurationShowsAsCannotCheckAndIsCheckedAgain() {
        long userId = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        Simulators.vk().nextProfileIs(userId, "Ирина", "Настроечная");
        WebClient owner = owner();
        owner.connect("vk");
        Simulators.vk().apiErrorAlways(28);
        TestConfig.healthChecksEvery(3);

        // Not green, not the owner's fault, and not parked: checked again at the interval.
        Waiting.upTo(Duration.ofSeconds(40), () -> history(owner, "/vk").size() >= 2);
        assertThat(Dashboard.of(owner).status("vk")).isEqualTo("Не удаётся проверить");
        assertThat(owner.get("/metrics").body()).containsPattern("health_check_own_failures_total\\{[^}]*provider=\"vk\"[^}]*\\} [1-9]");

        Simulators.vk().reset();
        Waiting.upTo(Duration.ofSeconds(30), () -> "Работает".equals(Dashboard.of(owner).status("vk")));
    }

    @Test
    void aProviderThatNeverFinishesItsAnswerIsCutOffAtTheOverallDeadline() {
        WebClient owner = owner();
        owner.connect("vk");
        // Every read gets a byte within the 2 s read timeout; the answer would take 20 s in all.
        Simulators.vk().failAlways(VkSimulator.USERS_GET, Fault.DRIP);
        TestConfig.healthChecksEvery(3);

        Waiting.upTo(Duration.ofSeconds(40), () -> !history(owner, "/vk").isEmpty());

        String check = history(owner, "/vk").get(0);
        assertThat(check).contains("Временный сбой");
        long millis = Long.parseLong(check.replaceAll(".* (\\d+) мс.*", "$1"));
        // vk.total-timeout-ms=3000 plus at most one read in progress (2 s) in the test configuration.
        assertThat(millis).isLessThan(6_000);
    }

    @Test
    void anAnswerLargerThanTheCapIsNotReadToTheEnd() {
        WebClient owner = owner();
        owner.connect("vk");
        Simulators.vk().failAlways(VkSimulator.USERS_GET, Fault.HUGE_BODY);
        TestConfig.healthChecksEvery(3);

        Waiting.upTo(Duration.ofSeconds(40), () -> !history(owner, "/vk").isEmpty());

        assertThat(history(owner, "/vk").get(0)).contains("Временный сбой", "ответил непонятно");
    }

    private WebClient owner() {
        WebClient client = new WebClient(base);
        assertThat(client.register(TestData.uniqueEmail("tokens"), "correct horse battery").statusCode()).isEqualTo(302);
        return client;
    }

    private static List<String> history(WebClient owner, String page) {
        return Jsoup.parse(owner.get(page).body()).select("#history-table tbody tr").stream().map(Element::text).toList();
    }

}
