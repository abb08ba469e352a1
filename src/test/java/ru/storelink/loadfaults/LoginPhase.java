package ru.storelink.loadfaults;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import ru.storelink.testsupport.Metrics;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.WebClient;

/**
 * The suite's login phase (issue 9): what logins cost the instances, read from their {@code /metrics}
 * ({@code password_hashes_total}) and from a signed-in owner's answer times.
 * <ol>
 * <li>A parallel burst of wrong passwords on one account, released at one instant by a barrier and spread
 * over the instances: how many password hashes all instances evaluated for it (the promise: at most
 * {@code accounts.login.max-failures}).</li>
 * <li>A signed-in owner reloading {@code /connections}: p95 for as long as the flood lasts when nothing else happens (the health checks go on), then p95 while
 * {@value #FLOOD_CLIENTS} clients keep posting logins with unknown addresses to every instance (the
 * promise: below twice the idle value). The instances run the failed-login limits of a real deployment
 * (pom.xml), so the phase shows what the limits and the held-back refusals leave of a flood. All from
 * loopback: the application takes the client address from the connection and does not trust
 * {@code X-Forwarded-For}, so no other addresses can be faked.</li>
 * </ol>
 * Leaves the burst's account locked for {@code accounts.login.lockout-seconds}; the owner's session is not
 * affected.
 */
final class LoginPhase {

    static final int BURST = 50;
    static final int FLOOD_CLIENTS = 200;

    /** The phase's figures; the suite asserts and reports them. */
    record Result(long loginBurstHashes, long idleDashboardP95Ms, long floodDashboardP95Ms, long floodLogins, long floodHashes,
            List<Long> idleWindowsP95Ms, List<Long> floodWindowsP95Ms) {
    }

    private final List<URI> instances;
    private final Duration flood;

    /**
     * @param instances base URIs of the running instances
     * @param flood how long the bogus logins keep coming
     */
    LoginPhase(List<URI> instances, Duration flood) {
        this.instances = List.copyOf(instances);
        this.flood = flood;
    }

    /**
     * @param email an existing owner's address, the target of the burst
     * @param owner a signed-in owner's browser (any account), whose dashboard is timed
     */
    Result run(String email, WebClient owner) throws Exception {
        long hashes = wrongPasswordBurst(email);
        // As long as the flood: the health checks' sweeps (every interval) weigh on both figures alike.
        List<Sample> idle = dashboardTimes(owner, Integer.MAX_VALUE, new AtomicBoolean(true), flood);
        long hashesBefore = hashes();
        AtomicLong logins = new AtomicLong();
        List<Sample> flooded = dashboardDuringFlood(owner, logins);
        return new Result(hashes, p95(millis(idle)), p95(millis(flooded)), logins.get(), hashes() - hashesBefore,
                windows(idle), windows(flooded));
    }

    /** Hashes evaluated by all instances for {@value #BURST} wrong passwords posted at one instant. */
    long wrongPasswordBurst(String email) throws Exception {
        long before = hashes();
        CyclicBarrier start = new CyclicBarrier(BURST);
        ExecutorService threads = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int number = i;
                posts.add(threads.submit(() -> {
                    WebClient client = new WebClient(instances.get(number % instances.size()).toURL());
                    Map<String, String> form = loginForm(client, email, "wrong password " + number);
                    start.await();
                    return client.post("/login", form);
                }));
            }
            for (Future<HttpResponse<String>> post : posts) {
                post.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return hashes() - before;
    }

    /** The owner's dashboard times while {@value #FLOOD_CLIENTS} clients post logins without pause. */
    private List<Sample> dashboardDuringFlood(WebClient owner, AtomicLong logins) throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        CyclicBarrier start = new CyclicBarrier(FLOOD_CLIENTS + 1);
        ExecutorService threads = Executors.newFixedThreadPool(FLOOD_CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < FLOOD_CLIENTS; i++) {
            URI instance = instances.get(i % instances.size());
            clients.add(threads.submit(() -> {
                WebClient client = new WebClient(instance.toURL());
                // The login view is stateless: one form serves every post of this client.
                Map<String, String> form = loginForm(client, "placeholder@example.ru", "guess");
                start.await();
                while (flooding.get()) {
                    form.put("login:email", TestData.uniqueEmail("bogus"));
                    try {
                        client.post("/login", form);
                        logins.incrementAndGet();
                    } catch (UncheckedIOException refused) {
                        // counted by the owner's answer times, not here
                    }
                }
                return null;
            }));
        }
        start.await();
        long floodEnds = System.nanoTime() + flood.toNanos();
        AtomicBoolean measuring = new AtomicBoolean(true);
        List<Sample> times;
        try {
            times = dashboardTimes(owner, Integer.MAX_VALUE, measuring, floodEnds);
        } finally {
            flooding.set(false);
            for (Future<?> client : clients) {
                client.get(1, TimeUnit.MINUTES);
            }
            threads.shutdown();
        }
        return times;
    }

    private static List<Sample> dashboardTimes(WebClient owner, int count, AtomicBoolean running, Duration during) {
        // Warm-up, not counted.
        for (int i = 0; i < 5; i++) {
            owner.get("/connections");
        }
        return dashboardTimes(owner, count, running, System.nanoTime() + during.toNanos());
    }

    /** One reload: when it started (ms from the first), how long it took. */
    record Sample(long atMs, long ms) {
    }

    /** Sequential reloads; each must be the owner's page (200), or the figure would flatter an error. */
    private static List<Sample> dashboardTimes(WebClient owner, int count, AtomicBoolean running, long untilNanos) {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long first = System.nanoTime();
        for (int i = 0; i < count && running.get() && System.nanoTime() < untilNanos; i++) {
            long started = System.nanoTime();
            HttpResponse<String> page = owner.get("/connections");
            if (page.statusCode() != 200) {
                throw new AssertionError("the signed-in owner's dashboard answered " + page.statusCode());
            }
            samples.add(new Sample((started - first) / 1_000_000, (System.nanoTime() - started) / 1_000_000));
        }
        return samples;
    }

    private static List<Long> millis(List<Sample> samples) {
        return samples.stream().map(Sample::ms).toList();
    }

    /** p95 of each 10-second window, to tell a burst (the flood's first hashes) from a steady cost. */
    private static List<Long> windows(List<Sample> samples) {
        List<Long> p95s = new ArrayList<>();
        long last = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).atMs();
        for (long from = 0; from <= last; from += 10_000) {
            long start = from;
            List<Long> window = samples.stream().filter(s -> s.atMs() >= start && s.atMs() < start + 10_000).map(Sample::ms).toList();
            if (!window.isEmpty()) {
                p95s.add(p95(window));
            }
        }
        return p95s;
    }

    private static Map<String, String> loginForm(WebClient client, String email, String password) {
        return new HashMap<>(WebClient.formFields(client.get("/login"), "login", Map.of("email", email, "password", password)));
    }

    private long hashes() {
        return instances.stream().mapToLong(Metrics::passwordHashes).sum();
    }

    static long p95(List<Long> millis) {
        if (millis.isEmpty()) {
            throw new AssertionError("no dashboard request was measured");
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1));
    }
}
