package ru.storelink.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Values that make each test independent of the others and of earlier runs against the same database. */
public final class TestData {

    private TestData() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime())
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + "@example.ru";
    }
}
