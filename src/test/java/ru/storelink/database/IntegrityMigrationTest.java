package ru.storelink.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

/**
 * Migrations V4 and V6 on data an older Storelink (or a hand-written UPDATE) left behind: unknown states, orphaned
 * history, history rows on another service's table. It must not stop on such rows, and afterwards the database itself keeps them out. Plain JVM, an
 * in-memory H2 (the same engine as the embedded default). V7 must carry every connection's health over to its own table.
 */
class IntegrityMigrationTest {

    private static final String URL = "jdbc:h2:mem:integrity;DB_CLOSE_DELAY=-1";

    @Test
    void v4CleansWhatItCannotConstrainThenConstrainsIt() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").target("3").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO account (id, email, password_hash, created_at) VALUES (1, 'a@example.ru', 'x', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, state, is_online)"
                    + " VALUES (10, 1, 's', 'Чайная', 'sealed', CURRENT_TIMESTAMP, 'SOMETHING_OLD', TRUE)");
            sql.executeUpdate("INSERT INTO connection_check (id, service, connection_id, checked_at, outcome, latency_ms)"
                    + " VALUES (100, 'evotor', 10, CURRENT_TIMESTAMP, 'WORKS', 5), (101, 'evotor', 999, CURRENT_TIMESTAMP, 'WORKS', 5)");

            // Not past V6: V7 takes the state off evotor_connection (v7MovesHealthIntoItsOwnTableAndKeepsIt).
            Flyway.configure().dataSource(URL, "sa", "").target("6").load().migrate();

            assertThat(single(sql, "SELECT state FROM evotor_connection WHERE id = 10")).isEqualTo("NOT_CHECKED");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check")).as("the orphan is gone, the other stays").isEqualTo("1");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE evotor_connection SET state = 'BROKEN' WHERE id = 10"))
                    .isInstanceOf(SQLException.class);
            sql.executeUpdate("DELETE FROM evotor_connection WHERE id = 10");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check")).as("history goes with its connection").isEqualTo("0");
        }
    }

    @Test
    void v6KeepsEachServicesHistoryOnItsOwnTableAndLetsOtherServicesIn() throws SQLException {
        String url = "jdbc:h2:mem:v6;DB_CLOSE_DELAY=-1";
        // Not past V6: V7 hangs the history off the health row instead (v7MovesHealthIntoItsOwnTableAndKeepsIt).
        Flyway.configure().dataSource(url, "sa", "").target("6").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO account (id, email, password_hash, created_at) VALUES (1, 'a@example.ru', 'x', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at)"
                    + " VALUES (10, 1, 's', 'Чайная', 'sealed', CURRENT_TIMESTAMP)");
            String columns = "INSERT INTO connection_check (id, service, connection_id, evotor_connection_id, vk_connection_id,"
                    + " checked_at, outcome, latency_ms) VALUES ";

            sql.executeUpdate(columns + "(100, 'evotor', 10, 10, NULL, CURRENT_TIMESTAMP, 'WORKS', 5)");
            assertThatThrownBy(() -> sql.executeUpdate(columns + "(101, 'vk', 10, 10, NULL, CURRENT_TIMESTAMP, 'WORKS', 5)"))
                    .as("a VK row on Evotor's column").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate(columns + "(102, 'evotor', 10, NULL, NULL, CURRENT_TIMESTAMP, 'WORKS', 5)"))
                    .as("an Evotor row without its connection").isInstanceOf(SQLException.class);
            // Another service's rows use the column its own migration adds; Evotor's and VK's rules leave them be.
            sql.executeUpdate(columns + "(103, 'warehouse', 7, NULL, NULL, CURRENT_TIMESTAMP, 'WORKS', 5)");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check")).isEqualTo("2");
        }
    }

    @Test
    void v7MovesHealthIntoItsOwnTableAndKeepsIt() throws SQLException {
        String url = "jdbc:h2:mem:v7;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").target("6").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO account (id, email, password_hash, created_at) VALUES (1, 'a@example.ru', 'x', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, state,"
                    + " consecutive_failures, last_check_reason, lease_owner, last_checked_at, is_online)"
                    + " VALUES (10, 1, 's', 'Чайная', 'sealed', CURRENT_TIMESTAMP, 'NEEDS_RECONNECT', 2, 'x', 'p@1',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00:00', FALSE)");
            sql.executeUpdate("INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token, device_id, connected_at)"
                    + " VALUES (20, 1, 5, 'Иван', 'Иванов', 'sealed', 'd', CURRENT_TIMESTAMP)");
            String history = "INSERT INTO connection_check (id, service, connection_id, evotor_connection_id, checked_at, outcome,"
                    + " latency_ms) VALUES ";
            sql.executeUpdate(history + "(100, 'evotor', 10, 10, CURRENT_TIMESTAMP, 'WORKS', 5)");
            // A service this Storelink does not have: no connection, so no health row to hang from.
            sql.executeUpdate(history + "(101, 'warehouse', 7, NULL, CURRENT_TIMESTAMP, 'WORKS', 5)");

            Flyway.configure().dataSource(url, "sa", "").target("8").load().migrate();

            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check")).as("the history of connections stays").isEqualTo("1");
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO connection_check (id, service, connection_id, checked_at, outcome,"
                    + " latency_ms) VALUES (102, 'evotor', 999, CURRENT_TIMESTAMP, 'WORKS', 5)"))
                    .as("history of a connection without health").isInstanceOf(SQLException.class);

            assertThat(single(sql, "SELECT COUNT(*) FROM connection_health")).isEqualTo("2");
            try (ResultSet evotor = sql.executeQuery("SELECT state, consecutive_failures, last_check_reason, lease_owner, checked_at,"
                    + " evotor_connection_id, vk_connection_id FROM connection_health WHERE service = 'evotor' AND connection_id = 10")) {
                assertThat(evotor.next()).isTrue();
                assertThat(evotor.getString("state")).isEqualTo("NEEDS_RECONNECT");
                assertThat(evotor.getInt("consecutive_failures")).isEqualTo(2);
                assertThat(evotor.getString("last_check_reason")).isEqualTo("x");
                assertThat(evotor.getString("lease_owner")).isEqualTo("p@1");
                assertThat(evotor.getObject("checked_at", OffsetDateTime.class)).as("the schedule it had")
                        .isEqualTo(OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC));
                assertThat(evotor.getLong("evotor_connection_id")).isEqualTo(10);
                assertThat(evotor.getObject("vk_connection_id")).isNull();
            }
            try (ResultSet vk = sql.executeQuery("SELECT state, consecutive_failures, checked_at, evotor_connection_id, vk_connection_id"
                    + " FROM connection_health WHERE service = 'vk' AND connection_id = 20")) {
                assertThat(vk.next()).isTrue();
                assertThat(vk.getString("state")).isEqualTo("NOT_CHECKED");
                assertThat(vk.getInt("consecutive_failures")).isZero();
                assertThat(vk.getObject("checked_at")).as("never checked: due first").isNull();
                assertThat(vk.getObject("evotor_connection_id")).isNull();
                assertThat(vk.getLong("vk_connection_id")).isEqualTo(20);
            }
            // V8: the schedule starts where the last check was; a never-checked connection is due first.
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND scheduled_at = checked_at"))
                    .isEqualTo("1");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_health WHERE service = 'vk'"
                    + " AND scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00'")).isEqualTo("1");
            assertThatThrownBy(() -> single(sql, "SELECT state FROM evotor_connection WHERE id = 10"))
                    .as("the connection keeps no state of its own").isInstanceOf(SQLException.class);

            // A VK connection without a health row yet: only the Evotor column can make the first insert fail.
            sql.executeUpdate("INSERT INTO account (id, email, password_hash, created_at) VALUES (2, 'b@example.ru', 'x', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token, device_id, connected_at)"
                    + " VALUES (21, 2, 6, 'Анна', 'Петрова', 'sealed', 'd', CURRENT_TIMESTAMP)");
            String columns = "INSERT INTO connection_health (service, connection_id, evotor_connection_id, vk_connection_id) VALUES ";
            assertThatThrownBy(() -> sql.executeUpdate(columns + "('vk', 21, 10, 21)"))
                    .as("a VK row on Evotor's column").isInstanceOf(SQLException.class);
            sql.executeUpdate(columns + "('vk', 21, NULL, 21)");
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE connection_health SET state = 'BROKEN'"
                    + " WHERE service = 'evotor' AND connection_id = 10")).as("an unknown state").isInstanceOf(SQLException.class);

            sql.executeUpdate("DELETE FROM evotor_connection WHERE id = 10");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_health WHERE service = 'evotor'"))
                    .as("health goes with its connection").isEqualTo("0");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check")).as("and the history with its health").isEqualTo("0");
        }
    }

    @Test
    void v9KeepsTheTwentyNewestChecksOfEachConnectionAsARing() throws SQLException {
        String url = "jdbc:h2:mem:v9;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").target("8").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO account (id, email, password_hash, created_at) VALUES (1, 'a@example.ru', 'x', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, is_online)"
                    + " VALUES (10, 1, 's', 'Чайная', 'sealed', CURRENT_TIMESTAMP, TRUE)");
            sql.executeUpdate("INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token, device_id, connected_at)"
                    + " VALUES (20, 1, 5, 'Иван', 'Иванов', 'sealed', 'd', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO connection_health (service, connection_id, evotor_connection_id, state) VALUES ('evotor', 10, 10, 'WORKING')");
            sql.executeUpdate("INSERT INTO connection_health (service, connection_id, vk_connection_id, state) VALUES ('vk', 20, 20, 'WORKING')");
            String history = "INSERT INTO connection_check (id, service, connection_id, checked_at, outcome, latency_ms) VALUES ";
            // Evotor: 23 checks, a minute apart (latency = minute); two of them in the same second, told apart by id.
            for (int minute = 0; minute < 23; minute++) {
                sql.executeUpdate(history + "(" + (100 + minute) + ", 'evotor', 10, TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00:00' + INTERVAL '"
                        + Math.min(minute, 21) + "' MINUTE, 'WORKS', " + minute + ")");
            }
            // VK: 3 checks.
            for (int minute = 0; minute < 3; minute++) {
                sql.executeUpdate(history + "(" + (200 + minute) + ", 'vk', 20, TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00+00:00' + INTERVAL '"
                        + minute + "' MINUTE, 'TEMPORARY', " + minute + ")");
            }

            Flyway.configure().dataSource(url, "sa", "").load().migrate();

            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check WHERE service = 'evotor'")).as("the 20 newest").isEqualTo("20");
            assertThat(single(sql, "SELECT MIN(latency_ms) FROM connection_check WHERE service = 'evotor'")).isEqualTo("3");
            assertThat(single(sql, "SELECT latency_ms FROM connection_check WHERE service = 'evotor' AND slot = 0")).as("the oldest in slot 0").isEqualTo("3");
            assertThat(single(sql, "SELECT latency_ms FROM connection_check WHERE service = 'evotor' AND slot = 19")).as("the newest in slot 19").isEqualTo("22");
            assertThat(single(sql, "SELECT latency_ms FROM connection_check WHERE service = 'evotor' AND slot = 18")).as("same time, lower id").isEqualTo("21");
            assertThat(single(sql, "SELECT history_next FROM connection_health WHERE service = 'evotor'")).as("a full ring: the oldest is next").isEqualTo("0");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check WHERE service = 'vk'")).isEqualTo("3");
            assertThat(single(sql, "SELECT latency_ms FROM connection_check WHERE service = 'vk' AND slot = 2")).isEqualTo("2");
            assertThat(single(sql, "SELECT history_next FROM connection_health WHERE service = 'vk'")).isEqualTo("3");

            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO connection_check (service, connection_id, slot, checked_at, outcome,"
                    + " latency_ms) VALUES ('vk', 20, 20, CURRENT_TIMESTAMP, 'WORKS', 5)")).as("a slot outside the ring").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO connection_check (service, connection_id, slot, checked_at, outcome,"
                    + " latency_ms) VALUES ('vk', 20, 2, CURRENT_TIMESTAMP, 'WORKS', 5)")).as("a slot taken").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO connection_check (service, connection_id, slot, checked_at, outcome,"
                    + " latency_ms) VALUES ('vk', 99, 0, CURRENT_TIMESTAMP, 'WORKS', 5)")).as("without a health row").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE connection_health SET history_next = 20 WHERE service = 'vk'"))
                    .as("a next slot outside the ring").isInstanceOf(SQLException.class);
            sql.executeUpdate("DELETE FROM evotor_connection WHERE id = 10");
            assertThat(single(sql, "SELECT COUNT(*) FROM connection_check WHERE service = 'evotor'")).as("the ring goes with its connection").isEqualTo("0");
        }
    }

    @Test
    void aServicesRepeatableMigrationAppliedElsewhereDoesNotStopAStartWithoutIt() {
        String url = "jdbc:h2:mem:locations;DB_CLOSE_DELAY=-1";
        DatabaseMigration.rules(Flyway.configure()).dataSource(url, "sa", "")
                .locations("classpath:db/migration", "classpath:db/test-migration").load().migrate();

        // An instance with the product's migrations only (the other instance had the test-only service).
        DatabaseMigration.rules(Flyway.configure()).dataSource(url, "sa", "").load().migrate();
        assertThatThrownBy(() -> Flyway.configure().dataSource(url, "sa", "").load().migrate())
                .as("without the rule, the missing repeatable migration fails validation").isInstanceOf(FlywayValidateException.class);
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
