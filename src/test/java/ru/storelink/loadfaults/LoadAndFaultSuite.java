package ru.storelink.loadfaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.demo.control.SimulatedGrants;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.loadfaults.Visitors.Outcome;
import ru.storelink.loadfaults.Visitors.Sample;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Dashboard;
import ru.storelink.testsupport.Inbox;
import ru.storelink.testsupport.PayaraInstance;
import ru.storelink.testsupport.PostgreSqlServer;
import ru.storelink.testsupport.SeededConnections;
import ru.storelink.testsupport.SlowLink;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;
import ru.storelink.vk.control.VkService;

/**
 * The load-and-fault suite ({@code mvn -Pload-and-faults verify}, see README): two Payara Micro instances
 * with the packaged WAR on one real PostgreSQL, forming one data grid, with the loopback Evotor and VK
 * simulators answering after 100 ms. 1,000 connections (200 signed-in owners with Evotor and VK, 600 more
 * Evotor connections), checked every 15 s. Seven phases, in order: load, database restart, providers down,
 * one instance killed, logins under attack, a token soak with kills, notifications with a sender killed.
 * Each phase asserts its promise and writes its figures to
 * {@code target/load-and-faults-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadAndFaultSuite {

    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final Duration LEASE = Duration.ofSeconds(25);
    /** HealthCheckTimer's schedule: a due connection waits at most this long for the next sweep. */
    private static final Duration TICK = Duration.ofSeconds(5);
    /** A sweep's own duration and scheduling jitter. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Duration PROVIDER_LATENCY = Duration.ofMillis(100);
    private static final int OWNERS = 200;
    private static final int SEEDED = 600;
    private static final int CONNECTIONS = 2 * OWNERS + SEEDED;
    private static final long SEEDED_ID_BASE = 90_000_000L;
    private static final String PASSWORD = "correct horse battery";
    private static final int SOAK_CONNECTIONS = 1_000;
    private static final long SOAK_ID_BASE = 95_000_000L;
    private static final Duration SOAK_KILL_EVERY = Duration.ofMinutes(2);
    private static final int SOAK_KILLS = 4;

    private static final int NOTIFY_BROKEN = SOAK_CONNECTIONS / 10;
    private static final Duration NOTIFY_LEASE = Duration.ofSeconds(20);
    /** Each SMTP connection opens this late: the senders take long enough to be killed mid-way. */
    private static final Duration SMTP_DELAY = Duration.ofMillis(300);

    private final Inbox inbox = new Inbox();
    private SlowLink slowSmtp;
    private final List<String> report = new ArrayList<>();
    private final List<Owner> owners = Collections.synchronizedList(new ArrayList<>());
    private final TokenCipher cipher = new TokenCipher(Base64.getDecoder().decode(System.getProperty("storelink.test.token-key")));
    private PostgreSqlServer postgres;
    private PayaraInstance first;
    private PayaraInstance second;
    private String instanceJvm;
    private final Map<String, Long> summary = new TreeMap<>();

    @BeforeAll
    void startEverything() throws Exception {
        Instant began = Instant.now();
        postgres = PostgreSqlServer.withFreshDatabase("storelink_load");
        inbox.start();
        slowSmtp = new SlowLink(inbox.port(), SMTP_DELAY);
        String jvm = System.getProperty("storelink.load.jvm") + " -Ddb.url=" + postgres.jdbcUrl()
                + " -Dhealth-check.enabled=true -Dhealth-check.interval-seconds=" + INTERVAL.toSeconds()
                + " -Dhealth-check.lease-seconds=" + LEASE.toSeconds()
                // Phase 7: both senders deliver to one slow SMTP server; no digest wait, a short lease.
                + " -Dmail.smtp.host=127.0.0.1 -Dmail.smtp.port=" + slowSmtp.port() + " -Dmail.smtp.security=none"
                + " -Dnotify.digest-seconds=0 -Dnotify.lease-seconds=" + NOTIFY_LEASE.toSeconds();
        // Pre-boot commands and data grid options as for the test server (pom.xml: storelink.load.options).
        instanceJvm = jvm;
        first = startInstance("first");
        second = startInstance("second");
        first.awaitReady(Duration.ofMinutes(3));
        second.awaitReady(Duration.ofMinutes(3));

        signUpOwners();
        seedConnections();
        Simulators.evotor().latency(PROVIDER_LATENCY);
        Simulators.vk().latency(PROVIDER_LATENCY);
        Waiting.upTo(Duration.ofMinutes(2), () -> countWhere("state = 'WORKING'") == CONNECTIONS);
        line("Set-up: 2 instances, %d owners signed up and connected through OAuth, %d connections in all, every one checked and «Работает» — %d s.",
                OWNERS, CONNECTIONS, Duration.between(began, Instant.now()).toSeconds());
        line("Machine: %d cores; instances -Xmx512m; health checks every %d s (lease %d s), providers answer after %d ms.",
                Runtime.getRuntime().availableProcessors(), INTERVAL.toSeconds(), LEASE.toSeconds(), PROVIDER_LATENCY.toMillis());
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            for (PayaraInstance instance : new PayaraInstance[] {first, second}) {
                if (instance != null) {
                    instance.kill();
                }
            }
            if (postgres != null) {
                postgres.start();
                postgres.dropDatabase();
            }
            if (slowSmtp != null) {
                slowSmtp.close();
            }
            inbox.stop();
        } finally {
            Path file = Path.of("target", "load-and-faults-report.md");
            Files.writeString(file, "# Load-and-fault suite\n\n" + String.join("\n", report) + "\n");
            // Integers others read (issue 9); a phase that did not run leaves its keys out.
            Files.writeString(Path.of("target", "load-and-faults-summary.properties"), summary.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
        }
    }

    @Test
    @Order(1)
    void twoHundredSignedInOwnersForSixtySeconds() throws Exception {
        line("");
        line("## 1. %d signed-in owners reloading /connections without pause, 60 s per routing", OWNERS);
        line("| routing | requests | errors | requests/s | p50 | p95 | p99 | max | peak RSS first / second |");
        line("|---|---|---|---|---|---|---|---|---|");
        long stickyErrors = loadFor(true);
        long alternatingErrors = loadFor(false);
        summary.put("load_errors", stickyErrors + alternatingErrors);
        line("Health checks of all %d connections ran throughout (every %d s).", CONNECTIONS, INTERVAL.toSeconds());
        assertThat(stickyErrors).as("failed requests, sticky").isZero();
        assertThat(alternatingErrors).as("failed requests, alternating").isZero();
    }

    /** One minute of all owners on /connections; a report row; returns the number of failed requests. */
    private long loadFor(boolean sticky) throws Exception {
        MemorySampler memory = MemorySampler.start(first, second);
        Visitors visitors = new Visitors(owners, sticky);
        visitors.start();
        Thread.sleep(Duration.ofSeconds(60).toMillis());
        List<Sample> samples = visitors.stop();
        Map<String, Long> peakRss = memory.stop();
        List<Long> millis = samples.stream().map(Sample::millis).sorted().toList();
        List<Sample> failed = samples.stream().filter(s -> s.outcome() != Outcome.OK).toList();
        line("| %s | %d | %d | %.0f | %d ms | %d ms | %d ms | %d ms | %d / %d MiB |",
                sticky ? "sticky (each owner on one instance)" : "alternating (every request on the other instance)",
                samples.size(), failed.size(), samples.size() / 60.0, percentile(millis, 50), percentile(millis, 95),
                percentile(millis, 99), millis.get(millis.size() - 1), peakRss.get("first"), peakRss.get("second"));
        failed.stream().limit(5).forEach(s -> line("  - failed: %s", s.detail()));
        return failed.size();
    }

    @Test
    @Order(2)
    void postgresqlRestartedMidRun() throws Exception {
        Map<String, String> rowsBefore = connectionRows();
        Visitors visitors = new Visitors(owners.subList(0, 20), false);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        visitors.start();
        Thread.sleep(5_000);
        long stoppedAt = visitors.elapsedMs();
        postgres.stop();
        Set<Integer> readinessWhileDown = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            readinessWhileDown.add(first.readiness(http));
            Thread.sleep(1_000);
        }
        long startedAt = visitors.elapsedMs();
        postgres.start();
        Thread.sleep(30_000);
        List<Sample> samples = visitors.stop();

        Map<Outcome, Long> whileDown = outcomes(samples, stoppedAt, startedAt);
        long lastFailure = samples.stream().filter(s -> s.outcome() != Outcome.OK).mapToLong(Sample::startedMs).max().orElse(startedAt);
        long unclean = samples.stream().filter(s -> s.outcome() == Outcome.UNCLEAN_FAILURE).count();
        long okBefore = samples.stream().filter(s -> s.startedMs() < stoppedAt && s.outcome() == Outcome.OK).count();
        boolean allOkInTheEnd = samples.stream().filter(s -> s.startedMs() > startedAt + 20_000).allMatch(s -> s.outcome() == Outcome.OK);
        Waiting.upTo(INTERVAL.multipliedBy(3), () -> countWhere("state = 'WORKING' AND last_checked_at > CURRENT_TIMESTAMP - INTERVAL '15 seconds'") > 0);
        Map<String, String> rowsAfter = connectionRows();

        line("");
        line("## 2. PostgreSQL stopped (fast shutdown) for 15 s mid-run, 20 owners reloading");
        line("- before: %d requests OK; while down: %d clean failures (HTTP 500, our Russian error page), %d OK, %d unclean",
                okBefore, whileDown.getOrDefault(Outcome.CLEAN_FAILURE, 0L), whileDown.getOrDefault(Outcome.OK, 0L),
                whileDown.getOrDefault(Outcome.UNCLEAN_FAILURE, 0L));
        line("- answer times while down: failures p50 %d ms, max %d ms; successes (answered once the database was back) max %d ms",
                percentile(millisOf(samples, stoppedAt, startedAt, Outcome.CLEAN_FAILURE), 50),
                percentile(millisOf(samples, stoppedAt, startedAt, Outcome.CLEAN_FAILURE), 100),
                percentile(millisOf(samples, stoppedAt, startedAt, Outcome.OK), 100));
        line("- /health/ready while down answered %s", readinessWhileDown);
        line("- recovery: last failed request started %.1f s after PostgreSQL was back; no restart of the application",
                Math.max(0, lastFailure - startedAt) / 1000.0);
        line("- unclean failures (no answer, stack trace, another page) in the whole phase: %d", unclean);
        line("- connection rows before and after: %d / %d, identical ids, owners and encrypted tokens: %s",
                rowsBefore.size(), rowsAfter.size(), rowsBefore.equals(rowsAfter));
        assertThat(unclean).isZero();
        assertThat(whileDown.getOrDefault(Outcome.CLEAN_FAILURE, 0L)).as("requests failed while the database was down").isPositive();
        assertThat(readinessWhileDown).containsOnly(503);
        assertThat(allOkInTheEnd).as("every request OK 20 s after the restart").isTrue();
        assertThat(rowsAfter).isEqualTo(rowsBefore).hasSize(CONNECTIONS);
    }

    @Test
    @Order(3)
    void providersDownForThreeIntervals() throws Exception {
        Waiting.upTo(INTERVAL.multipliedBy(4), () -> countWhere("state = 'WORKING'") == CONNECTIONS);
        Simulators.evotor().goDown();
        Simulators.vk().goDown();
        Instant downSince = Instant.now();
        long mostTold = 0;
        Set<String> cardsSeen = new HashSet<>();
        while (Instant.now().isBefore(downSince.plus(INTERVAL.multipliedBy(3)))) {
            mostTold = Math.max(mostTold, countWhere("state = 'NEEDS_RECONNECT'"));
            for (Owner owner : owners.subList(0, 5)) {
                Dashboard dashboard = Dashboard.of(owner.browsers().get(0));
                cardsSeen.add(dashboard.status("evotor"));
                cardsSeen.add(dashboard.status("vk"));
            }
            Thread.sleep(1_000);
        }
        Map<String, Long> statesWhenBack = stateCounts();
        Simulators.evotor().comeBack();
        Simulators.vk().comeBack();
        Instant back = Instant.now();
        Waiting.upTo(INTERVAL.multipliedBy(3), () -> countWhere("state = 'WORKING'") == CONNECTIONS);
        Duration recovery = Duration.between(back, Instant.now());
        Dashboard after = Dashboard.of(owners.get(0).browsers().get(1));

        line("");
        line("## 3. Evotor and VK unreachable (connection refused) for three intervals (%d s)", INTERVAL.multipliedBy(3).toSeconds());
        line("- connections in «Требуется переподключение» at any moment: %d (sampled every second)", mostTold);
        line("- statuses the owners' cards showed meanwhile: %s", new TreeSet<>(cardsSeen));
        line("- states when the providers came back: %s", statesWhenBack);
        line("- all %d connections «Работает» again %.1f s after the providers came back", CONNECTIONS, recovery.toMillis() / 1000.0);
        assertThat(mostTold).isZero();
        assertThat(cardsSeen).doesNotContain("Требуется переподключение");
        assertThat(after.status("evotor")).isEqualTo("Работает");
        assertThat(after.status("vk")).isEqualTo("Работает");
    }

    @Test
    @Order(4)
    void exactlyOncePerIntervalWhileOneInstanceIsKilled() throws Exception {
        Waiting.upTo(INTERVAL.multipliedBy(4), () -> countWhere("state = 'WORKING'") == CONNECTIONS);
        Simulators.evotor().reset();
        Simulators.vk().reset();
        Simulators.evotor().latency(PROVIDER_LATENCY);
        Simulators.vk().latency(PROVIDER_LATENCY);
        Instant windowStart = Instant.now();
        Thread.sleep(INTERVAL.multipliedBy(2).toMillis());
        untilOrDumpThreads(INTERVAL.multipliedBy(2), () -> !Simulators.evotor().tokensInFlight().isEmpty());
        Set<String> answeringAtKill = new HashSet<>(Simulators.evotor().tokensInFlight());
        answeringAtKill.addAll(Simulators.vk().tokensInFlight());
        Instant killedAt = Instant.now();
        second.kill();
        Map<String, String> leasedAtKill = tokens("lease_until > CURRENT_TIMESTAMP");
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        Instant windowEnd = Instant.now();

        Map<String, String> all = tokens("TRUE");
        Duration normalGap = INTERVAL.plus(TICK).plus(SLACK);
        Duration gapAcrossKill = normalGap.plus(LEASE).plus(TICK);
        Map<Integer, Integer> checksPerToken = new TreeMap<>();
        int duplicates = 0;
        int duplicatesOutsideLeased = 0;
        int late = 0;
        long longestGapMs = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> connection : all.entrySet()) {
            String token = connection.getKey();
            List<Instant> probes = connection.getValue().startsWith("evotor")
                    ? Simulators.evotor().probesWith(token) : Simulators.vk().probesWith(token);
            checksPerToken.merge(probes.size(), 1, Integer::sum);
            List<Instant> edges = new ArrayList<>();
            edges.add(windowStart);
            edges.addAll(probes);
            edges.add(windowEnd);
            boolean leased = leasedAtKill.containsKey(token);
            for (int i = 1; i < edges.size(); i++) {
                Duration gap = Duration.between(edges.get(i - 1), edges.get(i));
                longestGapMs = Math.max(longestGapMs, gap.toMillis());
                boolean betweenTwoChecks = i > 1 && i < edges.size() - 1;
                if (betweenTwoChecks && gap.compareTo(INTERVAL.minusSeconds(1)) < 0) {
                    duplicates++;
                    if (!leased) {
                        duplicatesOutsideLeased++;
                        problems.add(connection.getValue() + " checked twice within " + gap.toMillis() + " ms");
                    }
                }
                if (gap.compareTo(leased ? gapAcrossKill : normalGap) > 0) {
                    late++;
                    problems.add(connection.getValue() + " waited " + gap.toMillis() + " ms for a check");
                }
            }
        }
        line("");
        line("## 4. %d connections on two instances, the second killed (kill -9) mid-sweep, checks counted per token at the simulators",
                CONNECTIONS);
        line("- window: 2 intervals with both instances, the kill, 3 intervals with the survivor (%d s)",
                Duration.between(windowStart, windowEnd).toSeconds());
        line("- at the kill: %d checks being answered by the simulators (both instances), %d connections leased (claimed, result not written)",
                answeringAtKill.size(), leasedAtKill.size());
        line("- checks per token in the window: %s (a connection is due %d s after its last check, sweeps run every %d s)",
                checksPerToken, INTERVAL.toSeconds(), TICK.toSeconds());
        line("- the same connection checked twice within one interval: %d, all of them leased at the kill: %s",
                duplicates, duplicatesOutsideLeased == 0);
        line("- longest wait for a check: %.1f s (allowed %d s, or %d s across the kill for leased connections); late: %d",
                longestGapMs / 1000.0, normalGap.toSeconds(), gapAcrossKill.toSeconds(), late);
        line("- killed at %s; the survivor took over the dead instance's leases after they expired (%d s)", killedAt, LEASE.toSeconds());
        problems.stream().limit(10).forEach(problem -> line("  - %s", problem));
        assertThat(all).hasSize(CONNECTIONS);
        assertThat(duplicatesOutsideLeased).as("connections checked twice in an interval without a kill to explain it").isZero();
        assertThat(late).as("connections left unchecked for longer than an interval allows").isZero();
    }

    @Test
    @Order(5)
    void loginBurstAndFloodOfBogusLogins() throws Exception {
        bothInstancesRunning();
        Owner timed = owners.get(0);
        LoginPhase.Result result = new LoginPhase(List.of(first.baseUrl(), second.baseUrl()), Duration.ofSeconds(60))
                .run(owners.get(1).email(), timed.browsers().get(0));
        summary.put("login_burst_hashes", result.loginBurstHashes());
        summary.put("login_idle_dashboard_p95_ms", result.idleDashboardP95Ms());
        summary.put("login_flood_dashboard_p95_ms", result.floodDashboardP95Ms());
        line("");
        line("## 5. Logins: %d wrong passwords for one account at one instant, then %d clients posting bogus logins for 60 s",
                LoginPhase.BURST, LoginPhase.FLOOD_CLIENTS);
        line("- password hashes evaluated for the burst (all instances, `password_hashes_total`): %d (allowed: accounts.login.max-failures = 5)",
                result.loginBurstHashes());
        line("- the flood: %d bogus logins answered, %d password hashes evaluated (the instances run the default "
                + "failed-login limits: 30 per client, 300 for everyone, per minute; refusals are held back 1 s)",
                result.floodLogins(), result.floodHashes());
        line("- a signed-in owner's /connections p95: idle %d ms, during the flood %d ms (allowed: below 2 × idle)",
                result.idleDashboardP95Ms(), result.floodDashboardP95Ms());
        line("  - p95 per 10 s: idle %s ms, during the flood %s ms", result.idleWindowsP95Ms(), result.floodWindowsP95Ms());
        assertThat(result.loginBurstHashes()).as("hashes for one account's burst").isLessThanOrEqualTo(5);
        assertThat(result.floodDashboardP95Ms()).as("dashboard p95 during the flood, ms").isLessThan(2 * result.idleDashboardP95Ms());
    }

    @Test
    @Order(6)
    void tokenSoakWithFailingCallsAndAKillEveryTwoMinutes() throws Exception {
        bothInstancesRunning();
        // Only the soak's connections: 1,000 VK grants whose access tokens are always within the refresh
        // window (every check refreshes, and the rotated refresh token must be stored every time).
        try (Connection db = postgres.connect()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM evotor_connection")) {
                delete.executeUpdate();
            }
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM vk_connection")) {
                delete.executeUpdate();
            }
            SeededConnections.insertVk(db, cipher, SOAK_ID_BASE, SOAK_CONNECTIONS, Simulators.vk(),
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(2));
        }
        Simulators.vk().reset();
        Simulators.vk().latency(PROVIDER_LATENCY);
        Simulators.vk().accessTokensLive(120);
        Simulators.vk().failRandomly(ru.storelink.simulators.VkSimulator.USERS_GET, ru.storelink.simulators.Fault.SERVER_ERROR, 0.2);
        int reusesBefore = Simulators.vk().refreshTokenReuses();
        int refreshesBefore = Simulators.vk().refreshes();
        Set<Long> everNeedsReconnect = ConcurrentHashMap.newKeySet();
        AtomicBoolean sampling = new AtomicBoolean(true);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<?> samples = sampler.submit(() -> {
            while (sampling.get()) {
                everNeedsReconnect.addAll(idsWhere(VkService.TYPE, "state = 'NEEDS_RECONNECT'"));
                Thread.sleep(1000);
            }
            return null;
        });

        Instant began = Instant.now();
        List<String> kills = new ArrayList<>();
        List<Instant> killedAt = new ArrayList<>();
        for (int round = 0; round < SOAK_KILLS; round++) {
            Thread.sleep(SOAK_KILL_EVERY.toMillis());
            boolean killFirst = round % 2 == 0;
            PayaraInstance victim = killFirst ? first : second;
            // Sweeps come in bursts: kill while the victim really has checks (and refreshes) in flight.
            java.util.Deque<String> polls = new java.util.ArrayDeque<>();
            try {
                untilOrDumpThreads(INTERVAL.multipliedBy(4), () -> {
                    long byVictim = countLeasedBy(victim.pid());
                    int answering = Simulators.vk().tokensInFlight().size();
                    polls.addLast(Instant.now() + " victim " + victim.pid() + " leased " + byVictim + ", answering " + answering
                            + ", leases by holder " + leaseHolders());
                    return byVictim > 0 && answering > 0;
                });
            } catch (AssertionError stalled) {
                Files.write(Path.of("target", "load-and-faults-stall.txt"), polls);
                throw stalled;
            }
            long leased = countLeasedBy(victim.pid());
            killedAt.add(Instant.now());
            victim.kill();
            kills.add(String.format(Locale.ROOT, "%s at %.1f s (%d checks leased)", victim.name(),
                    Duration.between(began, Instant.now()).toMillis() / 1000.0, leased));
            PayaraInstance restarted = startInstance(victim.name());
            if (killFirst) {
                first = restarted;
            } else {
                second = restarted;
            }
            restarted.awaitReady(Duration.ofMinutes(3));
        }
        Thread.sleep(SOAK_KILL_EVERY.toMillis());
        Simulators.vk().reset();
        Simulators.vk().latency(PROVIDER_LATENCY);
        Simulators.vk().accessTokensLive(120);
        // After the last kill: every connection must be checked again (leases of the dead run out first).
        Duration settle = INTERVAL.plus(LEASE).plus(TICK).plus(TICK).plus(SLACK);
        Thread.sleep(settle.toMillis());
        sampling.set(false);
        samples.get();
        sampler.shutdown();

        long lost = idsWhere(VkService.TYPE, "last_checked_at < CURRENT_TIMESTAMP - INTERVAL '" + settle.toSeconds() + " seconds'").size();
        int reuses = Simulators.vk().refreshTokenReuses() - reusesBefore;
        int refreshes = Simulators.vk().refreshes() - refreshesBefore;
        List<SimulatedGrants.Reuse> soakReuses = Simulators.vk().lastRefreshTokenReuses().stream()
                .filter(reuse -> reuse.at().isAfter(began)).toList();
        // A refresh in flight when its instance dies is still answered: the provider retires the old token, and
        // the new one dies with the instance. No client can keep that answer; its successor can only present
        // the old token (or never refresh again): the grant is lost either way. Every other reuse is our bug.
        List<SimulatedGrants.Reuse> unexplained = soakReuses.stream()
                .filter(reuse -> killedAt.stream().noneMatch(kill -> answeredAsItsAskerDied(reuse, kill))).toList();
        summary.put("token_soak_needs_reconnect", (long) everNeedsReconnect.size());
        summary.put("token_soak_refresh_reuse", (long) reuses);
        summary.put("token_soak_refresh_reuse_unexplained", (long) unexplained.size() + Math.max(0, reuses - soakReuses.size()));
        summary.put("token_soak_checks_lost", lost);
        line("");
        line("## 6. Token soak: %d VK connections refreshed at every check, 20 %% of users.get failing (HTTP 500), "
                + "a kill -9 every %d s for %d s", SOAK_CONNECTIONS, SOAK_KILL_EVERY.toSeconds(), SOAK_KILL_EVERY.multipliedBy(SOAK_KILLS + 1).toSeconds());
        line("- kills: %s", String.join("; ", kills));
        line("- refreshes answered by the simulated VK ID: %d", refreshes);
        line("- connections ever in «Требуется переподключение» (sampled every second): %d", everNeedsReconnect.size());
        line("- retired refresh tokens presented again (each revokes a grant): %d", reuses);
        for (SimulatedGrants.Reuse reuse : soakReuses) {
            line("  - at %s s a token retired at %s s, %s", secondsSince(began, reuse.at()), secondsSince(began, reuse.retiredAt()),
                    unexplained.contains(reuse) ? "not by a refresh in flight at a kill" : "by a refresh in flight at a kill");
        }
        line("- of them not explained by an answer lost to a kill: %d", unexplained.size());
        line("- connections not checked in the last %d s at the end (checks lost): %d", settle.toSeconds(), lost);
        assertThat(soakReuses).as("reuses recorded (the simulator keeps the last 100)").hasSize(Math.min(reuses, 100));
        assertThat(unexplained).as("retired refresh tokens presented without a kill to explain it").isEmpty();
        assertThat(everNeedsReconnect).as("connections asked to reconnect, beyond the grants lost to kills").hasSizeLessThanOrEqualTo(reuses);
        assertThat(lost).as("connections left unchecked").isZero();
    }

    /**
     * Whether the refresh that retired the reused token was answered while its instance was being killed: it
     * was in flight at the kill (the simulator answers after its latency) or its answer was not yet stored.
     */
    private static boolean answeredAsItsAskerDied(SimulatedGrants.Reuse reuse, Instant kill) {
        return !reuse.retiredAt().isBefore(kill.minusSeconds(1)) && !reuse.retiredAt().isAfter(kill.plus(PROVIDER_LATENCY).plusSeconds(1));
    }

    private static String secondsSince(Instant began, Instant time) {
        return String.format(Locale.ROOT, "%.1f", Duration.between(began, time).toMillis() / 1000.0);
    }

    @Test
    @Order(7)
    void notificationsWhileASenderIsKilled() throws Exception {
        bothInstancesRunning();
        Simulators.evotor().reset();
        Simulators.vk().reset();
        Simulators.evotor().latency(PROVIDER_LATENCY);
        Simulators.vk().latency(PROVIDER_LATENCY);
        Simulators.vk().accessTokensLive(120);
        // Every connection settled: working, or (lost to an earlier phase's kill) waiting for its owner.
        Waiting.upTo(INTERVAL.multipliedBy(4), () -> countWhere("state NOT IN ('WORKING', 'NEEDS_RECONNECT')") == 0);
        // A tenth of the connections break at once, working ones of as many owners: each owner is told once.
        Map<String, Runnable> breaking = working(NOTIFY_BROKEN);
        Set<String> owners = breaking.keySet();
        Instant began = Instant.now();
        breaking.values().forEach(Runnable::run);

        // Kill the instance whose sender holds outbox rows while a quarter or more of the owners have their e-mail.
        PayaraInstance[] victim = new PayaraInstance[1];
        long[] heldAtKill = new long[1];
        untilOrDumpThreads(Duration.ofMinutes(2), () -> {
            if (received(owners).keySet().size() < NOTIFY_BROKEN / 4) {
                return false;
            }
            for (PayaraInstance instance : new PayaraInstance[] {first, second}) {
                long held = count("SELECT COUNT(*) FROM notification WHERE status = 'PENDING' AND lease_until > CURRENT_TIMESTAMP"
                        + " AND lease_owner LIKE '" + instance.pid() + "/%'");
                if (held > 0) {
                    victim[0] = instance;
                    heldAtKill[0] = held;
                    return true;
                }
            }
            return false;
        });
        int deliveredAtKill = received(owners).size();
        Instant killedAt = Instant.now();
        victim[0].kill();
        // Everyone told, then a lease more for a repetition to show up.
        Waiting.upTo(Duration.ofMinutes(3), Duration.ofMillis(500), () -> received(owners).size() == NOTIFY_BROKEN);
        Instant allToldAt = Instant.now();
        Thread.sleep(NOTIFY_LEASE.plusSeconds(10).toMillis());
        PayaraInstance restarted = startInstance(victim[0].name());
        if (victim[0] == first) {
            first = restarted;
        } else {
            second = restarted;
        }
        restarted.awaitReady(Duration.ofMinutes(3));

        Map<String, Long> perOwner = received(owners);
        long sent = perOwner.values().stream().mapToLong(Long::longValue).sum();
        long duplicates = sent - perOwner.size();
        long lost = NOTIFY_BROKEN - perOwner.size();
        long pending = count("SELECT COUNT(*) FROM notification n JOIN account a ON a.id = n.account_id WHERE n.status = 'PENDING'"
                + " AND n.kind = 'BROKEN' AND a.email IN (" + owners.stream().map(email -> "'" + email + "'").collect(Collectors.joining(",")) + ")");
        summary.put("notify_expected", (long) NOTIFY_BROKEN);
        summary.put("notify_sent", sent);
        summary.put("notify_duplicates", duplicates);
        summary.put("notify_lost", lost);
        line("");
        line("## 7. Notifications: %d of the 1,000 connections (of as many owners) broken at once (grants revoked at the simulators),"
                + " one instance killed (kill -9) mid-delivery", NOTIFY_BROKEN);
        line("- SMTP: GreenMail on loopback behind a relay that opens each connection after %d ms; no digest wait; sender lease %d s",
                SMTP_DELAY.toMillis(), NOTIFY_LEASE.toSeconds());
        line("- killed %s at %.1f s, while it held %d outbox rows and %d owners had their e-mail",
                victim[0].name(), Duration.between(began, killedAt).toMillis() / 1000.0, heldAtKill[0], deliveredAtKill);
        line("- e-mails expected %d, sent %d, duplicated %d, lost %d; every owner told after %.1f s; rows still pending: %d",
                NOTIFY_BROKEN, sent, duplicates, lost, Duration.between(began, allToldAt).toMillis() / 1000.0, pending);
        assertThat(lost).as("owners never told").isZero();
        assertThat(duplicates).as("repetitions: at most the killed sender's one e-mail in flight").isLessThanOrEqualTo(1);
        assertThat(perOwner.values()).as("nobody told more than twice").allMatch(mails -> mails <= 2);
    }

    /**
     * Working connections of {@code count} different owners (VK first, then Evotor), each with how to break
     * it at its simulator (revoke the grant), by the owner's e-mail address.
     */
    private Map<String, Runnable> working(int count) throws SQLException {
        Map<String, Runnable> breaking = new java.util.LinkedHashMap<>();
        try (Connection db = postgres.connect()) {
            for (String[] service : new String[][] {{"vk", "vk_connection", "c.vk_user_id"}, {"evotor", "evotor_connection", "c.store_id"}}) {
                try (PreparedStatement select = db.prepareStatement("SELECT a.email, " + service[2] + " FROM " + service[1] + " c"
                        + " JOIN connection_health h ON h.service = '" + service[0] + "' AND h.connection_id = c.id"
                        + " JOIN account a ON a.id = c.account_id WHERE h.state = 'WORKING' ORDER BY c.id");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next() && breaking.size() < count) {
                        String email = rows.getString(1);
                        String subject = rows.getString(2);
                        breaking.putIfAbsent(email, service[0].equals("vk")
                                ? () -> Simulators.vk().revokeUser(Long.parseLong(subject))
                                : () -> Simulators.evotor().revokeAccountOf(subject));
                    }
                }
            }
        }
        assertThat(breaking).as("working connections of different owners").hasSize(count);
        return breaking;
    }

    /** E-mails the SMTP server received per owner of {@code owners}. */
    private Map<String, Long> received(Set<String> owners) {
        return inbox.all().stream().map(Inbox.Received::to).filter(owners::contains)
                .collect(Collectors.groupingBy(to -> to, Collectors.counting()));
    }

    private long count(String sql) {
        try (Connection db = postgres.connect(); PreparedStatement select = db.prepareStatement(sql); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for checks to be in flight; when none come, leaves both instances' threads in
     * {@code target/load-and-faults-<name>-threads.txt} before failing. (The wait that failed three times on
     * 2026-12-01 looked like stopped checks; its polls showed leases but never a call in flight: the
     * simulators counted a call only once its latency had passed, for microseconds.)
     */
    private void untilOrDumpThreads(Duration limit, java.util.function.BooleanSupplier condition) {
        try {
            Waiting.upTo(limit, condition);
        } catch (AssertionError stalled) {
            for (PayaraInstance instance : new PayaraInstance[] {first, second}) {
                if (instance.isAlive()) {
                    instance.dumpThreads(Path.of("target", "load-and-faults-" + instance.name() + "-threads.txt"));
                }
            }
            throw stalled;
        }
    }

    /** Phase 4 leaves the second instance dead. */
    private void bothInstancesRunning() throws Exception {
        if (!second.isAlive()) {
            second = startInstance("second");
            second.awaitReady(Duration.ofMinutes(3));
        }
    }

    private PayaraInstance startInstance(String name) throws Exception {
        boolean isFirst = "first".equals(name);
        return PayaraInstance.start(name, Path.of("target", "load-and-faults-" + name + ".log"),
                port(isFirst ? "storelink.http.port" : "storelink.second.port"),
                instanceJvm + " -Dapp.data-dir=target/load-and-faults-" + name,
                System.getProperty("storelink.load.options") + " --startport "
                        + port(isFirst ? "storelink.cluster.port" : "storelink.second.cluster.port"));
    }

    private long countLeasedBy(long pid) {
        return idsWhere(VkService.TYPE, "lease_until > CURRENT_TIMESTAMP AND lease_owner LIKE '" + pid + "@%'").size();
    }

    /** Live leases per holder instance ({@code <pid>@<host>}), for the report of a stall. */
    private Map<String, Long> leaseHolders() {
        try (Connection db = postgres.connect();
                PreparedStatement select = db.prepareStatement("SELECT split_part(lease_owner, '/', 1), COUNT(*), MAX(lease_until) - CURRENT_TIMESTAMP"
                        + " FROM connection_health WHERE service = 'vk' AND lease_owner IS NOT NULL GROUP BY 1");
                ResultSet rows = select.executeQuery()) {
            Map<String, Long> holders = new TreeMap<>();
            while (rows.next()) {
                holders.put(rows.getString(1) + " (latest lease ends in " + rows.getString(3) + ")", rows.getLong(2));
            }
            return holders;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<Long> idsWhere(ServiceType service, String condition) {
        try (Connection db = postgres.connect();
                PreparedStatement select = db.prepareStatement("SELECT id FROM " + withHealth(service) + " WHERE " + condition);
                ResultSet rows = select.executeQuery()) {
            Set<Long> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ----- set-up -----

    private void signUpOwners() throws Exception {
        // Two at a time: a registration costs two password hashes, and an instance hashes two at once with
        // two more waiting (the test configuration); a third parallel sign-up would be told to wait a minute.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> signUps = new ArrayList<>();
        Object oneConsentAtATime = new Object();
        for (int i = 0; i < OWNERS; i++) {
            int number = i;
            signUps.add(pool.submit(() -> {
                String email = TestData.uniqueEmail("load-" + number);
                WebClient onFirst = new WebClient(first.baseUrl().toURL());
                assertThat(WebClient.location(onFirst.register(email, PASSWORD))).endsWith("/connections");
                // The simulators' "next account" is shared: one consent at a time.
                synchronized (oneConsentAtATime) {
                    Simulators.evotor().nextAccountHasStores(new Store("load-store-" + number, "Магазин " + number, ""));
                    assertThat(WebClient.location(onFirst.connect("evotor"))).endsWith("/connections");
                    Simulators.vk().nextProfileIs(500_000 + number, "Владелец", "№" + number);
                    assertThat(WebClient.location(onFirst.connect("vk"))).endsWith("/connections");
                }
                owners.add(new Owner(email, List.of(onFirst, onFirst.sameBrowserAt(second.baseUrl()))));
                return null;
            }));
        }
        for (Future<?> signUp : signUps) {
            signUp.get();
        }
        pool.shutdown();
    }

    /** Evotor connections of further accounts, written straight to the database. */
    private void seedConnections() throws SQLException {
        try (Connection db = postgres.connect()) {
            SeededConnections.insert(db, cipher, SEEDED_ID_BASE, SEEDED, Simulators.evotor(), null);
        }
    }

    // ----- the database as the suite reads it -----

    private long countWhere(String condition) {
        try (Connection db = postgres.connect();
                PreparedStatement select = db.prepareStatement("SELECT (SELECT COUNT(*) FROM " + withHealth(EvotorService.TYPE)
                        + " WHERE " + condition + ") + (SELECT COUNT(*) FROM " + withHealth(VkService.TYPE) + " WHERE " + condition + ")");
                ResultSet count = select.executeQuery()) {
            count.next();
            return count.getLong(1);
        } catch (SQLException notReachable) {
            return -1;
        }
    }

    private Map<String, Long> stateCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = postgres.connect();
                PreparedStatement select = db.prepareStatement("SELECT state, COUNT(*) FROM (SELECT state FROM " + withHealth(EvotorService.TYPE)
                        + " UNION ALL SELECT state FROM " + withHealth(VkService.TYPE) + ") AS states GROUP BY state");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** Every connection row as "table:id" → "account, encrypted token". */
    private Map<String, String> connectionRows() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        for (ServiceType service : List.of(EvotorService.TYPE, VkService.TYPE)) {
            try (Connection db = postgres.connect();
                    PreparedStatement select = db.prepareStatement("SELECT id, account_id, access_token FROM " + table(service));
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(service.key() + ":" + row.getLong(1), row.getLong(2) + " " + row.getString(3));
                }
            }
        }
        return rows;
    }

    /** Decrypted access token → "service:id" of the connections matching {@code condition}. */
    private Map<String, String> tokens(String condition) throws SQLException {
        Map<String, String> tokens = new HashMap<>();
        for (ServiceType service : List.of(EvotorService.TYPE, VkService.TYPE)) {
            try (Connection db = postgres.connect();
                    PreparedStatement select = db.prepareStatement(
                            "SELECT id, account_id, access_token FROM " + withHealth(service) + " WHERE " + condition);
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String token = cipher.open(row.getString(3), ConnectionStore.tokenContext(service, "access_token", row.getLong(2)));
                    tokens.put(token, service.key() + ":" + row.getLong(1));
                }
            }
        }
        return tokens;
    }

    private static String table(ServiceType service) {
        return service.key() + "_connection";
    }

    /**
     * A service's connections, each with its health row: the state, the schedule and the lease live there
     * (V7), the tokens and {@code last_checked_at} in the connection's row. The two share no column name, so a
     * condition names either unqualified; a connection missing its health row still counts where only its
     * own columns are asked about.
     */
    private static String withHealth(ServiceType service) {
        return table(service) + " LEFT JOIN connection_health ON connection_health.service = '" + service.key() + "'"
                + " AND connection_health.connection_id = " + table(service) + ".id";
    }

    // ----- figures -----

    private static Map<Outcome, Long> outcomes(List<Sample> samples, long fromMs, long toMs) {
        return samples.stream().filter(s -> s.startedMs() >= fromMs && s.startedMs() < toMs)
                .collect(Collectors.groupingBy(Sample::outcome, Collectors.counting()));
    }

    private static List<Long> millisOf(List<Sample> samples, long fromMs, long toMs, Outcome outcome) {
        return samples.stream().filter(s -> s.startedMs() >= fromMs && s.startedMs() < toMs && s.outcome() == outcome)
                .map(Sample::millis).sorted().toList();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("LOAD-AND-FAULTS " + text);
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    /** Samples the resident memory of the instances every half second; reports the peaks in MiB. */
    private record MemorySampler(AtomicBoolean running, Map<String, AtomicLong> peaks, Future<?> loop) {

        static MemorySampler start(PayaraInstance... instances) {
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, AtomicLong> peaks = new HashMap<>();
            for (PayaraInstance instance : instances) {
                peaks.put(instance.name(), new AtomicLong());
            }
            Future<?> loop = Executors.newSingleThreadExecutor().submit(() -> {
                while (running.get()) {
                    for (PayaraInstance instance : instances) {
                        peaks.get(instance.name()).accumulateAndGet(instance.rssMib(), Math::max);
                    }
                    Thread.sleep(500);
                }
                return null;
            });
            return new MemorySampler(running, peaks, loop);
        }

        Map<String, Long> stop() throws Exception {
            running.set(false);
            loop.get();
            Map<String, Long> result = new HashMap<>();
            peaks.forEach((name, peak) -> result.put(name, peak.get()));
            return result;
        }
    }
}
