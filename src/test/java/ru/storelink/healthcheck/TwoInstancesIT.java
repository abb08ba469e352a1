package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.demo.control.SimulatedEvotor.Store;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.Waiting;

/**
 * On PostgreSQL only (the "postgresql" failsafe run): the server under test and a second Payara Micro
 * with the packaged WAR share one database. Each connection is checked exactly once per interval across
 * both; after a {@code kill -9} of the second instance mid-sweep nothing is lost: the survivor checks the
 * connections the dead one had claimed once their lease expires.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class TwoInstancesIT {

    private static final int CONNECTIONS = 120;
    private static final long ID_BASE = 70_000_000L;
    private static final String SHARED = " -Dhealth-check.interval-seconds=300 -Dhealth-check.lease-seconds=6";

    private Process second;

    @AfterEach
    void stopSecondInstance() throws Exception {
        TestConfig.clear();
        if (second != null) {
            second.destroyForcibly().waitFor();
        }
        try (Connection db = database(); PreparedStatement delete = db.prepareStatement(
                "DELETE FROM evotor_connection WHERE id >= " + ID_BASE)) {
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
            assertThat(Simulators.evotor().storeCallsWith(token)).as(token).isEqualTo(1);
        }
    }

    @Test
    void killingAnInstanceMidSweepLosesNothing() throws Exception {
        startSecondInstance();
        // Slow answers (below the 2 s read timeout): a sweep takes several seconds, checks are in flight.
        Simulators.evotor().latency(Duration.ofMillis(1500));
        checksEveryFiveMinutesOnBoth();
        List<String> tokens = seed();
        Waiting.upTo(Duration.ofSeconds(60), () -> inFlight() > 0 && unchecked() < CONNECTIONS);

        long inFlightAtKill = inFlight();
        second.destroyForcibly().waitFor();

        // Leases of the killed instance run out after 6 s; the survivor's next sweeps take those rows.
        Waiting.upTo(Duration.ofSeconds(120), () -> unchecked() == 0);
        assertThat(inFlightAtKill).as("claimed, unfinished checks when the instance died").isPositive();
        for (String token : tokens) {
            assertThat(Simulators.evotor().storeCallsWith(token)).as(token).isBetween(1, 2);
        }
    }

    private List<String> seed() throws SQLException {
        TokenCipher cipher = new TokenCipher(Base64.getDecoder().decode(System.getProperty("storelink.test.token-key")));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> tokens = new ArrayList<>();
        try (Connection db = database();
                PreparedStatement account = db.prepareStatement(
                        "INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, 'not-a-login', ?) ON CONFLICT (id) DO NOTHING");
                PreparedStatement row = db.prepareStatement(
                        "INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, state, is_online)"
                                + " VALUES (?, ?, ?, 'Магазин', ?, ?, 'WORKING', TRUE)")) {
            for (int i = 0; i < CONNECTIONS; i++) {
                long id = ID_BASE + i;
                String token = "two-instances-" + System.nanoTime() + "-" + i;
                tokens.add(token);
                Simulators.evotor().acceptToken(token, new Store("two-" + id, "Магазин", ""));
                account.setLong(1, id);
                account.setString(2, "two-" + id + "@example.ru");
                account.setObject(3, now);
                account.addBatch();
                row.setLong(1, id);
                row.setLong(2, id);
                row.setString(3, "two-" + id);
                row.setString(4, cipher.seal(token, ConnectionStore.tokenContext(ServiceType.EVOTOR, "access_token", id)));
                row.setObject(5, now);
                row.addBatch();
            }
            account.executeBatch();
            row.executeBatch();
        }
        return tokens;
    }

    /** The packaged WAR on a second Payara Micro, same database and providers, checker on. */
    private void startSecondInstance() throws Exception {
        String port = System.getProperty("storelink.second.port");
        List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath()));
        command.addAll(Arrays.asList((System.getProperty("storelink.second.jvm") + SHARED).trim().split("\\s+")));
        command.addAll(List.of("-Dhealth-check.enabled=true",
                "-jar", System.getProperty("payara.microJar"),
                "--deploy", System.getProperty("storelink.war"),
                "--port", port, "--nocluster", "--disablephonehome"));
        File log = new File(System.getProperty("storelink.second.log"));
        second = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Waiting.upTo(Duration.ofSeconds(120), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private static void checksEveryFiveMinutesOnBoth() {
        TestConfig.set("health-check.lease-seconds", "6");
        TestConfig.set("health-check.interval-seconds", "300");
        TestConfig.set("health-check.enabled", "true");
    }

    private static long unchecked() {
        return count("last_checked_at IS NULL");
    }

    /** Claimed (leased) and not yet written. */
    private static long inFlight() {
        return count("last_checked_at IS NULL AND lease_until > CURRENT_TIMESTAMP");
    }

    private static long count(String condition) {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(
                "SELECT COUNT(*) FROM evotor_connection WHERE id >= " + ID_BASE + " AND " + condition);
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
