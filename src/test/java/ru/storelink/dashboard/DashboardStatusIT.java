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
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages;
import ru.storelink.testsupport.SessionWrites;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;
import ru.storelink.vk.control.VkConnections;
import ru.storelink.vk.control.VkMessages.User;

/**
 * The dashboard's automatic refresh, {@code GET /connections/status}: the owner's own cards only, 304 while
 * nothing changed, and not one change to the session. In the container, so that {@link SessionWrites} can
 * watch the server's sessions while the test asks over HTTP.
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

    @Test
    void theOwnersCardsWithAnETagAndNotOneSessionChange() throws Exception {
        Owner alice = ownerWithBothConnections("status-alice");
        assertThat(alice.client.get("/connections").statusCode()).isEqualTo(200);

        long before = SessionWrites.count();
        HttpResponse<String> first = alice.client.get("/connections/status");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = alice.client.get("/connections/status", "If-None-Match", etag);
        HttpResponse<String> third = alice.client.get("/connections/status", "If-None-Match", etag);
        long changes = SessionWrites.count() - before;

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("private").contains("no-cache"));
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        JsonArray cards = cards(first);
        assertThat(cards).hasSize(2);
        JsonObject evotorCard = card(cards, "evotor");
        assertThat(evotorCard.getString("status")).isEqualTo("Работает");
        assertThat(evotorCard.getString("styleClass")).isNotBlank();
        assertThat(evotorCard.getString("details")).contains("Чайная");
        assertThat(evotorCard.getString("checked")).startsWith("Последняя проверка: ");
        assertThat(card(cards, "vk").getString("details")).contains("Иван Иванов");
        assertThat(again.statusCode()).as("unchanged: 304").isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(third.statusCode()).isEqualTo(304);
        assertThat(changes).as("session changes during three refreshes").isZero();

        // The counter sees changes at all: an ordinary page records the owner's activity in the session.
        long beforePage = SessionWrites.count();
        alice.client.get("/connections");
        assertThat(SessionWrites.count() - beforePage).as("session changes of a page load").isPositive();
    }

    @Test
    void aChangedStatusChangesTheAnswer() throws Exception {
        Owner owner = ownerWithBothConnections("status-change");
        HttpResponse<String> first = owner.client.get("/connections/status");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE connection_health SET state = 'NEEDS_RECONNECT', last_check_outcome = 'NEEDS_RECONNECT'"
                        + " WHERE service = 'evotor' AND connection_id = ?")) {
            update.setLong(1, owner.evotorConnection);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<String> changed = owner.client.get("/connections/status", "If-None-Match", etag);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        JsonObject card = card(cards(changed), "evotor");
        assertThat(card.getString("status")).isEqualTo("Требуется переподключение");
        assertThat(card.getString("note")).contains("подключите заново");
        assertThat(card(cards(changed), "vk").isNull("note")).as("nothing to say about VK").isTrue();
    }

    @Test
    void everyOwnerSeesOnlyTheirOwnAndStrangersNothing() throws Exception {
        Owner alice = ownerWithBothConnections("status-own");
        WebClient bob = new WebClient(TestServer.baseUrl());
        assertThat(bob.register(TestData.uniqueEmail("status-bob"), PASSWORD).statusCode()).isEqualTo(302);
        WebClient stranger = new WebClient(TestServer.baseUrl());

        HttpResponse<String> bobs = bob.get("/connections/status");
        HttpResponse<String> strangers = stranger.get("/connections/status");
        // Alice's ETag is of no use to anyone else.
        HttpResponse<String> replayed = bob.get("/connections/status", "If-None-Match",
                alice.client.get("/connections/status").headers().firstValue("ETag").orElseThrow());

        assertThat(bobs.statusCode()).isEqualTo(200);
        assertThat(cards(bobs)).isEmpty();
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(cards(replayed)).isEmpty();
        assertThat(strangers.statusCode()).as("not signed in: to the login").isEqualTo(302);
        assertThat(WebClient.location(strangers)).endsWith("/login");
        assertThat(strangers.body()).doesNotContain("cards");
        assertThat(alice.client.get("/connections/status").statusCode()).isEqualTo(200);
    }

    private record Owner(WebClient client, long evotorConnection) {
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
        return new Owner(client, evotorConnection);
    }

    private static JsonArray cards(HttpResponse<String> status) {
        return Json.createReader(new StringReader(status.body())).readObject().getJsonArray("cards");
    }

    private static JsonObject card(JsonArray cards, String service) {
        return cards.stream().map(JsonObject.class::cast).filter(card -> card.getString("service").equals(service))
                .findFirst().orElseThrow(() -> new AssertionError("no " + service + " card in " + cards));
    }
}
