package ru.storelink.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something the server does on its own time (background checks). */
public final class Waiting {

    private Waiting() {
    }

    public static void upTo(Duration limit, BooleanSupplier condition) {
        upTo(limit, Duration.ofMillis(500), condition);
    }

    /** Polling more often, while something else waits on this test (a row lock it holds). */
    public static void upTo(Duration limit, Duration every, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + limit);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
