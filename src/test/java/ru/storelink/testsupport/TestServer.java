package ru.storelink.testsupport;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;

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
}
