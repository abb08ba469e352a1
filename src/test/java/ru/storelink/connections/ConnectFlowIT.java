package ru.storelink.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.storelink.connections.control.ConnectFailure;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.texts.Texts;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.testsupport.Dashboard;
import ru.storelink.testsupport.DatabaseRows;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box, against the loopback simulators: connecting Evotor and VK, and every way a callback or a
 * provider can go wrong. Whatever fails, the owner lands on /connections with a clear message, nothing is
 * stored and an existing connection stays as it was.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class ConnectFlowIT {

    private static final String PASSWORD = "correct horse battery";

    final URL base = TestServer.baseUrl();

    @Test
    void evotorConnectsAndTheCardWorks() {
        WebClient owner = owner();
        Simulators.evotor().nextAccountHasStores(new Store("store-42", "Чайная", "Москва"));

        HttpResponse<String> callback = owner.connect("evotor");

        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(WebClient.location(callback)).endsWith("/connections").doesNotContain("code");
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.details("evotor")).isEqualTo("Магазин «Чайная»");
        assertThat(dashboard.status("evotor")).isEqualTo("Работает");
        assertThat(dashboard.lastCheck("evotor")).matches("Последняя проверка: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d");
        assertThat(dashboard.notices()).contains("Касса Эвотор подключена: магазин «Чайная».");
        assertThat(Simulators.evotor().calls(EvotorSimulator.TOKEN)).isEqualTo(1);
    }

    @Test
    void vkConnectsWithPkceAndTheCardShowsTheProfile() {
        WebClient owner = owner();
        Simulators.vk().nextProfileIs(1001, "Иван", "Иванов");

        owner.connect("vk");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.details("vk")).isEqualTo("Иван Иванов");
        assertThat(dashboard.status("vk")).isEqualTo("Работает");
        assertThat(dashboard.notices()).contains("Аккаунт ВКонтакте подключён: Иван Иванов.");
    }

    @Test
    void reconnectingUpdatesTheSameConnection() {
        WebClient owner = owner();
        Simulators.evotor().nextAccountHasStores(new Store("s1", "Старая", ""), new Store("s2", "Новая", ""));
        owner.connect("evotor");
        Simulators.evotor().nextAccountHasStores(new Store("s3", "Третья", ""), new Store("s2", "Новая", ""));

        owner.connect("evotor");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.page().select("[id^=card-evotor]")).hasSize(1);
        assertThat(dashboard.details("evotor")).as("first store until the owner chooses").isEqualTo("Магазин «Третья»");
    }

    @Test
    void ownerRefusingConsentStoresNothing() {
        WebClient owner = owner();
        Simulators.evotor().ownerRefusesNextTime();

        owner.connect("evotor");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.hasCard("evotor")).isFalse();
        assertThat(dashboard.notices()).contains("Подключение «Эвотор» отменено: доступ не был предоставлен.");
        assertThat(Simulators.evotor().calls(EvotorSimulator.TOKEN)).isZero();
    }

    @Test
    void missingUnknownAndReplayedStatesAreRefused() {
        WebClient owner = owner();
        HttpResponse<String> atProvider = owner.follow(owner.get("/evotor/connect"));
        String callback = WebClient.location(atProvider);

        assertStale(owner, owner.get("/evotor/callback?code=abc"));
        assertStale(owner, owner.get("/evotor/callback?code=abc&state=forged-state"));
        owner.follow(atProvider);
        assertThat(Dashboard.of(owner).hasCard("evotor")).isTrue();
        assertStale(owner, owner.get(callback.substring(callback.indexOf("/evotor/callback"))));
        assertThat(Simulators.evotor().calls(EvotorSimulator.TOKEN)).as("only the first callback reached Evotor").isEqualTo(1);
    }

    @Test
    void aVkStateAtTheEvotorCallbackIsRefused() {
        WebClient owner = owner();
        String vkAuthorize = WebClient.location(owner.get("/vk/connect"));
        String vkState = vkAuthorize.replaceAll(".*[?&]state=([^&]+).*", "$1");

        assertStale(owner, owner.get("/evotor/callback?code=abc&state=" + vkState));
        assertThat(Simulators.evotor().calls(EvotorSimulator.TOKEN)).isZero();
    }

    @Test
    void anotherOwnersStateDoesNotWorkInMySession() {
        WebClient alice = owner();
        WebClient bob = owner();
        HttpResponse<String> alicesCallback = alice.follow(alice.get("/evotor/connect"));
        String callbackUrl = WebClient.location(alicesCallback);

        assertStale(bob, bob.get(callbackUrl.substring(callbackUrl.indexOf("/evotor/callback"))));
        assertThat(Dashboard.of(bob).hasCard("evotor")).isFalse();

        alice.follow(alicesCallback);
        assertThat(Dashboard.of(alice).hasCard("evotor")).as("Bob's attempt did not spend Alice's state").isTrue();
    }

    @Test
    void rejectedCodeStoresNothingAndKeepsTheExistingConnection() {
        WebClient owner = connectedToEvotor("Чайная");
        HttpResponse<String> atProvider = owner.follow(owner.get("/evotor/connect"));
        String callback = WebClient.location(atProvider).replaceAll("code=[^&]+", "code=tampered");

        HttpResponse<String> answer = owner.get(callback.substring(callback.indexOf("/evotor/callback")));

        assertThat(answer.statusCode()).isEqualTo(303);
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.notices()).contains("«Эвотор» не подтвердил разрешение");
        assertThat(dashboard.details("evotor")).isEqualTo("Магазин «Чайная»");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "RATE_LIMITED", "MALFORMED_BODY", "TIMEOUT"})
    void failingTokenExchangeKeepsTheExistingConnection(Fault fault) {
        WebClient owner = connectedToEvotor("Чайная");
        Simulators.evotor().nextAccountHasStores(new Store("other", "Другая", ""));
        Simulators.evotor().failNext(EvotorSimulator.TOKEN, fault);

        owner.connect("evotor");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.notices()).contains(fault == Fault.MALFORMED_BODY
                ? "«Эвотор» ответил непонятно. Подключение не изменилось"
                : "«Эвотор» сейчас недоступен. Подключение не изменилось");
        assertThat(dashboard.details("evotor")).isEqualTo("Магазин «Чайная»");
    }

    @Test
    void failingStoreListStoresNothing() {
        WebClient owner = owner();
        Simulators.evotor().failNext(EvotorSimulator.STORES, Fault.SERVER_ERROR);

        owner.connect("evotor");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.hasCard("evotor")).isFalse();
        assertThat(dashboard.notices()).contains("«Эвотор» сейчас недоступен");
    }

    @Test
    void anAccountWithoutStoresIsExplained() {
        WebClient owner = owner();
        Simulators.evotor().nextAccountHasStores();

        owner.connect("evotor");

        assertThat(Dashboard.of(owner).notices()).contains("нет ни одного магазина");
        assertThat(Dashboard.of(owner).hasCard("evotor")).isFalse();
    }

    @Test
    void vkErrorsInsideHttp200AreNotSuccess() {
        WebClient owner = owner();
        Simulators.vk().nextApiErrorIs(5);
        owner.connect("vk");
        Dashboard refused = Dashboard.of(owner);
        assertThat(refused.hasCard("vk")).isFalse();
        assertThat(refused.notices()).contains("«ВКонтакте» отказал в доступе");

        Simulators.vk().nextApiErrorIs(28);
        owner.connect("vk");
        Dashboard ours = Dashboard.of(owner);
        assertThat(ours.hasCard("vk")).isFalse();
        assertThat(ours.notices()).as("our misconfiguration is not the owner's fault").contains("«ВКонтакте» сейчас недоступен");
    }

    @Test
    void vkRejectedCodeAndFailingVkIdStoreNothing() {
        WebClient owner = owner();
        HttpResponse<String> atProvider = owner.follow(owner.get("/vk/connect"));
        String callback = WebClient.location(atProvider).replaceAll("code=[^&]+", "code=tampered");
        owner.get(callback.substring(callback.indexOf("/vk/callback")));
        assertThat(Dashboard.of(owner).notices()).contains("«ВКонтакте» не подтвердил разрешение");

        Simulators.vk().failNext(VkSimulator.TOKEN, Fault.TIMEOUT);
        owner.connect("vk");
        assertThat(Dashboard.of(owner).notices()).contains("«ВКонтакте» сейчас недоступен");

        Simulators.vk().failNext(VkSimulator.USERS_GET, Fault.MALFORMED_BODY);
        owner.connect("vk");
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.notices()).contains("«ВКонтакте» ответил непонятно");
        assertThat(dashboard.hasCard("vk")).isFalse();
    }

    @Test
    void hugeCallbackParametersAreRefusedClearly() {
        WebClient owner = owner();
        String state = WebClient.location(owner.get("/evotor/connect")).replaceAll(".*[?&]state=([^&]+).*", "$1");

        HttpResponse<String> answer = owner.get("/evotor/callback?code=" + "c".repeat(10_000) + "&state=" + state);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(Dashboard.of(owner).notices()).contains("«Эвотор» вернул некорректный ответ");
        assertThat(Simulators.evotor().calls(EvotorSimulator.TOKEN)).isZero();
    }

    @Test
    void providerTextIsShownAsTextNeverAsMarkup() {
        WebClient owner = owner();
        String hostile = "<script>alert('store')</script><b>Чайная</b>";
        Simulators.evotor().nextAccountHasStores(new Store("x", hostile, ""));
        Simulators.vk().nextProfileIs(7, "<img src=x onerror=alert(1)>", "<script>alert(2)</script>");

        owner.connect("evotor");
        owner.connect("vk");

        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.details("evotor")).isEqualTo("Магазин «" + hostile + "»");
        assertThat(dashboard.details("vk")).isEqualTo("<img src=x onerror=alert(1)> <script>alert(2)</script>");
        assertThat(dashboard.response().body()).doesNotContain("<script>alert", "<img src=x");
        assertThat(owner.get("/vk").body()).doesNotContain("<script>alert", "<img src=x");
        assertThat(owner.get("/evotor").body()).doesNotContain("<script>alert");
    }

    @Test
    void connectingTwiceInParallelLeavesExactlyOneConnectionAndBothCallbacksSucceed() throws Exception {
        String email = TestData.uniqueEmail("parallel");
        WebClient owner = new WebClient(base);
        assertThat(owner.register(email, PASSWORD).statusCode()).isEqualTo(302);
        // A double click on «Подключить»: two consents, two codes, two callbacks in one session.
        HttpResponse<String> first = owner.follow(owner.get("/evotor/connect"));
        HttpResponse<String> second = owner.follow(owner.get("/evotor/connect"));
        // Both code exchanges are held at Evotor together, so both callbacks store at nearly the same moment.
        Simulators.evotor().failNext(EvotorSimulator.TOKEN, Fault.SLOW, 2);

        List<HttpResponse<String>> callbacks = atOnce(() -> owner.follow(first), () -> owner.follow(second));

        assertThat(Simulators.evotor().peakConcurrency()).as("both exchanges were at Evotor at once").isGreaterThanOrEqualTo(2);
        for (HttpResponse<String> callback : callbacks) {
            assertThat(callback.statusCode()).isEqualTo(303);
            assertThat(WebClient.location(callback)).endsWith("/connections");
        }
        // Counted in the table: the dashboard shows one card per service whatever the table holds.
        assertThat(DatabaseRows.ofOwner("evotor_connection", email)).isEqualTo(1);
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.status("evotor")).isEqualTo("Работает");
        assertThat(dashboard.notices()).contains("Касса Эвотор подключена");
        for (ConnectFailure failure : ConnectFailure.values()) {
            assertThat(dashboard.notices()).doesNotContain(Texts.render(failure.message(EvotorService.TYPE)));
        }
    }

    @Test
    void deletingWhileACallbackIsInFlightEndsWithTheNewConnection() throws Exception {
        String email = TestData.uniqueEmail("delete-in-flight");
        WebClient owner = new WebClient(base);
        assertThat(owner.register(email, PASSWORD).statusCode()).isEqualTo(302);
        Simulators.evotor().nextAccountHasStores(new Store("store-old", "Чайная", ""));
        owner.connect("evotor");
        Simulators.evotor().nextAccountHasStores(new Store("store-new", "Кофейня", ""));
        HttpResponse<String> atProvider = owner.follow(owner.get("/evotor/connect"));
        int exchanges = Simulators.evotor().calls(EvotorSimulator.TOKEN);
        Simulators.evotor().failNext(EvotorSimulator.TOKEN, Fault.SLOW);
        HttpResponse<String>[] callback = new HttpResponse[1];

        Thread inFlight = new Thread(() -> callback[0] = owner.follow(atProvider));
        inFlight.start();
        // The delete happens while the callback's code exchange is held at Evotor (1.5 s), not after a guess.
        Waiting.upTo(Duration.ofSeconds(10), () -> Simulators.evotor().calls(EvotorSimulator.TOKEN) > exchanges);
        HttpResponse<String> deleted = deleteEvotor(owner);
        inFlight.join();

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(callback[0].statusCode()).isEqualTo(303);
        // The callback finished after the delete, so the owner's latest action is the new connection.
        assertThat(DatabaseRows.ofOwner("evotor_connection", email)).isEqualTo(1);
        Dashboard dashboard = Dashboard.of(owner);
        assertThat(dashboard.details("evotor")).isEqualTo("Магазин «Кофейня»");
        assertThat(dashboard.notices()).contains("«Эвотор» отключён", "Касса Эвотор подключена: магазин «Кофейня».");
    }

    /** Runs both calls in threads that start together (a barrier), and returns their answers. */
    @SafeVarargs
    private static List<HttpResponse<String>> atOnce(Callable<HttpResponse<String>>... calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                answers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<HttpResponse<String>> results = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void demoProvidersAreOffWhenCredentialsAreConfigured() {
        WebClient client = new WebClient(base);

        assertThat(client.get("/demo/evotor/oauth/authorize?client_id=storelink-demo").statusCode()).isEqualTo(404);
        assertThat(client.get("/demo/vk/api/method/users.get?v=5.199").statusCode()).isEqualTo(404);
        assertThat(owner().get("/evotor").body()).doesNotContain("Демо-режим");
    }

    private static HttpResponse<String> deleteEvotor(WebClient owner) {
        return owner.post("/connections/delete?type=evotor", Map.of("token", Deleting.formToken(owner)));
    }

    private WebClient connectedToEvotor(String store) {
        WebClient owner = owner();
        Simulators.evotor().nextAccountHasStores(new Store("store-" + store.hashCode(), store, ""));
        owner.connect("evotor");
        assertThat(Dashboard.of(owner).details("evotor")).isEqualTo("Магазин «" + store + "»");
        return owner;
    }

    private WebClient owner() {
        WebClient client = new WebClient(base);
        assertThat(client.register(TestData.uniqueEmail("owner"), PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private static void assertStale(WebClient owner, HttpResponse<String> callback) {
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(Dashboard.of(owner).notices()).contains("Ссылка для подключения «Эвотор» устарела или уже использована");
    }
}
