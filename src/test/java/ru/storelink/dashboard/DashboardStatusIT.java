package ru.storelink.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages;
import ru.storelink.testsupport.SessionWrites;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;
import ru.storelink.vk.control.VkConnections;
import ru.storelink.vk.control.VkMessages.User;

/**
 * The dashboard's automatic refresh, {@code GET /connections/status} with the page's refresh pass and no
 * cookie: the owner's own cards only, 304 while nothing changed, no session touched, and every kind of bad
 * pass refused. In the container, so that {@link SessionWrites} can watch the server's sessions while the
 * test asks over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardStatusIT {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    VkConnections vk;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    /** What the page's script sends: no cookies at all. */
    private final WebClient script = new WebClient(TestServer.baseUrl());

    @AfterEach
    void defaults() {
        TestConfig.clear();
    }

    @Test
    void theOwnersCardsWithAnETagAndNoSessionAtAll() throws Exception {
        Owner alice = ownerWithBothConnections("status-alice");

        long before = SessionWrites.count();
        HttpResponse<String> first = refresh(alice.pass, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = refresh(alice.pass, etag);
        HttpResponse<String> third = refresh(alice.pass, etag);
        long changes = SessionWrites.count() - before;

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("private").contains("no-cache"));
        assertThat(first.headers().allValues("Set-Cookie")).as("no session, no session version").isEmpty();
        JsonArray cards = cards(first);
        assertThat(cards).hasSize(2);
        JsonObject evotorCard = card(cards, "evotor");
        assertThat(evotorCard.getString("status")).isEqualTo("Работает");
        assertThat(evotorCard.getString("styleClass")).isNotBlank();
        assertThat(evotorCard.getString("details")).isEqualTo("Магазин «Чайная»");
        assertThat(evotorCard.getString("checked")).startsWith("Последняя проверка: ");
        assertThat(card(cards, "vk").getString("details")).contains("Иван Иванов");
        assertThat(again.statusCode()).as("unchanged: 304").isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(third.statusCode()).isEqualTo(304);
        assertThat(third.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(changes).as("sessions created or changed during three refreshes").isZero();

        // The counter sees changes at all: an ordinary page records the owner's activity in the session.
        long beforePage = SessionWrites.count();
        alice.client.get("/connections");
        assertThat(SessionWrites.count() - beforePage).as("session changes of a page load").isPositive();
    }

    @Test
    void aChangedStatusChangesTheAnswer() throws Exception {
        Owner owner = ownerWithBothConnections("status-change");
        String etag = refresh(owner.pass, null).headers().firstValue("ETag").orElseThrow();

        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE connection_health SET state = 'NEEDS_RECONNECT', last_check_outcome = 'CREDENTIALS_REJECTED'"
                        + " WHERE service = 'evotor' AND connection_id = ?")) {
            update.setLong(1, owner.evotorConnection);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<String> changed = refresh(owner.pass, etag);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        JsonObject card = card(cards(changed), "evotor");
        assertThat(card.getString("status")).isEqualTo("Требуется переподключение");
        assertThat(card.getString("note")).contains("«Переподключить»");
        assertThat(card(cards(changed), "vk").isNull("note")).as("nothing to say about VK").isTrue();
    }

    @Test
    void aPassShowsOnlyItsOwnersCardsAndABadOneNothing() throws Exception {
        Owner alice = ownerWithBothConnections("status-own");
        WebClient bob = new WebClient(TestServer.baseUrl());
        assertThat(bob.register(TestData.uniqueEmail("status-bob"), PASSWORD).statusCode()).isEqualTo(302);
        String bobsPass = pass(bob);
        String[] parts = alice.pass.split("\\.");

        assertThat(cards(refresh(bobsPass, null))).as("Bob has no connections").isEmpty();
        // Alice's ETag is of no use to Bob.
        HttpResponse<String> replayed = refresh(bobsPass, refresh(alice.pass, null).headers().firstValue("ETag").orElseThrow());
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(cards(replayed)).isEmpty();
        String bobsAccount = bobsPass.split("\\.")[0];
        for (String bad : new String[] {"", "garbage", bobsAccount + "." + parts[1] + "." + parts[2], alice.pass + "x",
                parts[0] + "." + (Long.parseLong(parts[1]) + 60) + "." + parts[2], "<script>alert(1)</script>"}) {
            HttpResponse<String> refused = refresh(bad, null);
            assertThat(refused.statusCode()).as("pass «%s»", bad).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("cards").contains("Обновите страницу");
        }
        HttpResponse<String> none = script.get("/connections/status");
        assertThat(none.statusCode()).as("no pass").isEqualTo(401);
        assertThat(none.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(alice.client.get("/connections/status", "Cookie", "JSESSIONID=forged").statusCode())
                .as("a cookie is no pass").isEqualTo(401);
        assertThat(refresh(alice.pass, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPassEndsWithTheSessionsIdleTime() throws Exception {
        TestConfig.set("accounts.session.idle-minutes", "0.05"); // 3 s
        Owner owner = ownerWithBothConnections("status-idle");
        assertThat(refresh(owner.pass, null).statusCode()).isEqualTo(200);

        Thread.sleep(4_000);

        assertThat(refresh(owner.pass, null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> refresh(String pass, String etag) {
        return etag == null
                ? script.get("/connections/status", Map.of("Authorization", "Bearer " + pass))
                : script.get("/connections/status", Map.of("Authorization", "Bearer " + pass, "If-None-Match", etag));
    }

    private record Owner(WebClient client, long evotorConnection, String pass) {
    }

    private Owner ownerWithBothConnections(String prefix) throws Exception {
        String email = TestData.uniqueEmail(prefix);
        long account = accounts.register(email, PASSWORD).getId();
        long evotorConnection = evotor.save(account, new Grant("a-" + prefix, null, null),
                new EvotorMessages.Store("s-" + account, "Чайная", "")).getId();
        vk.save(account, new Grant("v-" + prefix, null, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)),
                new User(account, "Иван", "Иванов"), "device");
        WebClient client = new WebClient(TestServer.baseUrl());
        assertThat(client.login(email, PASSWORD).statusCode()).isEqualTo(302);
        return new Owner(client, evotorConnection, pass(client));
    }

    /** The pass the dashboard gives its script. */
    private static String pass(WebClient owner) {
        HttpResponse<String> page = owner.get("/connections");
        assertThat(page.statusCode()).isEqualTo(200);
        String pass = Jsoup.parse(page.body()).getElementById("card-refresh").attr("data-pass");
        assertThat(pass).isNotBlank();
        return pass;
    }

    private static JsonArray cards(HttpResponse<String> status) {
        return Json.createReader(new StringReader(status.body())).readObject().getJsonArray("cards");
    }

    private static JsonObject card(JsonArray cards, String service) {
        return cards.stream().map(JsonObject.class::cast).filter(card -> card.getString("service").equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no " + service + " card in " + cards));
    }
}
