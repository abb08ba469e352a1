package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.healthcheck.control.CheckResults;
import ru.storelink.healthcheck.control.CheckResults.CheckResult;
import ru.storelink.healthcheck.control.Checker;
import ru.storelink.healthcheck.control.ClaimedCheck;
import ru.storelink.healthcheck.control.Claims;
import ru.storelink.healthcheck.control.HealthCheckSettings;
import ru.storelink.healthcheck.control.HealthRules.Health;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.healthcheck.entity.ConnectionHealth;
import ru.storelink.testsupport.SqlCounter;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;
import ru.storelink.texts.Message;

/**
 * In the container, on the real database: claiming is exclusive across claimers, a lost lease writes
 * nothing, and a connection deleted or reconnected during its check stays deleted or reconnected.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsIT {

    private static final Duration LONG_LEASE = Duration.ofMinutes(1);

    @Inject
    Claims claims;

    @Inject
    CheckResults results;

    @Inject
    Checker checker;

    @Inject
    SqlCounter sql;

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    HealthStore health;

    @Inject
    Services services;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @BeforeEach
    @AfterEach
    void noBackgroundSweeps() {
        // The test server starts with health-check.enabled=false; a browser test may have switched it on.
        TestConfig.clearHere();
    }

    @Test
    void twoClaimersRacingGetDisjointSets() throws Exception {
        Set<Long> mine = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            mine.add(neverCheckedConnection());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // All four start together, each claiming a few rows at a time: they meet on the same rows.
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<ClaimedCheck>> claimer = () -> {
            start.await();
            List<ClaimedCheck> mineNow = new ArrayList<>();
            for (List<ClaimedCheck> batch; !(batch = claims.claimDue(EvotorService.TYPE, 3, Duration.ofDays(3650), LONG_LEASE)).isEmpty(); ) {
                mineNow.addAll(batch);
            }
            return mineNow;
        };
        List<Future<List<ClaimedCheck>>> racing = List.of(pool.submit(claimer), pool.submit(claimer), pool.submit(claimer), pool.submit(claimer));
        start.countDown();
        List<Long> claimed = new ArrayList<>();
        for (Future<List<ClaimedCheck>> result : racing) {
            result.get().forEach(check -> claimed.add(check.id()));
        }
        pool.shutdown();

        assertThat(claimed).doesNotHaveDuplicates();
        assertThat(claimed).containsAll(mine);
        assertThat(claims.claimDue(EvotorService.TYPE, 500, Duration.ofDays(3650), LONG_LEASE))
                .as("leased rows are not claimed again").extracting(ClaimedCheck::id).doesNotContainAnyElementsOf(mine);
    }

    @Test
    void aStaleLeaseCannotWrite() throws Exception {
        long account = account();
        evotor.save(account, grant(), store());
        ClaimedCheck first = claims.claimOf(EvotorService.TYPE, account, Duration.ofMillis(300)).orElseThrow();
        // Expired in database time, whatever this thread's scheduling did.
        Waiting.upTo(Duration.ofSeconds(10), () -> {
            try {
                return count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id = ?"
                        + " AND lease_until < CURRENT_TIMESTAMP", first.id()) == 1;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        ClaimedCheck second = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();

        boolean staleWrote = results.write(new CheckResult(first, new Health(ConnectionStatus.NEEDS_RECONNECT, 0),
                ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, Message.of("evotor.refused-401")), 5, Duration.ZERO));
        boolean currentWrote = results.write(new CheckResult(second, new Health(ConnectionStatus.WORKING, 0),
                ProbeResult.of(CheckOutcome.WORKS, null), 7, Duration.ZERO));

        assertThat(staleWrote).isFalse();
        assertThat(currentWrote).isTrue();
        assertThat(healthOf(account).getState()).isEqualTo(ConnectionStatus.WORKING);
        assertThat(health.history(EvotorService.TYPE, second.id())).hasSize(1)
                .first().satisfies(check -> assertThat(check.getLatencyMs()).isEqualTo(7));
    }

    @Test
    void theNextIntervalStartsWhenTheCheckIsWrittenPlusTheGivenDelay() throws Exception {
        long account = account();
        long id = evotor.save(account, grant(), store()).getId();
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();

        results.write(new CheckResult(check, new Health(ConnectionStatus.WORKING, 0), ProbeResult.of(CheckOutcome.WORKS, null), 3, Duration.ofSeconds(42)));

        assertThat(count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id = ?"
                + " AND scheduled_at = checked_at + INTERVAL '42' SECOND", id)).isEqualTo(1);
    }

    @Test
    void aConnectionDeletedDuringItsCheckIsNotResurrected() throws Exception {
        long account = account();
        evotor.save(account, grant(), store());
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();

        evotor.delete(account);
        boolean wrote = results.write(new CheckResult(check, new Health(ConnectionStatus.WORKING, 0), ProbeResult.of(CheckOutcome.WORKS, null), 3, Duration.ZERO));

        assertThat(wrote).isFalse();
        assertThat(evotor.of(account)).isEmpty();
        assertThat(health.history(EvotorService.TYPE, check.id())).isEmpty();
    }

    @Test
    void aConnectionReconnectedDuringItsCheckKeepsTheNewAuthorization() throws Exception {
        long account = account();
        evotor.save(account, grant(), store());
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();

        evotor.save(account, grant(), new Store("new-store", "Новая", ""));
        boolean wrote = results.write(new CheckResult(check, new Health(ConnectionStatus.NEEDS_RECONNECT, 0),
                ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, Message.of("evotor.refused-401")), 3, Duration.ZERO));

        assertThat(wrote).isFalse();
        assertThat(healthOf(account).getState()).isEqualTo(ConnectionStatus.WORKING);
        assertThat(evotor.of(account).orElseThrow().getStoreName()).isEqualTo("Новая");
    }

    @Test
    void historyKeepsTheLastTwentyChecks() throws Exception {
        long account = account();
        long id = evotor.save(account, grant(), store()).getId();
        for (int i = 0; i < 23; i++) {
            ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();
            results.write(new CheckResult(check, new Health(ConnectionStatus.WORKING, 0), ProbeResult.of(CheckOutcome.WORKS, null), i, Duration.ZERO));
        }

        assertThat(health.history(EvotorService.TYPE, id)).hasSize(20)
                .first().satisfies(newest -> assertThat(newest.getLatencyMs()).isEqualTo(22));
        assertThat(health.history(EvotorService.TYPE, id)).last().as("the three oldest overwritten")
                .satisfies(oldest -> assertThat(oldest.getLatencyMs()).isEqualTo(3));
        assertThat(count("SELECT COUNT(*) FROM connection_check WHERE service = 'evotor' AND connection_id = ?", id)).isEqualTo(20);
    }

    @Test
    void resultsWrittenTogetherAreEachCheckedAgainstTheirOwnLease() throws Exception {
        long kept = account();
        long deleted = account();
        long reconnected = account();
        List<ClaimedCheck> checks = new ArrayList<>();
        for (long owner : List.of(kept, deleted, reconnected)) {
            evotor.save(owner, grant(), store());
            checks.add(claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow());
        }
        evotor.delete(deleted);
        evotor.save(reconnected, grant(), new Store("new-store", "Новая", ""));

        boolean[] written = results.writeTogether(checks.stream().map(ClaimsIT::rejected).toList());

        assertThat(written).containsExactly(true, false, false);
        assertThat(healthOf(kept).getState()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(evotor.of(kept).orElseThrow().isOnline()).isFalse();
        assertThat(health.history(EvotorService.TYPE, checks.get(0).id())).hasSize(1);
        assertThat(evotor.of(deleted)).isEmpty();
        assertThat(healthOf(reconnected).getState()).isEqualTo(ConnectionStatus.WORKING);
        assertThat(evotor.of(reconnected).orElseThrow().isOnline()).as("the connection row goes back untouched").isTrue();
        assertThat(health.history(EvotorService.TYPE, checks.get(2).id())).isEmpty();
        assertThat(transitions(checks.get(0).id())).last().isEqualTo("WORKING>NEEDS_RECONNECT evotor.refused-401");
        assertThat(transitions(checks.get(2).id())).as("the reconnect's, none of the stale check's")
                .containsExactly("null>WORKING transition.connected");
    }

    @Test
    void everyChangeOfStateIsRecordedWithItsReasonInTheSameTransaction() throws Exception {
        long owner = account();
        long id = evotor.save(owner, grant(), store()).getId();
        results.write(rejected(claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow()));
        results.write(rejected(claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow()));
        ClaimedCheck stale = claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow();
        evotor.save(owner, grant(), store());
        boolean staleWrote = results.write(new CheckResult(stale, new Health(ConnectionStatus.SERVICE_UNAVAILABLE, 3),
                ProbeResult.of(CheckOutcome.TEMPORARY, Message.of("evotor.unreachable")), 4, Duration.ZERO));

        assertThat(staleWrote).isFalse();
        assertThat(transitions(id)).containsExactly(
                "null>WORKING transition.connected",
                "WORKING>NEEDS_RECONNECT evotor.refused-401",
                "NEEDS_RECONNECT>WORKING transition.reconnected");
        assertThat(count("SELECT COUNT(*) FROM connection_transition WHERE connection_id = ? AND account_id = " + owner, id))
                .as("all of them the owner's").isEqualTo(3);
        // The break's notification went into the outbox with it; the owner's own reconnect makes none.
        assertThat(count("SELECT COUNT(*) FROM notification WHERE service = 'evotor' AND connection_id = ? AND account_id = " + owner
                + " AND channel = 'EMAIL' AND kind = 'BROKEN' AND to_state = 'NEEDS_RECONNECT'", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notification WHERE service = 'evotor' AND connection_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aTransactionTheDatabaseRefusesWritesNothingOfIt() throws Exception {
        long fine = account();
        evotor.save(fine, grant(), store());
        ClaimedCheck fineCheck = claims.claimOf(EvotorService.TYPE, fine, LONG_LEASE).orElseThrow();
        long broken = account();
        evotor.save(broken, grant(), store());
        ClaimedCheck brokenCheck = outsideTheRing(claims.claimOf(EvotorService.TYPE, broken, LONG_LEASE).orElseThrow());

        assertThatThrownBy(() -> results.writeTogether(List.of(rejected(fineCheck), rejected(brokenCheck))))
                .isInstanceOf(SQLException.class);

        assertThat(healthOf(fine).getState()).isEqualTo(ConnectionStatus.WORKING);
        assertThat(evotor.of(fine).orElseThrow().isOnline()).isTrue();
        assertThat(health.history(EvotorService.TYPE, fineCheck.id())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id = ?"
                + " AND lease_owner IS NOT NULL", fineCheck.id())).as("still leased: the check will be repeated").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM connection_transition WHERE service = 'evotor' AND connection_id = ?"
                + " AND to_state = 'NEEDS_RECONNECT'", fineCheck.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM notification WHERE service = 'evotor' AND connection_id = ?", fineCheck.id()))
                .as("no notification of a change that was not written").isZero();
    }

    @Test
    void aResultTheDatabaseRefusesFailsAloneAmongThoseWaitingWithIt() throws Exception {
        List<ClaimedCheck> fine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long owner = account();
            evotor.save(owner, grant(), store());
            fine.add(claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow());
        }
        ClaimedCheck first = fine.remove(0);
        long broken = account();
        evotor.save(broken, grant(), store());
        ClaimedCheck brokenCheck = outsideTheRing(claims.claimOf(EvotorService.TYPE, broken, LONG_LEASE).orElseThrow());
        ExecutorService checkers = Executors.newFixedThreadPool(fine.size() + 2);
        Future<Boolean> firstWritten;
        List<Future<Boolean>> fineWritten = new ArrayList<>();
        Future<Boolean> brokenWritten;
        // The writer waits for the first result's row lock while the others queue up: they are written together.
        // (Within H2's lock timeout of 2 s.) An empty queue alone would not say that the writer holds the first
        // result: it may not have been queued yet, and then joins the others' transaction.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("SELECT id FROM evotor_connection WHERE id = ? FOR UPDATE")) {
                select.setLong(1, first.id());
                select.executeQuery().close();
            }
            firstWritten = checkers.submit(() -> results.write(rejected(first)));
            Waiting.upTo(Duration.ofSeconds(10), Duration.ofMillis(5), () -> results.writing() == 1 && results.waiting() == 0);
            for (ClaimedCheck check : fine) {
                fineWritten.add(checkers.submit(() -> results.write(rejected(check))));
            }
            brokenWritten = checkers.submit(() -> results.write(rejected(brokenCheck)));
            Waiting.upTo(Duration.ofSeconds(10), Duration.ofMillis(5), () -> results.waiting() == fine.size() + 1);
            lock.commit();
        }

        assertThat(firstWritten.get()).isTrue();
        for (Future<Boolean> written : fineWritten) {
            assertThat(written.get()).isTrue();
        }
        assertThatThrownBy(brokenWritten::get).hasCauseInstanceOf(IllegalStateException.class);
        checkers.shutdown();
        for (ClaimedCheck check : fine) {
            assertThat(health.history(EvotorService.TYPE, check.id())).hasSize(1);
        }
        assertThat(count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id = ?"
                + " AND lease_owner IS NOT NULL AND state = 'WORKING'", brokenCheck.id())).isEqualTo(1);
    }

    private static CheckResult rejected(ClaimedCheck check) {
        return new CheckResult(check, new Health(ConnectionStatus.NEEDS_RECONNECT, 0),
                ProbeResult.of(CheckOutcome.CREDENTIALS_REJECTED, Message.of("evotor.refused-401")), 4, Duration.ZERO);
    }

    /** A claim whose history slot the database refuses (the ring has 20). */
    private static ClaimedCheck outsideTheRing(ClaimedCheck check) {
        return new ClaimedCheck(check.service(), check.id(), check.accountId(), check.sealedAccessToken(), check.sealedRefreshToken(),
                check.tokenExpiresAt(), check.deviceId(), check.state(), check.consecutiveFailures(), 25, check.leaseOwner());
    }

    @Test
    void aCheckInProgressIsNotClaimedTwice() throws Exception {
        long account = account();
        evotor.save(account, grant(), store());

        Optional<ClaimedCheck> first = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE);
        Optional<ClaimedCheck> second = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
    }

    @Test
    void theDatabaseRefusesAStateItDoesNotKnow() throws Exception {
        long account = account();
        long id = evotor.save(account, grant(), store()).getId();

        assertThatThrownBy(() -> execute("UPDATE connection_health SET state = 'BROKEN' WHERE service = 'evotor' AND connection_id = ?", id))
                .isInstanceOf(SQLException.class);
        assertThat(healthOf(account).getState()).isEqualTo(ConnectionStatus.WORKING);
    }

    @Test
    void historyGoesWithItsConnectionWhoeverDeletesIt() throws Exception {
        long account = account();
        long id = evotor.save(account, grant(), store()).getId();
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LONG_LEASE).orElseThrow();
        results.write(new CheckResult(check, new Health(ConnectionStatus.WORKING, 0), ProbeResult.of(CheckOutcome.WORKS, null), 3, Duration.ZERO));
        assertThat(count("SELECT COUNT(*) FROM connection_check WHERE connection_id = ?", id)).isEqualTo(1);

        // Not through the application: the database itself must not leave the history behind.
        execute("DELETE FROM evotor_connection WHERE id = ?", id);

        assertThat(count("SELECT COUNT(*) FROM connection_check WHERE connection_id = ?", id)).isZero();
    }

    @Test
    void aRowWithAnUnreadableTokenFailsAloneAndSaysSo() throws Exception {
        long broken = account();
        long brokenId = evotor.save(broken, grant(), store()).getId();
        long fine = account();
        long fineId = evotor.save(fine, grant(), store()).getId();
        // A token sealed for another account does not open (the account is bound in).
        execute("UPDATE evotor_connection SET access_token = (SELECT access_token FROM evotor_connection WHERE id = " + fineId + ")"
                + ", last_checked_at = NULL WHERE id = ?", brokenId);
        execute("UPDATE evotor_connection SET last_checked_at = NULL WHERE id = ?", fineId);
        // The schedule the claim reads is the health row's, not the connection's.
        execute("UPDATE connection_health SET checked_at = NULL, scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00' WHERE service = 'evotor' AND connection_id = ?", brokenId);
        execute("UPDATE connection_health SET checked_at = NULL, scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00' WHERE service = 'evotor' AND connection_id = ?", fineId);

        for (long owner : List.of(broken, fine)) {
            checker.check(claims.claimOf(EvotorService.TYPE, owner, LONG_LEASE).orElseThrow(), HealthCheckSettings.current());
        }

        assertThat(healthOf(broken).getState()).isEqualTo(ConnectionStatus.CANNOT_CHECK);
        assertThat(healthOf(broken).getLastCheckOutcome()).isEqualTo(CheckOutcome.OUR_MISCONFIGURATION);
        assertThat(evotor.of(fine).orElseThrow().getLastCheckedAt()).as("the other row was checked").isNotNull();
        // Retried at the normal interval: no hold-off lease is left behind.
        assertThat(count("SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND connection_id = ?"
                + " AND lease_until IS NULL", brokenId)).isEqualTo(1);
    }

    @Test
    void aMetricsScrapeSendsNoSql() throws Exception {
        WebClient client = new WebClient(TestServer.baseUrl());
        String before = dueGauge(client.get("/metrics").body());

        sql.start();
        String metrics = client.get("/metrics").body();
        int statements = sql.stop();
        // The checker reads the schedule with plain JDBC on its own pool, which EclipseLink does not see: a
        // connection falling due between two scrapes must not change the gauge either (it is read at sweeps).
        neverCheckedConnection();
        String after = dueGauge(client.get("/metrics").body());

        assertThat(metrics).contains("health_checks_due");
        assertThat(statements).as("SQL statements per scrape").isZero();
        assertThat(after).as("the gauge between sweeps").isEqualTo(before);
    }

    private static String dueGauge(String metrics) {
        java.util.regex.Matcher gauge = java.util.regex.Pattern.compile("(?m)^health_checks_due\\{[^}]*provider=\"evotor\"[^}]*\\} (\\S+)")
                .matcher(metrics);
        assertThat(gauge.find()).as("health_checks_due of evotor in:%n%s", metrics).isTrue();
        return gauge.group(1);
    }

    /** The connection's transitions, oldest first, as "from>to reason". */
    private List<String> transitions(long connectionId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT from_state, to_state, reason FROM connection_transition WHERE service = 'evotor' AND connection_id = ? ORDER BY id")) {
            select.setLong(1, connectionId);
            List<String> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + ">" + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return found;
        }
    }

    private void execute(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    private long neverCheckedConnection() throws Exception {
        long account = account();
        long id = evotor.save(account, grant(), store()).getId();
        // The claim goes by the health row's schedule; the connection's own columns say the same, as they
        // would for a connection never checked.
        execute("UPDATE connection_health SET checked_at = NULL, scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00', state = 'NOT_CHECKED' WHERE service = 'evotor' AND connection_id = ?", id);
        execute("UPDATE evotor_connection SET last_checked_at = NULL WHERE id = ?", id);
        return id;
    }

    private ConnectionHealth healthOf(long account) {
        return health.ofAccount(services.of(EvotorService.TYPE), account).orElseThrow().health();
    }

    private long account() throws Exception {
        return accounts.register(TestData.uniqueEmail("claims"), "correct horse battery").getId();
    }

    private static Grant grant() {
        return new Grant("access-" + System.nanoTime(), "refresh", null);
    }

    private static Store store() {
        return new Store("claims-store", "Склад", "");
    }

    private int count(String sql, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
