package ru.storelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.storelink.web.CanonicalAddress.Redirect;

class CanonicalAddressTest {

    private final CanonicalAddress behindProxy = CanonicalAddress.of("https://storelink.example.ru");
    private final CanonicalAddress local = CanonicalAddress.of("http://localhost:8080/");

    @Test
    void thePublicAddressStaysWhereItIs() {
        assertThat(get(behindProxy, "https", "storelink.example.ru", "/connections")).isEmpty();
        assertThat(get(behindProxy, "https", "storelink.example.ru:443", "/connections")).isEmpty();
        assertThat(get(behindProxy, "HTTPS", "StoreLink.Example.RU", "/connections")).isEmpty();
        assertThat(get(local, "http", "localhost:8080", "/login")).isEmpty();
    }

    @Test
    void anotherHostPortOrSchemeGoesToTheSamePathAndQueryThere() {
        assertThat(behindProxy.redirect("GET", "http", "storelink.example.ru", "/connections", "/connections", "a=1&b=%20"))
                .hasValue(new Redirect(301, "https://storelink.example.ru/connections?a=1&b=%20"));
        assertThat(get(behindProxy, "https", "10.0.0.7:8080", "/")).hasValue(new Redirect(301, "https://storelink.example.ru/"));
        assertThat(get(behindProxy, "https", "storelink.example.ru:8443", "/x")).isPresent();
        assertThat(get(local, "http", "127.0.0.1:8080", "/login")).hasValue(new Redirect(301, "http://localhost:8080/login"));
        assertThat(get(local, "http", "localhost", "/login")).as("port 80 is another port").isPresent();
        assertThat(get(local, "http", "[::1]:8080", "/login")).isPresent();
    }

    @Test
    void aMissingOrGarbledHostHeaderIsNotThePublicAddress() {
        assertThat(get(local, "http", null, "/login")).isPresent();
        assertThat(get(local, "http", "", "/login")).isPresent();
        assertThat(get(local, "http", "localhost:80x80", "/login")).isPresent();
    }

    @Test
    void ipv6PublicAddressesAreMatchedWithTheirPort() {
        CanonicalAddress v6 = CanonicalAddress.of("http://[::1]:8080");
        assertThat(get(v6, "http", "[::1]:8080", "/")).isEmpty();
        assertThat(get(v6, "http", "[::1]", "/")).isPresent();
        assertThat(get(v6, "http", "[::1]:9090", "/")).isPresent();
    }

    @Test
    void onlyGetAndHeadMayBecomeAGetOtherMethodsKeepTheirBody() {
        assertThat(local.redirect("HEAD", "http", "127.0.0.1:8080", "/login", "/login", null).orElseThrow().status()).isEqualTo(301);
        assertThat(local.redirect("POST", "http", "127.0.0.1:8080", "/login", "/login", null).orElseThrow().status()).isEqualTo(308);
        assertThat(local.redirect("DELETE", "http", "127.0.0.1:8080", "/x", "/x", null).orElseThrow().status()).isEqualTo(308);
    }

    @Test
    void probesAnswerOnEveryAddress() {
        for (String path : new String[] {"/health", "/health/ready", "/health/live", "/metrics", "/metrics/application"}) {
            assertThat(get(behindProxy, "http", "10.0.0.7:8080", path)).as(path).isEmpty();
        }
        assertThat(get(behindProxy, "http", "10.0.0.7:8080", "/healthy")).isPresent();
        assertThat(get(behindProxy, "http", "10.0.0.7:8080", "/metricsx")).isPresent();
    }

    @Test
    void theLocationNeverTakesItsHostFromTheRequest() {
        assertThat(get(local, "http", "evil.example:8080", "//evil.example/x").orElseThrow().location())
                .startsWith("http://localhost:8080/");
    }

    private static Optional<Redirect> get(CanonicalAddress address, String scheme, String host, String path) {
        return address.redirect("GET", scheme, host, path, path, null);
    }
}
