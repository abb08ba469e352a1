package ru.storelink.history;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages;
import ru.storelink.healthcheck.control.TransitionRetention;
import ru.storelink.history.control.DayRollups;
import ru.storelink.history.control.HealthHistory;
import ru.storelink.history.control.HealthHistory.Tracked;
import ru.storelink.history.control.Strip;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * The health over time in the container: the roll-up of closed days gives the strip the live reading gave,
 * the retention forgets what is older without losing the state a connection has been in since, and the
 * navbar's badge and the title's «(1)» follow the connections that need the owner.
 */
@ExtendWith(ArquillianExtension.class)
class HealthOverTimeIT {

    private static final String PASSWORD = "correct horse battery";
    private static final ServiceType EVOTOR = new ServiceType("evotor", "bi-shop");

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    HealthHistory history;

    @Inject
    DayRollups rollups;

    @Inject
    TransitionRetention retention;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    private record Owner(String email, long account, long connection) {
    }

    @Test
    void theRollUpOfClosedDaysShowsWhatTheTransitionsSaid() throws Exception {
        Owner owner = ownerWithEvotor("rollup");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        execute("UPDATE history_rollup SET rolled_through = NULL");
        execute("UPDATE connection_transition SET occurred_at = ? WHERE service = 'evotor' AND connection_id = ?", now.minusDays(12), owner.connection());
        transition(owner, "WORKING", "SERVICE_UNAVAILABLE", now.minusDays(3));
        transition(owner, "SERVICE_UNAVAILABLE", "WORKING", now.minusDays(3).plusMinutes(30));
        transition(owner, "WORKING", "NEEDS_RECONNECT", now.minusDays(2));
        Strip live = history.strip(EVOTOR, owner.connection(), now.toInstant());

        int days = 0;
        for (int run = 0; run < 20; run++) {
            int rolled = rollups.rollUpClosedDays(Duration.ofDays(400));
            days += rolled;
            if (rolled == 0) {
                break;
            }
        }
        Strip rolledUp = history.strip(EVOTOR, owner.connection(), now.toInstant());

        assertThat(days).isPositive();
        assertThat(rolledUp).isEqualTo(live);
        assertThat(live.days().get(26).unavailableSeconds()).as("three days ago, on the owner's clock").isBetween(1L, 1800L);
        assertThat(live.days().get(29).reconnectSeconds()).as("still waiting for a reconnect today").isPositive();
        assertThat(rows("SELECT COUNT(*) FROM connection_day WHERE service = 'evotor' AND connection_id = ? AND working_seconds IS NOT NULL",
                owner.connection())).as("the days with events, summed up").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theStripsOfADashboardAreReadTogetherAndEachKeepsItsOwnHistory() throws Exception {
        Owner outage = ownerWithEvotor("strips-outage");
        Owner reconnect = ownerWithEvotor("strips-reconnect");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Owner owner : List.of(outage, reconnect)) {
            execute("UPDATE connection_transition SET occurred_at = ? WHERE service = 'evotor' AND connection_id = ?", now.minusDays(12), owner.connection());
        }
        transition(outage, "WORKING", "SERVICE_UNAVAILABLE", now.minusDays(3));
        transition(outage, "SERVICE_UNAVAILABLE", "WORKING", now.minusDays(3).plusMinutes(30));
        transition(reconnect, "WORKING", "NEEDS_RECONNECT", now.minusDays(2));
        Tracked first = new Tracked(EVOTOR, outage.connection());
        Tracked second = new Tracked(EVOTOR, reconnect.connection());
        Tracked never = new Tracked(new ServiceType("vk", "bi-people"), outage.connection() + 1_000_000);
        execute("UPDATE history_rollup SET rolled_through = NULL");
        List<Tracked> dashboard = List.of(first, second, never);

        Map<Tracked, Strip> live = history.strips(dashboard, now.toInstant());
        while (rollups.rollUpClosedDays(Duration.ofDays(400)) > 0) {
            // until every closed day is rolled up: then the state as today began is read as well
        }
        Map<Tracked, Strip> rolledUp = history.strips(dashboard, now.toInstant());

        assertThat(rolledUp).as("the roll-up changes nothing").isEqualTo(live).containsOnlyKeys(first, second, never);
        assertThat(rolledUp.get(first)).isEqualTo(history.strip(EVOTOR, outage.connection(), now.toInstant()));
        assertThat(rolledUp.get(second)).isEqualTo(history.strip(EVOTOR, reconnect.connection(), now.toInstant()));
        assertThat(live.get(first).days().get(26).unavailableSeconds()).as("the outage, three days ago").isBetween(1L, 1800L);
        assertThat(live.get(first).days().get(29).reconnectSeconds()).as("not the other connection's reconnect").isZero();
        assertThat(live.get(second).days().get(29).reconnectSeconds()).as("still waiting for a reconnect today").isPositive();
        assertThat(live.get(second).days().get(26).unavailableSeconds()).as("not the other connection's outage").isZero();
        assertThat(live.get(never).availability()).as("a connection without a history").isEmpty();
    }

    @Test
    void theRetentionForgetsTheOldButKeepsTheStateSince() throws Exception {
        Owner owner = ownerWithEvotor("retention");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        execute("UPDATE connection_transition SET occurred_at = ? WHERE service = 'evotor' AND connection_id = ?", now.minusDays(500), owner.connection());
        transition(owner, "WORKING", "NEEDS_RECONNECT", now.minusDays(450));
        transition(owner, "NEEDS_RECONNECT", "WORKING", now.minusDays(440));
        long gone = owner.connection() + 1_000_000;
        execute("INSERT INTO connection_transition (account_id, service, connection_id, from_state, to_state, occurred_at)"
                + " VALUES (?, 'evotor', ?, NULL, 'WORKING', ?)", owner.account(), gone, now.minusDays(450));
        execute("INSERT INTO connection_day (service, connection_id, local_day, account_id, troubled_checks) VALUES ('evotor', ?, ?, ?, 1)",
                owner.connection(), LocalDate.now().minusDays(450), owner.account());

        int forgotten = retention.purge(Duration.ofDays(400));
        int days = rollups.purge(Duration.ofDays(400));

        assertThat(forgotten).isGreaterThanOrEqualTo(3);
        assertThat(days).isGreaterThanOrEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM connection_transition WHERE service = 'evotor' AND connection_id = ?", owner.connection()))
                .as("only the newest before the cut: it says the connection has worked since").isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM connection_transition WHERE service = 'evotor' AND connection_id = ?", gone))
                .as("a deleted connection's past").isZero();
        Strip strip = history.strip(EVOTOR, owner.connection(), Instant.now());
        assertThat(strip.days()).allSatisfy(day -> assertThat(day.workingSeconds()).isPositive());
    }

    @Test
    void theBadgeAndTheTitleCountTheConnectionsThatNeedTheOwner() throws Exception {
        Owner owner = ownerWithEvotor("badge");
        WebClient client = new WebClient(TestServer.baseUrl());
        assertThat(client.login(owner.email(), PASSWORD).statusCode()).isEqualTo(302);
        Document calm = Jsoup.parse(client.get("/connections").body());
        assertThat(calm.title()).isEqualTo("Подключения — Storelink");
        assertThat(calm.getElementById("attention").hasAttr("hidden")).isTrue();

        execute("UPDATE connection_health SET state = 'NEEDS_RECONNECT' WHERE service = 'evotor' AND connection_id = ?", owner.connection());
        Document broken = Jsoup.parse(client.get("/connections").body());
        Document elsewhere = Jsoup.parse(client.get("/notifications").body());
        String pass = broken.getElementById("card-refresh").attr("data-pass");
        HttpResponse<String> refresh = new WebClient(TestServer.baseUrl()).get("/connections/status", Map.of("Authorization", "Bearer " + pass));

        assertThat(broken.title()).isEqualTo("(1) Подключения — Storelink");
        assertThat(broken.getElementById("attention").hasAttr("hidden")).isFalse();
        assertThat(broken.getElementById("attention").text()).isEqualTo(", требуют внимания: 1");
        assertThat(elsewhere.title()).startsWith("(1) ");
        assertThat(elsewhere.getElementById("attention-count").text()).isEqualTo("1");
        assertThat(Json.createReader(new StringReader(refresh.body())).readObject().getInt("attention")).isEqualTo(1);
        assertThat(broken.getElementById("details-evotor").text()).isEqualTo("Магазин «Чайная»");
    }

    private Owner ownerWithEvotor(String prefix) throws Exception {
        String email = TestData.uniqueEmail(prefix);
        long account = accounts.register(email, PASSWORD).getId();
        long connection = evotor.save(account, new Grant("a-" + prefix, null, null), new EvotorMessages.Store("s-" + account, "Чайная", "")).getId();
        return new Owner(email, account, connection);
    }

    private void transition(Owner owner, String from, String to, OffsetDateTime at) throws SQLException {
        execute("INSERT INTO connection_transition (account_id, service, connection_id, from_state, to_state, occurred_at)"
                + " VALUES (?, 'evotor', ?, ?, ?, ?)", owner.account(), owner.connection(), from, to, at);
    }

    private void execute(String sql, Object... args) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    private long rows(String sql, Object... args) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet found = statement.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }
}
