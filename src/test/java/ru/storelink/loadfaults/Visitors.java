package ru.storelink.loadfaults;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signed-in owners reloading their Connections page as fast as it answers, one thread each. Either each
 * owner stays on one instance (a load balancer with sticky sessions; owners spread evenly), or each owner's
 * requests alternate between the instances (no stickiness: every request finds its session elsewhere).
 */
final class Visitors {

    /** How one request ended. CLEAN_FAILURE: our Russian error page with a 5xx status. */
    enum Outcome { OK, CLEAN_FAILURE, UNCLEAN_FAILURE }

    /** One request: when it started (ms since the run began), how long it took, how it ended. */
    record Sample(long startedMs, long millis, Outcome outcome, String detail) {
    }

    private final List<Owner> owners;
    private final boolean sticky;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Future<?>> loops = new ArrayList<>();
    private ExecutorService threads;
    private long startNanos;

    Visitors(List<Owner> owners, boolean sticky) {
        this.owners = owners;
        this.sticky = sticky;
    }

    void start() {
        running.set(true);
        startNanos = System.nanoTime();
        threads = Executors.newFixedThreadPool(owners.size());
        for (int i = 0; i < owners.size(); i++) {
            Owner owner = owners.get(i);
            int home = i;
            loops.add(threads.submit(() -> visit(owner, home)));
        }
    }

    /** Stops every owner after their current request; returns everything they saw. */
    List<Sample> stop() throws Exception {
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        return new ArrayList<>(samples);
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void visit(Owner owner, int home) {
        int request = sticky ? home : 0;
        while (running.get()) {
            long started = System.nanoTime();
            Outcome outcome;
            String detail = "";
            try {
                HttpResponse<String> page = owner.browsers().get(request % owner.browsers().size()).get("/connections");
                request += sticky ? 0 : 1;
                outcome = classify(owner, page);
                detail = page.statusCode() + " " + page.uri().getPort();
            } catch (UncheckedIOException e) {
                outcome = Outcome.UNCLEAN_FAILURE;
                detail = e.getCause().toString();
            }
            samples.add(new Sample((started - startNanos) / 1_000_000, (System.nanoTime() - started) / 1_000_000, outcome, detail));
            if (outcome != Outcome.OK) {
                pause(Duration.ofMillis(200));
            }
        }
    }

    private static Outcome classify(Owner owner, HttpResponse<String> page) {
        String body = page.body();
        if (page.statusCode() == 200 && body.contains("id=\"signed-in-email\" class=\"navbar-email\">" + owner.email() + "<")) {
            return Outcome.OK;
        }
        boolean ourErrorPage = body.contains("<title>Что-то пошло не так — Storelink");
        if (page.statusCode() >= 500 && ourErrorPage && !body.contains("Exception")) {
            return Outcome.CLEAN_FAILURE;
        }
        return Outcome.UNCLEAN_FAILURE;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
