package ru.storelink.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.testsupport.Metrics;
import ru.storelink.testsupport.PayaraInstance;
import ru.storelink.testsupport.PostgreSqlServer;
import ru.storelink.testsupport.SeededConnections;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;

/**
 * The checker-at-scale benchmark ({@code mvn -Pbenchmark verify}, README "Benchmarks"): Storelink as it is
 * deployed — the packaged WAR on its own Payara Micro process, PostgreSQL, default settings — against the
 * Evotor and VK simulators answering after 100 ms in this JVM (not the server's). Phases, in order:
 * claim cost at 10,000 connections; a backlog of 30,000 drained at the default concurrency, at 60 per
 * provider and by two instances; the bare peer on the same simulators; claim cost at 100,000 and 300,000;
 * then 300,000 connections in steady state (every one due once per 600 s, i.e. 500 checks/s) with the
 * dashboard's refresh, the full dashboard and {@code /health/live} loaded by {@code wrk} from outside.
 * Writes target/benchmark-report.md and target/benchmark-summary.properties. It measures; it asserts only
 * that each phase did what it measures (every connection checked, the claim on its index).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleBenchmark {

    static final Duration LATENCY = Duration.ofMillis(100);
    static final Duration INTERVAL = Duration.ofSeconds(600);
    static final int DEFAULT_CONCURRENCY = 50;
    static final long ID_BASE = 10_000_000L;
    static final int DRAIN = 30_000;
    static final int LARGEST = 300_000;
    static final String PASSWORD = "correct horse battery";
    /** Every connection fresh and «Работает», due tomorrow: instances can start while nothing is due. */
    static final String NOTHING_DUE = "UPDATE connection_health SET scheduled_at = CURRENT_TIMESTAMP + INTERVAL '1' DAY,"
            + " checked_at = NULL, lease_owner = NULL, lease_until = NULL, state = 'WORKING', consecutive_failures = 0";
    /**
     * Every connection due at once, as after a day-long outage: each one's last check a day and up to an
     * interval ago. (All at one instant — never-checked rows only — would measure PostgreSQL walking index
     * entries of equal keys that the drain's own updates left dead, a case a running deployment never has.)
     */
    static final String BACKLOG = "UPDATE connection_health SET scheduled_at = CURRENT_TIMESTAMP - INTERVAL '1' DAY"
            + " - random() * INTERVAL '" + INTERVAL.toSeconds() + " seconds'";

    /** The steady state's first connections fall due this long after its schedule is written. */
    static final Duration SPREAD_AHEAD = Duration.ofSeconds(15);
    /** Load on each page before it is measured: the JIT's share of the run, not counted. */
    static final Duration PAGE_WARM_UP = Duration.ofSeconds(20);

    private final Report report = new Report();
    private final TokenCipher cipher = new TokenCipher(Base64.getDecoder().decode(System.getProperty("storelink.test.token-key")));
    private final List<String> evotorTokens = new ArrayList<>();
    private final List<PayaraInstance> running = new ArrayList<>();
    private PostgreSqlServer postgres;
    private int seeded;
    private int started;

    @BeforeAll
    void database() throws Exception {
        Wrk.ensureInstalled();
        postgres = PostgreSqlServer.withFreshDatabase("storelink_bench");
        // The schema comes from the application's own migrations: one start, stopped at once.
        stop(start("schema", Map.of("health-check.enabled", "false")));
        Simulators.evotor().latency(LATENCY);
        Simulators.vk().latency(LATENCY);
        report.line("Machine: %d cores, Java %s; PostgreSQL %s; the server -Xmx512m on its own JVM; simulators answer after %d ms, in the benchmark's JVM.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), postgresVersion(), LATENCY.toMillis());
    }

    @AfterAll
    void writeReport() throws Exception {
        try {
            for (PayaraInstance instance : running) {
                instance.kill();
            }
            if (postgres != null) {
                postgres.dropDatabase();
            }
        } finally {
            report.write(Path.of("target", "benchmark-report.md"), Path.of("target", "benchmark-summary.properties"));
        }
    }

    @Test
    void checkerAtScale() throws Exception {
        seedUpTo(10_000);
        report.section("Claim cost as the table grows");
        measureClaim(10_000, "claim_ms_10k");
        seedUpTo(DRAIN);

        report.section("Backlog drain: %,d connections due at once (%,d per provider), as after a day-long outage", DRAIN, DRAIN / 2);
        report.line("Ideal `N × latency / concurrency` per provider; the drain ends when the last connection is written.");
        Drain one = drain("one instance, default concurrency (50 per provider)", 1, DEFAULT_CONCURRENCY);
        report.put("ratio_to_ideal", one.ratio());
        report.put("cpu_ms_per_check", one.cpuMsPerCheck());
        Drain sixty = drain("one instance, 60 per provider", 1, 60);
        report.put("checks_per_second_c60", sixty.steadyRate());
        Drain two = drain("two instances on one database, default concurrency", 2, DEFAULT_CONCURRENCY);
        report.put("two_instance_speedup", two.steadyRate() / one.steadyRate());
        peer(one);
        vkHanging(one);

        seedUpTo(100_000);
        measureClaim(100_000, "claim_ms_100k");
        seedUpTo(LARGEST);
        measureClaim(LARGEST, "claim_ms_300k");

        steadyState();
    }

    /** One backlog drain: every seeded connection due, {@code instances} fresh instances, until all are written. */
    private Drain drain(String what, int instances, int concurrency) throws Exception {
        // Nothing due while the instances start: every one of them is up when the backlog appears.
        execute(NOTHING_DUE);
        Instant began = Instant.now();
        List<PayaraInstance> checkers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Map<String, String> settings = new TreeMap<>(Map.of("health-check.evotor.concurrency", String.valueOf(concurrency),
                    "health-check.vk.concurrency", String.valueOf(concurrency)));
            checkers.add(start("drain", settings, profile()));
        }
        Thread.sleep(10_000); // the boot's last work (JIT, timers) is not the checker's
        long cpuAtStart = checkers.stream().mapToLong(ScaleBenchmark::cpuMillis).sum();
        execute(BACKLOG);
        Waiting.upTo(Duration.ofMinutes(10), () -> countChecked() == seeded);
        long cpu = checkers.stream().mapToLong(ScaleBenchmark::cpuMillis).sum() - cpuAtStart;
        for (PayaraInstance checker : checkers) {
            stop(checker);
        }
        // Both providers are checked at once: the calls in flight are twice one provider's concurrency.
        Drain drain = Drain.of(checkedTimes(), instances * concurrency * 2, cpu);
        report.line("- %s: %.1f s for %,d checks (ideal %.1f s, ratio %.2f); %.0f checks/s between 10 %% and 90 %% done; server CPU %.2f ms per check (%d s in all, boot to stop)",
                what, drain.seconds(), drain.checks(), drain.idealSeconds(), drain.ratio(), drain.steadyRate(), drain.cpuMsPerCheck(),
                Duration.between(began, Instant.now()).toSeconds());
        assertThat(drain.checks()).as(what + ": every connection checked").isEqualTo(seeded);
        return drain;
    }

    /**
     * VK never answers: Evotor's checks must not notice (each provider has its own threads and permits), and
     * every VK check ends at the read timeout.
     */
    private void vkHanging(Drain normal) throws Exception {
        execute(NOTHING_DUE);
        Simulators.vk().failAlways(VkSimulator.USERS_GET, Fault.HANG_FOREVER);
        PayaraInstance checker = start("vk-hanging", Map.of());
        execute(BACKLOG);
        String evotorDone = "SELECT COUNT(*) FROM connection_health WHERE service = 'evotor' AND checked_at IS NOT NULL";
        Waiting.upTo(Duration.ofMinutes(5), () -> queryLong(evotorDone) == seeded / 2);
        long[] evotor = checkedTimes("evotor");
        long vkChecks = queryLong("SELECT COUNT(*) FROM connection_health WHERE service = 'vk' AND checked_at IS NOT NULL");
        long vkSlowest = queryLong("SELECT COALESCE(MAX(latency_ms), 0) FROM connection_check WHERE service = 'vk'"
                + " AND checked_at > CURRENT_TIMESTAMP - INTERVAL '10' MINUTE");
        stop(checker);
        Simulators.vk().reset();
        Simulators.evotor().latency(LATENCY);
        Simulators.vk().latency(LATENCY);
        double seconds = (evotor[evotor.length - 1] - evotor[0]) / 1000.0;
        report.line("- VK never answering, default concurrency: Evotor's %,d checks took %.1f s (%.1f s for both providers answering); %,d VK checks ended meanwhile, the slowest after %,d ms (read timeout 2,000 ms in this configuration)",
                evotor.length, seconds, normal.seconds(), vkChecks, vkSlowest);
    }

    /** The bare peer on the same simulators: a JDK async client, a semaphore, JDBC batches. */
    private void peer(Drain server) throws Exception {
        Path tokens = Path.of("target", "benchmark-peer-tokens.txt");
        Files.write(tokens, java.util.stream.IntStream.range(0, evotorTokens.size())
                .mapToObj(i -> (ID_BASE + i) + " " + evotorTokens.get(i)).toList());
        BarePeer.Result peer = BarePeer.runAsProcess(URI.create("http://127.0.0.1:" + System.getProperty("storelink.simulator.evotor.port") + "/api"),
                tokens, DEFAULT_CONCURRENCY, postgres.jdbcUrl(), PostgreSqlServer.USER, PostgreSqlServer.PASSWORD,
                Path.of("target", "benchmark-peer.log"));
        double peerCpu = peer.cpuMs() / (double) peer.checks();
        report.line("- bare peer (its own JVM, %d in flight, Evotor only, JDBC batches): %,d checks in %.1f s = %.0f checks/s (ideal %.1f s); CPU %.2f ms per check; the server uses %.1f× that",
                DEFAULT_CONCURRENCY, peer.checks(), peer.seconds(), peer.checks() / peer.seconds(),
                peer.checks() * LATENCY.toMillis() / 1000.0 / DEFAULT_CONCURRENCY, peerCpu, server.cpuMsPerCheck() / peerCpu);
        report.put("peer_cpu_ms_per_check", peerCpu);
        assertThat(peer.ok()).as("the peer's checks worked").isEqualTo(peer.checks());
    }

    /**
     * 300,000 connections, each due once per 600 s, their phases spread over the interval as a long-running
     * deployment's are: 500 checks/s are needed to keep up. Measures the rate per 10 s window, the heap, and
     * the pages under wrk while the checker runs.
     */
    private void steadyState() throws Exception {
        report.section("Steady state: %,d connections, one check each per %d s (%.0f checks/s needed)", seeded, INTERVAL.toSeconds(),
                seeded / (double) INTERVAL.toSeconds());
        try (Connection db = postgres.connect(); Statement all = db.createStatement()) {
            all.executeUpdate(NOTHING_DUE);
            all.execute("VACUUM ANALYZE connection_health");
        }
        PayaraInstance server = start("steady", Map.of(), profile());
        // Only once the instance is up: each connection's interval began up to one interval before a moment
        // SPREAD_AHEAD from now, so from then on 1/600 of them fall due every second. (Set before the start, the
        // start's half minute would be a backlog, and the first windows would measure its drain; so would the
        // seconds this UPDATE of 300,000 rows takes, without the margin.) Evenly apart, the two services taking
        // turns, rather than at random: random phases put 30,000 ± 173 checks due in a minute (binomial), so
        // the measured rate strayed ±0.6 % from 500 before the checker did anything; even ones make a rate
        // below 500 the checker's own.
        try (Connection db = postgres.connect(); Statement all = db.createStatement()) {
            all.executeUpdate("UPDATE connection_health h SET scheduled_at = CURRENT_TIMESTAMP + INTERVAL '" + SPREAD_AHEAD.toSeconds()
                    + " seconds' - (p.n / p.total) * INTERVAL '" + INTERVAL.toSeconds() + " seconds'"
                    + " FROM (SELECT service, connection_id, (row_number() OVER (ORDER BY connection_id, service) - 1)::float8 AS n,"
                    + " (count(*) OVER ())::float8 AS total FROM connection_health) p"
                    + " WHERE h.service = p.service AND h.connection_id = p.connection_id");
            all.executeUpdate("UPDATE connection_health SET checked_at = scheduled_at");
            all.execute("VACUUM ANALYZE connection_health");
        }
        WebClient owner = owner(server);
        Peaks gauges = Peaks.start(server.baseUrl());
        Thread.sleep(SPREAD_AHEAD.plusSeconds(15).toMillis()); // warm-up: the first sweeps, the JIT

        // The checker alone.
        Instant from = Instant.now();
        long cpuFrom = cpuMillis(server);
        long checksFrom = countCheckedSince(from);
        Thread.sleep(60_000);
        Instant to = Instant.now();
        long cpu = cpuMillis(server) - cpuFrom;
        long checks = countCheckedSince(from) - checksFrom;
        List<Long> windows = windows(from, to, Duration.ofSeconds(10));
        double rate = checks / (Duration.between(from, to).toMillis() / 1000.0);
        double mean = windows.stream().mapToLong(Long::longValue).average().orElse(0);
        double spread = windows.stream().mapToDouble(w -> Math.abs(w - mean) / mean * 100).max().orElse(0);
        report.line("- the checker alone, %d s: %.0f checks/s (needed %.0f); per 10 s window: %s — at most %.1f %% from their mean; server CPU %.2f ms per check",
                Duration.between(from, to).toSeconds(), rate, seeded / (double) INTERVAL.toSeconds(),
                windows.stream().map(String::valueOf).collect(Collectors.joining(", ")), spread, cpu / (double) checks);

        // Then the pages, loaded from outside while the checker goes on.
        URI base = server.baseUrl();
        Path scratch = Path.of("target", "wrk");
        Files.createDirectories(scratch);
        String cookies = owner.cookieHeader();
        String pass = "Bearer " + org.jsoup.Jsoup.parse(owner.get("/connections").body()).getElementById("card-refresh").attr("data-pass");
        // As the page's script asks: its pass, no cookie, the last ETag.
        String etag = new WebClient(base.toURL()).get("/connections/status", "Authorization", pass).headers().firstValue("ETag").orElseThrow();
        Map<String, String> refresh = Map.of("Authorization", pass, "If-None-Match", etag);
        // The JIT first: each URL once unmeasured, so that the figures are the steady cost of an open dashboard,
        // not the first minutes of compiling the page's code (on this machine C2 takes minutes for Faces).
        Wrk.run(base.resolve("/health/live"), PAGE_WARM_UP, 2, 16, Map.of(), scratch);
        Wrk.run(base.resolve("/connections/status"), PAGE_WARM_UP, 2, 16, refresh, scratch);
        Wrk.run(base.resolve("/connections"), PAGE_WARM_UP, 2, 16, Map.of("Cookie", cookies), scratch);
        Instant pagesFrom = Instant.now();
        long checksBeforePages = countCheckedSince(from);
        Wrk.Result live = Wrk.run(base.resolve("/health/live"), Duration.ofSeconds(15), 2, 16, Map.of(), scratch);
        Wrk.Result poll = Wrk.run(base.resolve("/connections/status"), Duration.ofSeconds(15), 2, 16, refresh, scratch);
        Wrk.Result page = Wrk.run(base.resolve("/connections"), Duration.ofSeconds(15), 2, 16, Map.of("Cookie", cookies), scratch);
        double rateWithPages = (countCheckedSince(from) - checksBeforePages) / (Duration.between(pagesFrom, Instant.now()).toMillis() / 1000.0);
        Map<String, Double> peaks = gauges.stop();
        long heapPeak = Math.round(peaks.getOrDefault(Peaks.HEAP, 0.0));
        double lagPeak = peaks.getOrDefault(Peaks.LAG, 0.0);
        stop(server);

        report.line("- heap used, peak of the samples every 2 s (of -Xmx512m): %d MiB", heapPeak >> 20);
        report.line("- the longest-due connection's wait (`health_check_lag_seconds`), peak of the same samples, the pages' load included: %.1f s"
                + " — the checker keeps up when it stays within a few seconds", lagPeak);
        report.line("- wrk -t2 -c16 for 15 s each, one after the other, after %d s of the same unmeasured on each, while the checker went on (%.0f checks/s meanwhile):",
                PAGE_WARM_UP.toSeconds(), rateWithPages);
        report.line("  - `/health/live`: %.0f requests/s, p50 %.1f ms, p95 %.1f ms", live.requestsPerSecond(), live.p50Ms(), live.p95Ms());
        report.line("  - `/connections/status` with its pass and `If-None-Match` (the dashboard's refresh): %.0f requests/s (%.2f × /health/live), p50 %.1f ms, p95 %.1f ms; statuses %s",
                poll.requestsPerSecond(), poll.requestsPerSecond() / live.requestsPerSecond(), poll.p50Ms(), poll.p95Ms(), poll.statusCounts());
        report.line("  - `/connections`, the full page: %.0f requests/s (%.2f × /health/live), p50 %.1f ms, p95 %.1f ms; statuses %s",
                page.requestsPerSecond(), page.requestsPerSecond() / live.requestsPerSecond(), page.p50Ms(), page.p95Ms(), page.statusCounts());
        report.put("checks_per_second", rate);
        report.put("load_window_spread_pct", spread);
        report.put("heap_peak_mib", heapPeak >> 20);
        report.put("lag_peak_seconds", lagPeak);
        report.put("health_live_rps", live.requestsPerSecond());
        report.put("poll_rps", poll.requestsPerSecond());
        report.put("poll_p95_ms", poll.p95Ms());
        report.put("page_rps", page.requestsPerSecond());
        assertThat(poll.statusCounts()).as("the refresh answered 304 (unchanged)").containsOnlyKeys(304);
        assertThat(page.statusCounts()).as("the page answered the signed-in owner").containsOnlyKeys(200);
    }

    /** A signed-in owner with both services (two seeded connections handed to them), as the dashboard needs. */
    private WebClient owner(PayaraInstance server) throws Exception {
        String email = TestData.uniqueEmail("bench-owner");
        WebClient owner = new WebClient(server.baseUrl().toURL());
        assertThat(owner.register(email, PASSWORD).statusCode()).isEqualTo(302);
        try (Connection db = postgres.connect()) {
            long account;
            try (PreparedStatement find = db.prepareStatement("SELECT id FROM account WHERE email = ?")) {
                find.setString(1, email);
                try (ResultSet row = find.executeQuery()) {
                    row.next();
                    account = row.getLong(1);
                }
            }
            for (String table : new String[] {"evotor_connection", "vk_connection"}) {
                try (PreparedStatement give = db.prepareStatement("UPDATE " + table + " SET account_id = ? WHERE id = ?")) {
                    give.setLong(1, account);
                    give.setLong(2, ID_BASE);
                    assertThat(give.executeUpdate()).isEqualTo(1);
                }
            }
            // Not checked while the pages are measured: a check changes the card («Последняя проверка»), and the
            // refresh is measured as it answers an unchanged dashboard, 304.
            try (PreparedStatement hold = db.prepareStatement(
                    "UPDATE connection_health SET scheduled_at = CURRENT_TIMESTAMP + INTERVAL '1' DAY WHERE connection_id = ?")) {
                hold.setLong(1, ID_BASE);
                assertThat(hold.executeUpdate()).isEqualTo(2);
            }
        }
        assertThat(owner.get("/connections").body()).contains("card-evotor", "card-vk");
        return owner;
    }

    /**
     * The claim's statement as the checker sends it, all rows due, in a transaction rolled back each time: its
     * cost in the database (PostgreSQL's own planning + execution time, and the buffers it touched) as the table
     * grows, and the round trip the benchmark's client sees.
     */
    private void measureClaim(int rows, String key) throws Exception {
        String claim = "SELECT connection_id, state, consecutive_failures FROM connection_health"
                + " WHERE service = 'evotor' AND scheduled_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY scheduled_at FETCH FIRST 50 ROWS ONLY FOR UPDATE SKIP LOCKED";
        try (Connection db = postgres.connect()) {
            try (Statement all = db.createStatement()) {
                // A due time of its own for every row, as the schedule gives them (an id modulo 100,000 gave
                // 300,000 rows three each: equal keys, PostgreSQL's worst case, see README).
                all.executeUpdate("UPDATE connection_health SET scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'"
                        + " + connection_id * INTERVAL '1 millisecond', lease_owner = NULL, lease_until = NULL");
                all.execute("VACUUM ANALYZE connection_health");
            }
            // The UPDATE above dirtied every row: without a checkpoint first, the checkpointer writes them out
            // while the claims are timed (in earlier runs one size in each run came out up to twice the others).
            postgres.checkpoint();
            db.setAutoCommit(false);
            ClaimTimes inDatabase;
            ClaimTimes roundTrip;
            String plan;
            try (PreparedStatement select = db.prepareStatement(claim);
                    PreparedStatement explain = db.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + claim)) {
                // In the database first: the round trip's rounds then find its buffers and plan cache as warm.
                inDatabase = ClaimTimes.of(() -> {
                    OneClaim measured = OneClaim.explained(explain, INTERVAL);
                    db.rollback();
                    return measured;
                });
                roundTrip = ClaimTimes.of(() -> {
                    long start = System.nanoTime();
                    OneClaim.bindDue(select, INTERVAL);
                    int claimed = 0;
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            claimed++;
                        }
                    }
                    db.rollback();
                    assertThat(claimed).isEqualTo(50);
                    return OneClaim.timedByClient(System.nanoTime() - start);
                });
                plan = inDatabase.plan();
            }
            report.line("- %,d connections: claim of 50 due, in the database %.3f ms (mean of %d: planning + execution as PostgreSQL"
                    + " times them; median %.3f, p99 %.3f), %.0f buffers each; the round trip from the benchmark's client: mean %.2f ms"
                    + " (median %.2f, p99 %.2f); plan: `%s`", rows, inDatabase.meanMs(), ClaimTimes.ROUNDS, inDatabase.medianMs(),
                    inDatabase.p99Ms(), inDatabase.meanBuffers(), roundTrip.meanMs(), roundTrip.medianMs(), roundTrip.p99Ms(), plan);
            report.put(key, inDatabase.meanMs());
            report.put(key.replace("claim_ms", "claim_round_trip_ms"), roundTrip.meanMs());
            assertThat(plan).as("the claim walks the schedule's index").contains("Index Scan using connection_health_due");
        }
    }

    /**
     * One timed claim: as PostgreSQL reports it (its planning + execution time, the buffers it touched, its plan),
     * or as the client timed its round trip (no buffers, no plan).
     */
    private record OneClaim(long nanos, long buffers, String plan) {

        private static final Pattern TIME = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms");
        private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

        /** The claim's parameters: due an interval ago, its lease over by now. */
        static void bindDue(PreparedStatement claim, Duration interval) throws SQLException {
            OffsetDateTime now = OffsetDateTime.now();
            claim.setObject(1, now.minus(interval));
            claim.setObject(2, now);
        }

        static OneClaim timedByClient(long nanos) {
            return new OneClaim(nanos, 0, "");
        }

        static OneClaim explained(PreparedStatement explain, Duration interval) throws SQLException {
            bindDue(explain, interval);
            StringBuilder text = new StringBuilder();
            double ms = 0;
            long buffers = -1;
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    String line = lines.getString(1).trim();
                    text.append(line).append("; ");
                    Matcher time = TIME.matcher(line);
                    if (time.find()) {
                        ms += Double.parseDouble(time.group(2));
                    }
                    Matcher touched = BUFFERS.matcher(line);
                    if (buffers < 0 && touched.find()) { // the first is the whole statement's (the top node)
                        buffers = count(touched.group(1)) + count(touched.group(2));
                    }
                }
            }
            assertThat(text).as("the claim's 50 rows").contains("rows=50 loops=1");
            return new OneClaim(Math.round(ms * 1e6), buffers, text.toString());
        }

        private static long count(String digits) {
            return digits == null ? 0 : Long.parseLong(digits);
        }
    }

    /** Many claims' times: sub-millisecond each, so many rounds, or one pause of this JVM or the machine moves the mean. */
    private record ClaimTimes(long[] sortedNanos, double meanBuffers, String plan) {

        static final int ROUNDS = 3000;
        /** The first rounds warm the plan cache, the buffers and the JIT, and are not counted. */
        static final int WARM_UP = 100;

        interface Round {
            OneClaim run() throws Exception;
        }

        static ClaimTimes of(Round round) throws Exception {
            long[] each = new long[ROUNDS];
            long buffers = 0;
            OneClaim last = null;
            for (int i = -WARM_UP; i < ROUNDS; i++) {
                last = round.run();
                if (i >= 0) {
                    each[i] = last.nanos();
                    buffers += last.buffers();
                }
            }
            Arrays.sort(each);
            return new ClaimTimes(each, (double) buffers / ROUNDS, last.plan());
        }

        double meanMs() {
            return Arrays.stream(sortedNanos).average().orElseThrow() / 1e6;
        }

        double medianMs() {
            return sortedNanos[ROUNDS / 2] / 1e6;
        }

        double p99Ms() {
            return sortedNanos[ROUNDS * 99 / 100] / 1e6;
        }
    }

    /** Seeds connections (half Evotor, half VK) until {@code total}, never checked; the simulators accept their tokens. */
    private void seedUpTo(int total) throws Exception {
        int perProvider = (total - seeded) / 2;
        long start = System.nanoTime();
        try (Connection db = postgres.connect()) {
            db.setAutoCommit(false);
            evotorTokens.addAll(SeededConnections.insert(db, cipher, ID_BASE + seeded / 2, perProvider, Simulators.evotor(), Simulators.vk()));
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("VACUUM ANALYZE");
            }
        }
        seeded += 2 * perProvider;
        report.line("(seeded %,d connections in %.1f s, %,d in all)", 2 * perProvider, (System.nanoTime() - start) / 1e9, seeded);
    }

    private long countChecked() {
        return queryLong("SELECT COUNT(*) FROM connection_health WHERE checked_at IS NOT NULL");
    }

    private long countCheckedSince(Instant since) {
        return queryLong("SELECT COUNT(*) FROM connection_check WHERE checked_at >= TIMESTAMP WITH TIME ZONE '" + since + "'");
    }

    /** Checks written per window between {@code from} and {@code to}, from the check history. */
    private List<Long> windows(Instant from, Instant to, Duration width) {
        List<Long> counts = new ArrayList<>();
        for (Instant start = from; !start.plus(width).isAfter(to); start = start.plus(width)) {
            counts.add(queryLong("SELECT COUNT(*) FROM connection_check WHERE checked_at >= TIMESTAMP WITH TIME ZONE '" + start
                    + "' AND checked_at < TIMESTAMP WITH TIME ZONE '" + start.plus(width) + "'"));
        }
        return counts;
    }

    /** When each connection was written, in milliseconds since the epoch, sorted. */
    private long[] checkedTimes() throws SQLException {
        return checkedTimes(null);
    }

    private long[] checkedTimes(String serviceOrAll) throws SQLException {
        try (Connection db = postgres.connect(); Statement select = db.createStatement();
                ResultSet rows = select.executeQuery("SELECT checked_at FROM connection_health WHERE checked_at IS NOT NULL"
                        + (serviceOrAll == null ? "" : " AND service = '" + serviceOrAll + "'") + " ORDER BY checked_at")) {
            List<Long> times = new ArrayList<>();
            while (rows.next()) {
                times.add(rows.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli());
            }
            return times.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = postgres.connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long queryLong(String sql) {
        try (Connection db = postgres.connect(); Statement select = db.createStatement(); ResultSet row = select.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String postgresVersion() throws SQLException {
        try (Connection db = postgres.connect()) {
            return db.getMetaData().getDatabaseProductVersion();
        }
    }

    /** A fresh instance with the packaged WAR on the benchmark's database, default settings unless {@code settings} say otherwise. */
    private PayaraInstance start(String name, Map<String, String> settings) throws IOException {
        return start(name, settings, "");
    }

    /**
     * {@code -Dstorelink.benchmark.profile=true}: each drain's instance and the steady state's record a Java Flight Recording
     * (target/benchmark-N.jfr), to find where the CPU per check goes ({@code jfr print --events jdk.ExecutionSample}).
     */
    private String profile() {
        return Boolean.getBoolean("storelink.benchmark.profile")
                ? " -XX:StartFlightRecording=filename=target/benchmark-" + started + ".jfr,settings=profile" : "";
    }

    private PayaraInstance start(String name, Map<String, String> settings, String extraJvm) throws IOException {
        int index = started++;
        String jvm = System.getProperty("storelink.benchmark.jvm") + " -Ddb.url=" + postgres.jdbcUrl()
                + " -Dhealth-check.enabled=true -Dapp.data-dir=target/benchmark-" + index
                + settings.entrySet().stream().map(e -> " -D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining())
                + extraJvm;
        int port = Integer.parseInt(System.getProperty(running.isEmpty() ? "storelink.http.port" : "storelink.second.port"));
        PayaraInstance instance = PayaraInstance.start(name + "-" + index, Path.of("target", "benchmark-" + name + "-" + index + ".log"),
                port, jvm, System.getProperty("storelink.benchmark.options"));
        running.add(instance);
        instance.awaitReady(Duration.ofMinutes(3));
        return instance;
    }

    private void stop(PayaraInstance instance) throws InterruptedException {
        instance.stop();
        running.remove(instance);
    }

    /** User plus system CPU time of the process so far (Linux /proc, clock ticks of 10 ms). */
    static long cpuMillis(PayaraInstance instance) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(instance.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A drain's figures, from the times its connections were written. */
    record Drain(long[] times, int inFlight, long cpuMillis) {

        static Drain of(long[] times, int inFlight, long cpuMillis) {
            return new Drain(times, inFlight, cpuMillis);
        }

        int checks() {
            return times.length;
        }

        double seconds() {
            return (times[times.length - 1] - times[0]) / 1000.0;
        }

        /** Little's law: every check is one call of {@code LATENCY}, {@code inFlight} of them at a time. */
        double idealSeconds() {
            return checks() * LATENCY.toMillis() / 1000.0 / inFlight;
        }

        double ratio() {
            return seconds() / idealSeconds();
        }

        /** Between 10 % and 90 % of the checks written: the pipeline's rate without its start and its tail. */
        double steadyRate() {
            int from = times.length / 10;
            int to = times.length * 9 / 10;
            return (to - from) / ((times[to] - times[from]) / 1000.0);
        }

        double cpuMsPerCheck() {
            return cpuMillis / (double) checks();
        }
    }

    /** Samples gauges of the server's {@code /metrics} every 2 s, as monitoring would, and keeps each one's peak. */
    private record Peaks(AtomicBoolean running, Map<String, Double> peaks) {

        static final String HEAP = "memory_usedHeap_bytes";
        /** How long the longest-due connection had waited (the larger of the two providers'). */
        static final String LAG = "health_check_lag_seconds";

        static Peaks start(URI base) {
            Peaks sampler = new Peaks(new AtomicBoolean(true), new ConcurrentHashMap<>());
            Thread thread = new Thread(() -> {
                while (sampler.running.get()) {
                    Metrics.largest(base, List.of(HEAP, LAG)).forEach((gauge, value) -> sampler.peaks.merge(gauge, value, Math::max));
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "gauge-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        Map<String, Double> stop() {
            running.set(false);
            return Map.copyOf(peaks);
        }
    }

    /** The Markdown report and the summary's keys (issue 11's; numbers only). */
    private static final class Report {

        private final List<String> lines = new ArrayList<>();
        private final Map<String, String> summary = new TreeMap<>();

        void section(String format, Object... args) {
            lines.add("");
            lines.add("## " + String.format(Locale.ROOT, format, args));
            System.out.println("BENCHMARK ## " + String.format(Locale.ROOT, format, args));
        }

        void line(String format, Object... args) {
            String text = String.format(Locale.ROOT, format, args);
            lines.add(text);
            System.out.println("BENCHMARK " + text);
        }

        void put(String key, double value) {
            // A tenth of a millisecond needs its third decimal (the claim's time in the database).
            summary.put(key, String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : value < 1 ? "%.3f" : "%.2f", value));
        }

        void write(Path file, Path summaryFile) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "# Health-check benchmark\n\n" + String.join("\n", lines) + "\n");
            Files.writeString(summaryFile, "# mvn -Pbenchmark verify (ScaleBenchmark)\n" + summary.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("\n", "", "\n")));
        }
    }

    static {
        // Its own JVM for each instance: the path of this one's java binary.
        assertThat(new File(System.getProperty("java.home"), "bin/java")).exists();
    }
}
