package ru.storelink.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something the server does on its own time (background checks). */
public final class Waiting {

    private Waiting() {
    }

    public static void upTo(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Condition not met within " + limit);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
