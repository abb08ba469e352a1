package ru.storelink.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.healthcheck.control.Claims;
import ru.storelink.healthcheck.control.HealthCheckSettings;
import ru.storelink.healthcheck.control.Sweeper;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.testsupport.SeededConnections;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;
import ru.storelink.vk.control.VkConnections;
import ru.storelink.vk.control.VkMessages.User;
import ru.storelink.vk.control.VkService;

/**
 * The health-check benchmark ({@code mvn -Pbenchmark verify}, see README): 10,000 connections (5,000 per
 * provider) against loopback simulators answering after 100 ms. Runs inside the server under test, with
 * the simulators in the same JVM on the ports the server is configured for. Measures one full sweep
 * (time, checks/s, peak concurrency seen by each simulator, heap), the dashboard's latency during that
 * sweep, and an Evotor sweep while VK never answers. Writes target/benchmark-report.md.
 */
@ExtendWith(ArquillianExtension.class)
class HealthSweepBenchmark {

    static final int PER_PROVIDER = 5_000;
    static final Duration LATENCY = Duration.ofMillis(100);
    static final long ID_BASE = 50_000_000L;

    @Inject
    Sweeper sweeper;

    @Inject
    Claims claims;

    @Inject
    TokenCipher cipher;

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    VkConnections vk;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    private final List<String> report = new ArrayList<>();
    private final Properties summary = new Properties();

    @Test
    void fullSweepOfTenThousandConnections() throws Exception {
        EvotorSimulator evotorSimulator = new EvotorSimulator(port("evotor.oauth-url"), Simulators.EVOTOR_CLIENT_ID,
                Simulators.EVOTOR_CLIENT_SECRET, TestServer.baseUrl() + "evotor/callback");
        VkSimulator vkSimulator = new VkSimulator(port("vk.id-url"), Simulators.VK_CLIENT_ID, TestServer.baseUrl() + "vk/callback");
        HealthCheckSettings settings = HealthCheckSettings.current();
        seed(evotorSimulator, vkSimulator);
        WebClient owner = dashboardOwner(evotorSimulator, vkSimulator);
        evotorSimulator.reset();
        vkSimulator.reset();
        evotorSimulator.latency(LATENCY);
        vkSimulator.latency(LATENCY);
        markAllDue();

        // 1. A full sweep, with an owner reloading the dashboard all the time.
        DashboardLoad dashboard = DashboardLoad.start(owner);
        HeapSampler heap = HeapSampler.start();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Future<Sweeper.Totals> sweep = Executors.newSingleThreadExecutor().submit(sweeper::sweep);
        Duration evotorDone = waitUntilChecked("evotor_connection", start);
        Duration vkDone = waitUntilChecked("vk_connection", start);
        Sweeper.Totals totals = sweep.get();
        Duration sweepTime = Duration.ofNanos(System.nanoTime() - start);
        long cpu = processCpuNanos() - cpuStart;
        List<Long> pageTimes = dashboard.stop();
        long heapPeak = heap.stop();

        int total = 2 * PER_PROVIDER;
        double ideal = PER_PROVIDER * LATENCY.toMillis() / 1000.0 / Math.min(settings.concurrency(EvotorService.TYPE), settings.concurrency(VkService.TYPE));
        line("## Full sweep: %d connections (%d per provider), %d ms provider latency", total, PER_PROVIDER, LATENCY.toMillis());
        line("- concurrency per provider (configured): Evotor %d, VK %d", settings.concurrency(EvotorService.TYPE), settings.concurrency(VkService.TYPE));
        line("- sweep time: %.1f s (Evotor done after %.1f s, VK after %.1f s); ideal N x latency / concurrency = %.1f s; ratio %.2f",
                seconds(sweepTime), seconds(evotorDone), seconds(vkDone), ideal, seconds(sweepTime) / ideal);
        line("- checks/s: %.0f; checked %d, online %d, needs-reconnect %d, temporary %d",
                totals.checked() / seconds(sweepTime), totals.checked(), totals.online(), totals.needsReconnect(), totals.temporary());
        line("- peak concurrent calls seen by the simulators: Evotor %d, VK %d",
                evotorSimulator.peakConcurrency(), vkSimulator.peakConcurrency());
        line("- dashboard during the sweep: %d requests, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
                pageTimes.size(), percentile(pageTimes, 50), percentile(pageTimes, 95), percentile(pageTimes, 99), percentile(pageTimes, 100));
        line("- heap used: peak %d MiB (sampled every 200 ms), max heap %d MiB", heapPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        // The simulators and the dashboard's client run in this JVM too: an upper bound of the checker's own cost.
        line("- process CPU time per check: %.2f ms (this JVM: server, simulators and the dashboard's client)",
                cpu / 1e6 / totals.checked());
        line("- TCP connections the checker opened: Evotor %d, VK %d (for %d checks each; fewer is better reuse)",
                evotorSimulator.connectionsSeen(), vkSimulator.connectionsSeen(), PER_PROVIDER);
        summary.setProperty("checks_per_second", String.format(Locale.ROOT, "%.0f", totals.checked() / seconds(sweepTime)));
        summary.setProperty("ratio_to_ideal", String.format(Locale.ROOT, "%.2f", seconds(sweepTime) / ideal));
        summary.setProperty("heap_peak_mib", Long.toString(heapPeak >> 20));
        measureClaims(total);

        assertThat(totals.checked()).isGreaterThanOrEqualTo(total);
        assertThat(evotorSimulator.peakConcurrency()).isLessThanOrEqualTo(settings.concurrency(EvotorService.TYPE));
        assertThat(vkSimulator.peakConcurrency()).isLessThanOrEqualTo(settings.concurrency(VkService.TYPE));

        // 2. VK never answers: the Evotor sweep must not notice, VK checks end at the read timeout.
        evotorSimulator.reset();
        vkSimulator.reset();
        evotorSimulator.latency(LATENCY);
        vkSimulator.failAlways(VkSimulator.USERS_GET, Fault.HANG_FOREVER);
        markAllDue();
        long hangStart = System.nanoTime();
        Executors.newSingleThreadExecutor().submit(sweeper::sweep);
        Duration evotorWhileVkHangs = waitUntilChecked("evotor_connection", hangStart);
        List<Long> vkLatencies = recentVkLatencies(hangStart);
        line("");
        line("## VK hanging, Evotor at %d ms", LATENCY.toMillis());
        line("- Evotor sweep: %.1f s (%.1f s with VK answering)", seconds(evotorWhileVkHangs), seconds(evotorDone));
        line("- VK checks finished meanwhile: %d, each ended after p50 %d ms, max %d ms (read timeout %s ms)",
                vkLatencies.size(), percentile(vkLatencies, 50), percentile(vkLatencies, 100),
                ConfigProvider.getConfig().getOptionalValue("vk.read-timeout-ms", String.class).orElse("?"));
        writeReport();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The claim's cost with every row due, and the plan the database chose for it. */
    private void measureClaims(int total) throws Exception {
        markAllDue();
        HealthCheckSettings settings = HealthCheckSettings.current();
        int rounds = 20;
        long nanos = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            claims.claimDue(EvotorService.TYPE, 50, settings.interval(), settings.lease());
            nanos += System.nanoTime() - start;
        }
        double meanMs = nanos / 1e6 / rounds;
        String plan;
        try (Connection connection = dataSource.getConnection(); PreparedStatement explain = connection.prepareStatement(
                "EXPLAIN SELECT connection_id FROM connection_health WHERE service = 'evotor'"
                        + " AND scheduled_at <= CURRENT_TIMESTAMP AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP)"
                        + " ORDER BY scheduled_at FETCH FIRST 50 ROWS ONLY FOR UPDATE SKIP LOCKED");
                ResultSet rows = explain.executeQuery()) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(rows.getString(1).replaceAll("\\s+", " ")).append(' ');
            }
            plan = text.toString().trim();
        }
        line("- claim of 50 due connections among %d: mean %.1f ms over %d claims; plan: `%s`", total, meanMs, rounds, plan);
        summary.setProperty("claim_ms_10k", String.format(Locale.ROOT, "%.1f", meanMs));
        assertThat(plan).as("the claim walks the schedule's index").containsIgnoringCase("connection_health_due");
    }

    private void seed(EvotorSimulator evotorSimulator, VkSimulator vkSimulator) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // The benchmark profile's own database (target/benchmark-data): start from nothing.
            for (String table : new String[] {"connection_check", "connection_health", "evotor_connection", "vk_connection", "account"}) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
                    delete.executeUpdate();
                }
            }
            SeededConnections.insert(connection, cipher, ID_BASE, PER_PROVIDER, evotorSimulator, vkSimulator);
        }
    }

    /** A real owner with both connections, whose dashboard is loaded throughout the sweep. */
    private WebClient dashboardOwner(EvotorSimulator evotorSimulator, VkSimulator vkSimulator) throws Exception {
        String email = TestData.uniqueEmail("bench-owner");
        long account = accounts.register(email, "correct horse battery").getId();
        evotor.save(account, new Grant("owner-evotor", null, null), new ru.storelink.evotor.control.EvotorMessages.Store("o", "Чайная", ""));
        vk.save(account, new Grant("owner-vk", null, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)), new User(1L, "Иван", "Иванов"), "d");
        evotorSimulator.acceptToken("owner-evotor", new Store("o", "Чайная", ""));
        vkSimulator.acceptToken("owner-vk", 1L);
        WebClient client = new WebClient(TestServer.baseUrl());
        assertThat(client.login(email, "correct horse battery").statusCode()).isEqualTo(302);
        return client;
    }

    private void markAllDue() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String service : new String[] {"evotor", "vk"}) {
                // Cleared on the connection too: waitUntilChecked watches it, the claim goes by the health row.
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + service + "_connection SET last_checked_at = NULL")) {
                    update.executeUpdate();
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE connection_health SET checked_at = NULL, scheduled_at = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00', lease_owner = NULL, lease_until = NULL, state = 'WORKING'"
                                + " WHERE service = ?")) {
                    update.setString(1, service);
                    update.executeUpdate();
                }
            }
        }
    }

    private Duration waitUntilChecked(String table, long start) throws Exception {
        long giveUp = start + Duration.ofMinutes(5).toNanos();
        while (true) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(table + ": not every connection was checked within 5 minutes");
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE last_checked_at IS NULL");
                    ResultSet row = select.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            Thread.sleep(100);
        }
    }

    private List<Long> recentVkLatencies(long since) throws Exception {
        Thread.sleep(500);
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT latency_ms FROM connection_check WHERE service = 'vk' AND checked_at > ?")) {
            select.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusNanos(System.nanoTime() - since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    latencies.add(rows.getLong(1));
                }
            }
        }
        return latencies;
    }

    private static int port(String key) {
        return URI.create(ConfigProvider.getConfig().getValue(key, String.class)).getPort();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("BENCHMARK " + text);
    }

    private void writeReport() throws IOException {
        Path file = Path.of(System.getProperty("storelink.benchmark.report", "target/benchmark-report.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, "# Health-check benchmark\n\n" + String.join("\n", report) + "\n");
        // The figures others read (issue 11's keys; only those this benchmark measures yet).
        try (var out = Files.newBufferedWriter(file.resolveSibling("benchmark-summary.properties"))) {
            summary.store(out, "mvn -Pbenchmark verify");
        }
    }

    /** An owner reloading /connections as fast as the server answers, on one thread. */
    private record DashboardLoad(AtomicBoolean running, List<Long> millis, Future<?> loop) {

        static DashboardLoad start(WebClient owner) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<?> loop = thread.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    if (owner.get("/connections").statusCode() != 200) {
                        throw new IllegalStateException("dashboard failed during the sweep");
                    }
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            });
            return new DashboardLoad(running, millis, loop);
        }

        List<Long> stop() throws Exception {
            running.set(false);
            loop.get();
            return new ArrayList<>(millis);
        }
    }

    /** Samples the heap in use; reports the peak. */
    private record HeapSampler(AtomicBoolean running, AtomicLong peak) {

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler(new AtomicBoolean(true), new AtomicLong());
            Executors.newSingleThreadExecutor().submit(() -> {
                while (sampler.running.get()) {
                    sampler.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    Thread.sleep(200);
                }
                return null;
            });
            return sampler;
        }

        long stop() {
            running.set(false);
            return peak.get();
        }
    }
}
