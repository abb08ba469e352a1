package ru.storelink.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bare peer: the least this machine needs for one Evotor health check, so that the server's CPU per
 * check has a floor to be compared with. No container, no JPA, no leases, no history: an async JDK HTTP
 * client probing {@code GET <api>/stores} and one JDBC connection writing the verdicts in batches. Run as its
 * own JVM, so its process CPU time is its own:
 *
 * <pre>
 * java -cp &lt;test classpath&gt; ru.storelink.benchmark.BarePeer &lt;apiUrl&gt; &lt;tokenFile&gt; &lt;inFlight&gt; &lt;jdbcUrl&gt; &lt;user&gt; &lt;password&gt;
 * </pre>
 *
 * <ul>
 * <li>{@code apiUrl}: Evotor's API base, e.g. {@code http://127.0.0.1:18081/api} (the probe is {@code <apiUrl>/stores});</li>
 * <li>{@code tokenFile}: one connection a line, {@code <connectionId> <accessToken>}; blank lines are skipped;</li>
 * <li>{@code inFlight}: calls in flight at most, e.g. 50;</li>
 * <li>{@code jdbcUrl}, {@code user}, {@code password}: the database holding {@code connection_health}.</li>
 * </ul>
 *
 * Checks every connection once, then prints one line to stdout and exits 0:
 * {@code PEER checks=<n> ok=<n> seconds=<wall, 3 decimals> cpu_ms=<process CPU time>}. The wall time runs from
 * the first request to the last batch committed; the CPU time is the whole process's, JVM start included.
 * On any failure (including a row that is not there to update) it exits 1 with a message on stderr.
 *
 * <p>What it writes, per check: {@code checked_at} and {@code scheduled_at} (the start of the connection's next
 * interval, V8) are the peer's own clock, not the database's — one round trip less than the server pays. A 200
 * is state {@code WORKING}, outcome {@code WORKS}; anything else (any other status, a timeout, a refused
 * connection) is outcome {@code TEMPORARY} and leaves the state as it was, as the server's rules do for one
 * temporary failure. The peer neither refreshes tokens nor counts failures in a row.
 */
public final class BarePeer {

    static final int BATCH = 200;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The simulator answers 406 to any other Accept, as Evotor does. */
    static final String EVOTOR_V2_JSON = "application/vnd.evotor.v2+json";
    static final String UPDATE = "UPDATE connection_health SET checked_at = ?, scheduled_at = ?,"
            + " state = COALESCE(?, state), last_check_outcome = ? WHERE service = 'evotor' AND connection_id = ?";

    record Target(long connectionId, String accessToken) {
    }

    record Checked(long connectionId, boolean works) {
    }

    /** @param nanos from the first request to the last commit */
    record Sweep(long ok, long nanos) {
    }

    /** What the peer printed. */
    record Result(long checks, long ok, double seconds, long cpuMs) {
    }

    private BarePeer() {
    }

    /** Runs the peer as its own JVM with this JVM's class path; its output goes to {@code log}. */
    static Result runAsProcess(URI apiUrl, Path tokenFile, int inFlight, String jdbcUrl, String user, String password, Path log)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BarePeer.class.getName(),
                apiUrl.toString(), tokenFile.toString(), String.valueOf(inFlight), jdbcUrl, user, password)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("The bare peer failed, see " + log);
        }
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("PEER ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No PEER line in " + log));
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String pair : line.substring(5).split(" ")) {
            String[] keyValue = pair.split("=", 2);
            values.put(keyValue[0], keyValue[1]);
        }
        return new Result(Long.parseLong(values.get("checks")), Long.parseLong(values.get("ok")),
                Double.parseDouble(values.get("seconds")), Long.parseLong(values.get("cpu_ms")));
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: BarePeer <apiUrl> <tokenFile> <inFlight> <jdbcUrl> <user> <password>");
            System.exit(2);
        }
        try {
            List<Target> targets = read(Path.of(args[1]));
            int inFlight = Integer.parseInt(args[2]);
            Sweep sweep;
            try (Connection db = DriverManager.getConnection(args[3], args[4], args[5])) {
                sweep = check(URI.create(args[0].replaceAll("/+$", "") + "/stores"), targets, inFlight, db);
            }
            System.out.printf(Locale.ROOT, "PEER checks=%d ok=%d seconds=%.3f cpu_ms=%d%n",
                    targets.size(), sweep.ok(), sweep.nanos() / 1e9, processCpuNanos() / 1_000_000);
            // At once: idle pooled connections and pool threads need not wind down on the benchmark's time.
            System.exit(0);
        } catch (Exception e) {
            System.err.println("BarePeer failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static List<Target> read(Path file) throws IOException {
        List<Target> targets = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2) {
                throw new IOException("Expected '<connectionId> <accessToken>' in " + file + ", got: " + line);
            }
            targets.add(new Target(Long.parseLong(parts[0]), parts[1]));
        }
        return targets;
    }

    /** Probes every target once, {@code inFlight} at a time, while a writer stores the verdicts. */
    static Sweep check(URI stores, List<Target> targets, int inFlight, Connection db) throws Exception {
        BlockingQueue<Checked> results = new LinkedBlockingQueue<>();
        Writer writer = new Writer(db, results, targets.size());
        Thread writing = new Thread(writer, "peer-writer");
        writing.start();
        // The client's own work (parsing, completing futures) runs here; a pool the size of the machine is
        // enough, since nothing in it blocks, and more threads would only cost context switches.
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        long start;
        long end;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .executor(executor)
                    .build();
            Semaphore permits = new Semaphore(inFlight);
            start = System.nanoTime();
            for (Target target : targets) {
                permits.acquire();
                if (writer.failure.get() != null) {
                    break;
                }
                HttpRequest request = HttpRequest.newBuilder(stores)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + target.accessToken())
                        .header("Accept", EVOTOR_V2_JSON)
                        .GET()
                        .build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    permits.release();
                    results.add(new Checked(target.connectionId(), error == null && response.statusCode() == 200));
                });
            }
            writing.join();
            end = System.nanoTime();
        } finally {
            executor.shutdownNow();
        }
        if (writer.failure.get() != null) {
            throw writer.failure.get();
        }
        return new Sweep(writer.ok, end - start);
    }

    /** Writes verdicts as they come, a batch and a commit at a time, until it has written {@code expected}. */
    static final class Writer implements Runnable {

        private final Connection db;
        private final BlockingQueue<Checked> results;
        private final int expected;
        final AtomicReference<Exception> failure = new AtomicReference<>();
        volatile long ok;

        Writer(Connection db, BlockingQueue<Checked> results, int expected) {
            this.db = db;
            this.results = results;
            this.expected = expected;
        }

        @Override
        public void run() {
            try {
                write();
            } catch (Exception e) {
                failure.set(e);
            }
        }

        private void write() throws SQLException, InterruptedException {
            db.setAutoCommit(false);
            List<Checked> batch = new ArrayList<>(BATCH);
            long written = 0;
            long works = 0;
            try (PreparedStatement update = db.prepareStatement(UPDATE)) {
                while (written < expected) {
                    // Blocks for the first result only; whatever else has arrived meanwhile joins the batch, so
                    // batches grow with the rate of answers instead of waiting for a size.
                    batch.add(results.take());
                    results.drainTo(batch, BATCH - 1);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (Checked checked : batch) {
                        update.setObject(1, now);
                        update.setObject(2, now);
                        update.setString(3, checked.works() ? "WORKING" : null);
                        update.setString(4, checked.works() ? "WORKS" : "TEMPORARY");
                        update.setLong(5, checked.connectionId());
                        update.addBatch();
                        works += checked.works() ? 1 : 0;
                    }
                    int[] counts = update.executeBatch();
                    db.commit();
                    for (int i = 0; i < counts.length; i++) {
                        // A missing row means the token file and the database disagree: the run measured nothing.
                        if (counts[i] == 0) {
                            throw new SQLException("No connection_health row for evotor connection " + batch.get(i).connectionId());
                        }
                    }
                    written += batch.size();
                    batch.clear();
                }
            }
            ok = works;
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
