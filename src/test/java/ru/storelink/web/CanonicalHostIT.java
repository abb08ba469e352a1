package ru.storelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box: the test server's {@code app.public-url} is {@code http://localhost:<port>}; the same server
 * reached as {@code 127.0.0.1}, or under another port, sends the visitor to the public address first, before
 * any session exists.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class CanonicalHostIT {

    final URL base = TestServer.baseUrl();
    final String publicUrl = base.toString().replaceAll("/$", "");

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void anotherHostNameIsRedirectedToTheSamePathAndQueryWithoutASession() {
        WebClient visitor = new WebClient(byAddress());

        for (String path : List.of("/", "/login", "/connections?tab=evotor&q=%D0%B0%20b", "/evotor/callback?code=c&state=s")) {
            HttpResponse<String> response = visitor.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(301);
            assertThat(WebClient.location(response)).as(path).isEqualTo(publicUrl + path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    @Test
    void aPostToAnotherHostKeepsItsMethodAndBody() {
        HttpResponse<String> response = new WebClient(byAddress()).post("/login", Map.of("login:email", "a@b.ru"));

        assertThat(response.statusCode()).as("308: the browser repeats the POST with its body").isEqualTo(308);
        assertThat(WebClient.location(response)).isEqualTo(publicUrl + "/login");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anotherPortOrNoHostHeaderIsRedirectedTooButTheHostNameIsCaseInsensitive() throws IOException {
        List<String> otherPort = rawGet("/login", "Host: localhost:1");
        assertThat(otherPort.get(0)).contains(" 301 ");
        assertThat(otherPort).contains("Location: " + publicUrl + "/login");

        List<String> noHost = rawGet("/login", null);
        assertThat(noHost.get(0)).contains(" 301 ");

        List<String> upperCase = rawGet("/login", "Host: LOCALHOST:" + base.getPort());
        assertThat(upperCase.get(0)).contains(" 200 ");
    }

    @Test
    void probesAnswerOnAnyAddress() {
        WebClient probe = new WebClient(byAddress());

        assertThat(probe.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(probe.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(probe.get("/metrics").statusCode()).isEqualTo(200);
    }

    /** The story: opening 127.0.0.1 and connecting Evotor used to end on the login page. */
    @Test
    void aNewOwnerWhoOpensTheServerByItsAddressConnectsEvotor() {
        WebDriver driver = browser.driver();
        driver.get(byAddress() + "register");
        browser.awaitPath("/register");
        driver.findElement(By.id("registration:email")).sendKeys(TestData.uniqueEmail("address"));
        driver.findElement(By.id("registration:password")).sendKeys("correct horse battery");
        driver.findElement(By.id("registration:confirmation")).sendKeys("correct horse battery");
        browser.submitAndAwaitNextPage(By.id("registration"), By.id("registration:submit"));
        browser.awaitPath("/connections");

        Simulators.evotor().nextAccountHasStores(new Store("s-address", "Чайная", "Москва"));
        browser.open("/evotor");
        driver.findElement(By.id("connect")).click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
    }

    /** The test server by IP address instead of its public host name. */
    private URL byAddress() {
        try {
            return URI.create("http://127.0.0.1:" + base.getPort() + "/").toURL();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request with exactly this Host header (or none, as HTTP/1.0 allows): the JDK client always sets its own. */
    private List<String> rawGet(String path, String hostHeader) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = (hostHeader == null ? "GET " + path + " HTTP/1.0\r\n" : "GET " + path + " HTTP/1.1\r\n" + hostHeader + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
