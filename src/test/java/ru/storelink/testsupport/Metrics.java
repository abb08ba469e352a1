package ru.storelink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one value from an instance's {@code /metrics} (OpenMetrics text), as monitoring would. */
public final class Metrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Metrics() {
    }

    /** The sum of every series named {@code name} (whatever its tags); 0 when there is none yet. */
    public static long value(URI base, String name) {
        return Math.round(series(base, name).stream().mapToDouble(Double::doubleValue).sum());
    }

    /** The largest of the series named {@code name}: a gauge that more than one scope publishes. */
    public static long largest(URI base, String name) {
        return Math.round(series(base, name).stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** As {@link #largest}, unrounded (gauges of seconds), for several gauges from one scrape. */
    public static java.util.Map<String, Double> largest(URI base, java.util.List<String> names) {
        String text = scrape(base);
        java.util.Map<String, Double> largest = new java.util.HashMap<>();
        names.forEach(name -> largest.put(name, series(text, name).stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        return largest;
    }

    private static java.util.List<Double> series(URI base, String name) {
        return series(scrape(base), name);
    }

    private static String scrape(URI base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<Double> series(String text, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)").matcher(text);
        java.util.List<Double> values = new java.util.ArrayList<>();
        while (line.find()) {
            values.add(Double.parseDouble(line.group(2)));
        }
        return values;
    }

    /** Hash evaluations of the instance so far (accounts.control.PasswordHashing). */
    public static long passwordHashes(URI base) {
        return value(base, "password_hashes_total");
    }
}
