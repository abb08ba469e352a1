package ru.storelink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The address of the application under test, as configured in its {@code app.public-url}. Tests use this
 * rather than the address Arquillian reports, because OAuth redirects come back to the configured one and
 * the session cookie must belong to the same host.
 */
public final class TestServer {

    private TestServer() {
    }

    public static URL baseUrl() {
        // The test JVM gets storelink.base-url; inside the server the same address is app.public-url.
        String url = System.getProperty("storelink.base-url", System.getProperty("app.public-url"));
        if (url == null) {
            throw new IllegalStateException("storelink.base-url is not set: run the tests through Maven (mvn verify)");
        }
        try {
            return URI.create(url + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request to one of the test-only pages under {@code /test-support/} (deployed with the suite only):
     * a form POST of {@code form}, or a GET when it is null.
     */
    public static HttpResponse<String> testSupport(String pathAndQuery, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "test-support/" + pathAndQuery));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
