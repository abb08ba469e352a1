package ru.storelink.testsupport;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Deployed with the tests only: configuration a test changes while the server runs, the way an admin's
 * config source would (the test server runs with {@code mp.config.cache.duration=0}). Client-side tests
 * call {@link #set} and {@link #clear}, which reach the server through {@code /test-support/config}.
 */
public final class TestConfig {

    static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private TestConfig() {
    }

    public static void set(String key, String value) {
        call("key=" + encode(key) + "&value=" + encode(value));
    }

    public static void clear() {
        call("clear=true");
    }

    /** Switches the background checker on, re-checking every connection after {@code seconds}. */
    public static void healthChecksEvery(int seconds) {
        set("health-check.interval-seconds", Integer.toString(seconds));
        set("health-check.enabled", "true");
    }

    /** From an in-container test: drops every override in this (the server's) JVM. */
    public static void clearHere() {
        VALUES.clear();
    }

    private static void call(String form) {
        int status = TestServer.testSupport("config", form).statusCode();
        if (status != 204) {
            throw new IllegalStateException("test config answered " + status);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The config source, registered through META-INF/services by {@link SuiteDeployment}. */
    public static class Source implements ConfigSource {

        /** The test deployment's own settings: it also migrates the test-only service's table. */
        private static final Map<String, String> DEPLOYMENT = Map.of(
                "db.migration-locations", "classpath:db/migration,classpath:db/test-migration");

        @Override
        public Set<String> getPropertyNames() {
            Set<String> names = new HashSet<>(DEPLOYMENT.keySet());
            names.addAll(VALUES.keySet());
            return names;
        }

        @Override
        public String getValue(String name) {
            return VALUES.getOrDefault(name, DEPLOYMENT.get(name));
        }

        @Override
        public String getName() {
            return "storelink-tests";
        }

        @Override
        public int getOrdinal() {
            // Above system properties (400), where the test server's defaults come from.
            return 500;
        }
    }

    /** {@code POST /test-support/config}: {@code key} and {@code value}, or {@code clear}. */
    @WebServlet("/test-support/config")
    public static class Endpoint extends HttpServlet {

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            if (request.getParameter("clear") != null) {
                VALUES.clear();
            } else {
                VALUES.put(request.getParameter("key"), request.getParameter("value"));
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
