package ru.storelink.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Load from outside the JVM: Debian's {@code wrk} ({@code /usr/bin/wrk}, 4.1), so the client's CPU is not
 * booked to the server under test. The numbers come from a Lua {@code done()} that prints {@code WRK ...}
 * lines, never from wrk's human text, which changes between versions.
 *
 * <p>What wrk counts (its SCRIPTING document and source): {@code summary.errors.status} is responses with a
 * status above 399 — a 304 or a 302 is not an error — hence {@link Result#non2xx3xx()}. Latency percentiles
 * are microseconds and only cover completed requests: timed-out ones (wrk's default timeout, 2 s) are in
 * {@link Result#socketErrors()} instead. Each wrk thread has its own Lua state, and {@code done()} runs in yet
 * another, so per-status counts are kept per thread in a global table that {@code done()} fetches with
 * {@code thread:get}. Defining {@code response()} makes wrk parse headers and body for Lua on every answer,
 * which costs the load generator some throughput; pass {@code countStatuses = false} where only the rate matters.
 */
public final class Wrk {

    static final Path BINARY = Path.of("/usr/bin/wrk");
    /** wrk ends by itself after the duration; past this much more it is taken as hung. */
    static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * @param non2xx3xx responses with a status above 399
     * @param socketErrors connect, read and write errors and timeouts (none of them in the latencies)
     * @param statusCounts responses per status; empty when statuses were not counted
     */
    public record Result(double requestsPerSecond, double p50Ms, double p95Ms, double p99Ms, long requests,
            long non2xx3xx, Map<Integer, Long> statusCounts, long socketErrors) {
    }

    /** The script: {@code init()} drops {@code response()} unless asked to count, so wrk skips parsing for it. */
    static final String SCRIPT = """
            -- Written by ru.storelink.benchmark.Wrk; the Java side parses the WRK lines.
            local threads = {}
            statuses = {}

            function setup(thread)
              table.insert(threads, thread)
            end

            function init(args)
              if args[1] ~= "count" then
                response = nil
              end
            end

            function response(status, headers, body)
              statuses[status] = (statuses[status] or 0) + 1
            end

            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK p50=%d p95=%d p99=%d requests=%d duration_us=%d non2xx=%d socket_errors=%d\\n",
                latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests,
                summary.duration, e.status, e.connect + e.read + e.write + e.timeout))
              for _, thread in ipairs(threads) do
                local counted = thread:get("statuses")
                for status, count in pairs(counted) do
                  io.write(string.format("WRK_STATUS status=%d count=%d\\n", status, count))
                end
              end
            end
            """;

    private Wrk() {
    }

    /** Counts statuses; see {@link #run(URI, Duration, int, int, Map, Path, boolean)}. */
    /**
     * Installs Debian's package when {@code wrk} is missing (the benchmark's own set-up, as {@code .ci/run}
     * installs Chromium for the tests): as root directly, otherwise through sudo.
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        List<String> command = new ArrayList<>("root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo"));
        command.addAll(List.of("apt-get", "install", "-y", "wrk"));
        Process install = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (install.waitFor() != 0 || !Files.isExecutable(BINARY)) {
            throw new IOException("wrk is missing and could not be installed (" + String.join(" ", command) + "): " + output);
        }
    }

    public static Result run(URI url, Duration duration, int threads, int connections, Map<String, String> headers,
            Path scratchDir) throws IOException, InterruptedException {
        return run(url, duration, threads, connections, headers, scratchDir, true);
    }

    /**
     * Runs {@code wrk -t<threads> -c<connections> -d<seconds>s --latency -s <script> <url>} with each header
     * as {@code -H "Name: value"}; the duration is rounded up to whole seconds (wrk takes no less).
     *
     * @param scratchDir where the Lua script is written (and removed after the run)
     * @throws IOException with wrk's output when it exits non-zero or prints no result
     */
    public static Result run(URI url, Duration duration, int threads, int connections, Map<String, String> headers,
            Path scratchDir, boolean countStatuses) throws IOException, InterruptedException {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        Files.createDirectories(scratchDir);
        // A file per run: two runs sharing a scratch directory must not rewrite each other's script.
        Path script = Files.createTempFile(scratchDir, "wrk-", ".lua");
        try {
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-t" + threads, "-c" + connections,
                    "-d" + seconds + "s", "--latency", "-s", script.toString()));
            headers.forEach((name, value) -> {
                command.add("-H");
                command.add(name + ": " + value);
            });
            command.add(url.toString());
            if (countStatuses) {
                command.add("--");
                command.add("count");
            }
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            // The output is a few dozen lines, read whole; wrk has ended when the stream closes.
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + GRACE.toSeconds(), TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IOException("wrk did not end: " + String.join(" ", command) + "\n" + output);
            }
            if (wrk.exitValue() != 0) {
                throw new IOException("wrk exited with " + wrk.exitValue() + ": " + String.join(" ", command) + "\n" + output);
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    static Result parse(String output) throws IOException {
        Map<String, Long> summary = null;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("WRK ")) {
                summary = fields(line);
            } else if (line.startsWith("WRK_STATUS ")) {
                Map<String, Long> status = fields(line);
                // One line per thread and status: the threads' counts add up.
                statuses.merge(Math.toIntExact(status.get("status")), status.get("count"), Long::sum);
            }
        }
        if (summary == null) {
            throw new IOException("wrk printed no WRK line:\n" + output);
        }
        long requests = summary.get("requests");
        long durationUs = summary.get("duration_us");
        return new Result(durationUs == 0 ? 0 : requests / (durationUs / 1e6),
                summary.get("p50") / 1000.0, summary.get("p95") / 1000.0, summary.get("p99") / 1000.0,
                requests, summary.get("non2xx"), Collections.unmodifiableMap(statuses), summary.get("socket_errors"));
    }

    /** {@code WRK a=1 b=2} as a map; every value is an integer. */
    private static Map<String, Long> fields(String line) throws IOException {
        Map<String, Long> fields = new HashMap<>();
        for (String part : line.substring(line.indexOf(' ') + 1).trim().split("\\s+")) {
            int eq = part.indexOf('=');
            try {
                fields.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            } catch (RuntimeException e) {
                throw new IOException("Unreadable wrk line: " + line, e);
            }
        }
        return fields;
    }
}
