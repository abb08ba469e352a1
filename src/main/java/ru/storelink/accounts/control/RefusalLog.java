package ru.storelink.accounts.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One log line per minute and reason for logins refused before any password check (hashing busy, client or
 * everyone limited). Those refusals come as fast as an attacker can send them; a line each would make the
 * log itself the cost of the attack. The first refusal of a minute is logged at once, the rest as a count.
 */
final class RefusalLog {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Logger log;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong count = new AtomicLong();
        volatile long startedNanos;
    }

    RefusalLog(Logger log) {
        this.log = log;
    }

    /**
     * @param reason one of a few fixed texts (the key of the count)
     * @param detail shown with the first refusal of a minute only (a client key, a time)
     */
    void refused(String reason, String detail) {
        Window window = windows.computeIfAbsent(reason, r -> new Window());
        long now = System.nanoTime();
        long count = window.count.incrementAndGet();
        if (count == 1) {
            window.startedNanos = now;
            log.info(() -> "Login refused: " + reason + " (" + detail + ")");
        } else if (now - window.startedNanos >= MINUTE_NANOS && window.count.compareAndSet(count, 0)) {
            log.info(() -> "Logins refused in the last minute: " + count + " (" + reason + ")");
        }
    }
}
