package ru.storelink.healthcheck.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Names a lease holder {@code <pid>@<host>/<random>} (at most 40 characters, the column's width): unique
 * per claim, and an operator — or a test — reading the table sees which instance holds which rows.
 */
final class LeaseOwner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSTANCE = ProcessHandle.current().pid() + "@" + host();

    private LeaseOwner() {
    }

    static String next() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return INSTANCE + "/" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String host() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host.length() > 16 ? host.substring(0, 16) : host;
    }
}
