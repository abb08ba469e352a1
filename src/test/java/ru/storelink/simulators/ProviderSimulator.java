package ru.storelink.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import ru.storelink.demo.control.SimulatedAnswer;

/**
 * A provider over real HTTP on loopback, for the tests: the provider logic is the product's own
 * simulation (the same one demo mode serves), this class adds the HTTP server, call counting and fault
 * injection per endpoint. The application under test reaches it through its configured base URLs.
 */
public abstract class ProviderSimulator {

    static {
        // Without it the JDK server leaves Nagle on, and a reply on a reused connection can wait ~40 ms for a
        // delayed ACK: the benchmark would measure the simulator. Read when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** How long {@link Fault#SLOW} pauses and {@link Fault#TIMEOUT} hangs; the tests' read timeout is 2 s. */
    static final Duration SLOW_PAUSE = Duration.ofMillis(1500);
    static final Duration HANG = Duration.ofSeconds(6);
    /** {@link Fault#DRIP}: one byte this often (below the tests' 2 s read timeout), for {@link #DRIP_BYTES} bytes. */
    static final Duration DRIP_EVERY = Duration.ofMillis(500);
    static final int DRIP_BYTES = 40;

    private final int port;
    private volatile HttpServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> permanentFaults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    /** The client ends of the TCP connections that sent requests: how well the client reuses connections. */
    private final Set<InetSocketAddress> clientConnections = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Instant>> probesByToken = new ConcurrentHashMap<>();
    private final Set<String> tokensInFlight = ConcurrentHashMap.newKeySet();
    private volatile Duration latency = Duration.ZERO;
    private final Map<String, RandomFault> randomFaults = new ConcurrentHashMap<>();
    /** After each answer of the key endpoint, the next call of the value's endpoint shows its fault. */
    private final Map<String, Map.Entry<String, Fault>> faultsAfter = new ConcurrentHashMap<>();

    /** Tokens and codes a test simulator keeps: enough for the largest benchmark and soak. */
    static final int CAPACITY = 2_000_000;

    private record RandomFault(Fault fault, double probability) {
    }

    /** Starts the simulator on {@code port} of the loopback interface. */
    protected ProviderSimulator(int port) {
        this.port = port;
        comeBack();
    }

    /** The provider is unreachable: connections to its port are refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port, with the same accounts and tokens. */
    public final synchronized void comeBack() {
        HttpServer started;
        try {
            started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start a simulator on port " + port, e);
        }
        started.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        }));
        started.createContext("/", this::serve);
        started.start();
        server = started;
    }

    /** Whether {@code endpoint} is the one the health checker calls with an access token. */
    protected abstract boolean isProbe(String endpoint);

    /** Handles one request for {@code endpoint} (e.g. "POST /oauth/token"); null when the path is unknown. */
    protected abstract Reply handle(String endpoint, HttpExchange exchange, Map<String, String> query, Map<String, String> form);

    /** The next {@code times} calls of {@code endpoint} show {@code fault}. */
    public void failNext(String endpoint, Fault fault, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    public void failNext(String endpoint, Fault fault) {
        failNext(endpoint, fault, 1);
    }

    /** Every call of {@code endpoint} shows {@code fault} until {@link #reset()}. */
    public void failAlways(String endpoint, Fault fault) {
        permanentFaults.put(endpoint, fault);
    }

    /**
     * After each answer of {@code trigger}, the next call of {@code endpoint} shows {@code fault}, until
     * {@link #reset()}: e.g. the API call that follows a successful refresh fails.
     */
    public void failAfterEach(String trigger, String endpoint, Fault fault) {
        faultsAfter.put(trigger, Map.entry(endpoint, fault));
    }

    /** Each call of {@code endpoint} shows {@code fault} with this probability, until {@link #reset()}. */
    public void failRandomly(String endpoint, Fault fault, double probability) {
        randomFaults.put(endpoint, new RandomFault(fault, probability));
    }

    /** TCP connections that sent requests since the last {@link #reset()}. */
    public int connectionsSeen() {
        return clientConnections.size();
    }

    public int calls(String endpoint) {
        return calls.computeIfAbsent(endpoint, e -> new AtomicInteger()).get();
    }

    /** When the health checker called with this access token since the last {@link #reset()}, in order. */
    public List<Instant> probesWith(String accessToken) {
        List<Instant> times = probesByToken.getOrDefault(accessToken, List.of());
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    /** The access tokens of the health checks this simulator is answering right now. */
    public Set<String> tokensInFlight() {
        return Set.copyOf(tokensInFlight);
    }

    public void reset() {
        probesByToken.clear();
        faults.clear();
        permanentFaults.clear();
        randomFaults.clear();
        faultsAfter.clear();
        calls.clear();
        latency = Duration.ZERO;
        peakInFlight.set(0);
        clientConnections.clear();
    }

    /** Every answer takes at least this long, as a distant provider would. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** The most calls this simulator was answering at once since the last {@link #reset()}. */
    public int peakConcurrency() {
        return peakInFlight.get();
    }


    /** What to send back: a JSON answer or a redirect. */
    public record Reply(int status, String body, URI location) {

        public static Reply of(SimulatedAnswer answer) {
            return new Reply(answer.status(), answer.body(), null);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, body, null);
        }

        public static Reply redirect(URI location) {
            return new Reply(302, "", location);
        }

        public static Reply status(int status) {
            return new Reply(status, "", null);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        clientConnections.add(exchange.getRemoteAddress());
        Call call = new Call(exchange);
        try (exchange) {
            String endpoint = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
            if (isProbe(endpoint)) {
                // In flight from its arrival: the latency stands for the time a distant provider takes.
                call.probeToken = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replaceFirst("^Bearer ", "");
                tokensInFlight.add(call.probeToken);
                List<Instant> times = probesByToken.computeIfAbsent(call.probeToken, t -> new ArrayList<>());
                synchronized (times) {
                    times.add(Instant.now());
                }
            }
            if (!latency.isZero()) {
                pause(latency);
            }
            Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
            Map<String, String> form = "POST".equals(exchange.getRequestMethod())
                    ? decode(readBody(exchange.getRequestBody())) : Map.of();
            Fault fault = faults.getOrDefault(endpoint, new ConcurrentLinkedDeque<>()).poll();
            if (fault == null) {
                fault = permanentFaults.get(endpoint);
            }
            RandomFault random = randomFaults.get(endpoint);
            if (fault == null && random != null && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < random.probability()) {
                fault = random.fault();
            }
            if (fault != null && answerWithFault(call, fault)) {
                return;
            }
            Reply reply = handle(endpoint, exchange, query, form);
            if (reply == null) {
                reply = Reply.status(404);
            }
            if (reply.location() != null) {
                exchange.getResponseHeaders().add("Location", reply.location().toString());
            }
            Map.Entry<String, Fault> after = faultsAfter.get(endpoint);
            if (after != null && reply.status() == 200) {
                failNext(after.getKey(), after.getValue());
            }
            send(call, reply.status(), "application/json; charset=utf-8", reply.body());
        } finally {
            answered(call);
        }
    }

    /** One call being answered. */
    private static final class Call {
        final HttpExchange exchange;
        String probeToken;
        boolean answered;

        Call(HttpExchange exchange) {
            this.exchange = exchange;
        }
    }

    /**
     * The call stops counting as in flight once its answer is ready, before it is sent: the caller may send
     * its next call as soon as it has the answer, and must not be counted twice meanwhile.
     */
    private void answered(Call call) {
        if (!call.answered) {
            call.answered = true;
            inFlight.decrementAndGet();
            if (call.probeToken != null) {
                tokensInFlight.remove(call.probeToken);
            }
        }
    }

    /** @return whether the fault already answered */
    private boolean answerWithFault(Call call, Fault fault) throws IOException {
        switch (fault) {
            case SERVER_ERROR -> send(call, 500, "text/html", "<html><body>502 Bad Gateway</body></html>");
            case RATE_LIMITED -> send(call, 429, "application/json", "{\"message\":\"Too Many Requests\"}");
            case MALFORMED_BODY -> send(call, 200, "application/json", "<html>not json at all");
            case TIMEOUT -> {
                pause(HANG);
                send(call, 500, "text/plain", "too late");
            }
            case HANG_FOREVER -> pause(Duration.ofHours(1));
            case HUGE_BODY -> send(call, 200, "application/json", "{\"response\":[" + "{\"id\":1},".repeat(500_000) + "{\"id\":1}]}");
            case DRIP -> {
                answered(call);
                call.exchange.getResponseHeaders().add("Content-Type", "application/json");
                call.exchange.sendResponseHeaders(200, DRIP_BYTES);
                try (OutputStream out = call.exchange.getResponseBody()) {
                    for (int i = 0; i < DRIP_BYTES; i++) {
                        pause(DRIP_EVERY);
                        out.write(' ');
                        out.flush();
                    }
                }
            }
            case SLOW -> {
                pause(SLOW_PAUSE);
                return false;
            }
        }
        return true;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Call call, int status, String type, String body) throws IOException {
        answered(call);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        call.exchange.getResponseHeaders().add("Content-Type", type);
        call.exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = call.exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }
}
