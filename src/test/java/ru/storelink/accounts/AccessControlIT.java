package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/** Black-box: who may see what, and what a session looks like around login and logout. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessControlIT {

    private static final String PASSWORD = "correct horse battery";

    final URL base = TestServer.baseUrl();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/connections", "/connections/add", "/evotor", "/vk", "/notifications", "/demo/mail", "/demo/mail.xhtml",
            "/login.xhtml", "/no-such-page"})
    void anonymousRequestsLandOnLoginWithoutASession(String path) {
        HttpResponse<String> response = new WebClient(base).get(path);

        assertThat(response.statusCode()).isEqualTo(302);
        // The way back is in the URL: a session per anonymous request would let a flood fill the heap.
        String back = path.equals("/") || path.equals("/connections") || path.endsWith(".xhtml") ? ""
                : "?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login" + back));
        assertThat(response.headers().allValues("Set-Cookie")).as("cookies set by GET " + path).isEmpty();
    }

    @Test
    void aHostileNextIsNeitherWrittenIntoTheLoginPageNorFollowed() {
        String email = TestData.uniqueEmail("next");
        new WebClient(base).register(email, PASSWORD);
        // The owner lands on the dashboard instead.
        for (String hostile : List.of("//attacker.example/", "https://attacker.example/", "/\\attacker.example", "/login")) {
            WebClient other = new WebClient(base);
            HttpResponse<String> form = other.get("/login?next=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertThat(form.body()).as(hostile).doesNotContain("attacker.example").doesNotContain("name=\"next\"");
            Map<String, String> fields = WebClient.formFields(form, "login", Map.of("email", email, "password", PASSWORD));
            fields.put("next", hostile);
            assertThat(WebClient.location(other.post("/login", fields))).as(hostile).endsWith("/connections");
        }
    }

    @Test
    void theSiteRootIsTheConnectionsPage() {
        WebClient client = new WebClient(base);
        client.register(TestData.uniqueEmail("root"), PASSWORD);

        HttpResponse<String> root = client.get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/connections"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register"})
    void loginAndRegistrationArePublic(String path) {
        assertThat(new WebClient(base).get(path).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register"})
    void showingLoginOrRegistrationCreatesNoSession(String path) {
        HttpResponse<String> page = new WebClient(base).get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).as("cookies set by GET " + path).isEmpty();
    }

    @Test
    void refusedFormsCreateNoSessionEitherAndTheFirstSessionStartsAtSignIn() {
        String email = TestData.uniqueEmail("stateless");
        WebClient client = new WebClient(base);

        HttpResponse<String> badRegistration = client.register(email, "short");
        HttpResponse<String> registration = client.register(email, PASSWORD);
        WebClient other = new WebClient(base);
        HttpResponse<String> wrongLogin = other.login(email, "not the password");
        HttpResponse<String> login = other.login(email, PASSWORD);

        assertThat(badRegistration.statusCode()).isEqualTo(422);
        assertThat(wrongLogin.statusCode()).isEqualTo(401);
        for (HttpResponse<String> refused : List.of(badRegistration, wrongLogin)) {
            assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        }
        for (HttpResponse<String> signedIn : List.of(registration, login)) {
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
        }
        assertThat(client.get("/connections").statusCode()).isEqualTo(200);
        assertThat(other.get("/connections").statusCode()).isEqualTo(200);
    }

    @Test
    void afterLoginTheOwnerReturnsToThePageTheyWanted() {
        String email = TestData.uniqueEmail("continue");
        WebClient setup = new WebClient(base);
        setup.register(email, PASSWORD);

        WebClient client = new WebClient(base);
        String toLogin = WebClient.location(client.get("/connections/add"));
        assertThat(toLogin).endsWith("/login?next=%2Fconnections%2Fadd");
        HttpResponse<String> form = client.get(URI.create(toLogin).getPath() + "?" + URI.create(toLogin).getRawQuery());
        HttpResponse<String> login = client.post("/login", WebClient.formFields(form, "login", Map.of("email", email, "password", PASSWORD)));

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/connections/add"));
        HttpResponse<String> page = client.get("/connections/add");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(WebClient.text(page)).contains("Добавить подключение", email);
    }

    @Test
    void theSessionStartsAtLoginAndLogoutEndsIt() {
        String email = TestData.uniqueEmail("session");
        new WebClient(base).register(email, PASSWORD);
        WebClient client = new WebClient(base);
        client.get("/connections");
        assertThat(client.cookie("JSESSIONID")).as("no session before sign-in").isEmpty();

        HttpResponse<String> login = client.login(email, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        String signedInSession = client.cookie("JSESSIONID").orElseThrow();

        HttpResponse<String> home = client.get("/connections");
        assertThat(home.statusCode()).isEqualTo(200);
        HttpResponse<String> logout = client.post("/connections", WebClient.formFields(home, "logout", Map.of()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        assertThat(client.get("/connections").statusCode()).isEqualTo(302);
        // The old session id is dead too: replaying it does not sign anyone in.
        assertThat(new WebClient(base).getWithCookie("/connections", "JSESSIONID", signedInSession).statusCode()).isEqualTo(302);
    }

    @Test
    void logoutByGetIsNotPossible() {
        String email = TestData.uniqueEmail("getlogout");
        WebClient client = new WebClient(base);
        client.register(email, PASSWORD);
        HttpResponse<String> home = client.get("/connections");
        String session = client.cookie("JSESSIONID").orElseThrow();
        Element form = Jsoup.parse(home.body()).getElementById("logout");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");

        // Everything the «Выйти» button posts, sent as a GET to the address the form posts to: the view
        // state makes Faces treat even a GET as a postback, so this would run the logout action if it could.
        String query = WebClient.formFields(home, "logout", Map.of()).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> get = client.get(URI.create(form.attr("action")).getPath() + "?" + query);

        assertThat(client.get("/connections").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(client.cookie("JSESSIONID")).as("in the same session").hasValue(session);
        assertThat(get.statusCode()).as("the GET's answer").isEqualTo(405);
    }
}
