package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box: hostile and broken input to the account forms. Each gets a 4xx (never a 500) with a clear
 * Russian message, and nothing is stored: the same address can still be registered afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final String PASSWORD = "correct horse battery";

    final URL base = TestServer.baseUrl();

    static java.util.stream.Stream<Arguments> badRegistrations() {
        String email = "placeholder";
        return java.util.stream.Stream.of(
                Arguments.of("empty fields", "", "", "", "Введите адрес электронной почты."),
                Arguments.of("10,000-character email", "a".repeat(10_000) + "@example.ru", PASSWORD, PASSWORD,
                        "Адрес электронной почты слишком длинный"),
                Arguments.of("script in email", "<script>alert(1)</script>@example.ru", PASSWORD, PASSWORD,
                        "Введите адрес электронной почты в виде name@example.ru."),
                Arguments.of("SQL in email", "x@example.ru' OR '1'='1", PASSWORD, PASSWORD,
                        "Введите адрес электронной почты в виде name@example.ru."),
                Arguments.of("7-character password", email, "1234567", "1234567",
                        "Пароль слишком короткий: не меньше 8 символов."),
                Arguments.of("10,000-character password", email, "p".repeat(10_000), "p".repeat(10_000),
                        "Пароль слишком длинный: не больше 128 символов."),
                Arguments.of("mismatched confirmation", email, PASSWORD, PASSWORD + "?", "Пароли не совпадают."),
                Arguments.of("SQL in password", email, "'; DROP TABLE account; --", "'; DROP TABLE account; --", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedAndStoresNothing(String what, String email, String password, String confirmation,
            String message) {
        String address = email.equals("placeholder") ? TestData.uniqueEmail("bad") : email;
        WebClient client = new WebClient(base);

        HttpResponse<String> response = client.submit("/register", "registration",
                Map.of("email", address, "password", password, "confirmation", confirmation));

        if (message == null) {
            // SQL-looking text is just a password: accepted and stored hashed, the table is intact.
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(new WebClient(base).login(address, password).statusCode()).isEqualTo(302);
            return;
        }
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(WebClient.text(response)).contains(message).doesNotContain("<script>");
        assertThat(response.body()).doesNotContain("<script>alert(1)");
        if (email.equals("placeholder")) {
            assertThat(new WebClient(base).register(address, PASSWORD).statusCode())
                    .as("nothing was stored for " + address).isEqualTo(302);
        }
    }

    @Test
    void duplicateEmailInAnyCaseIsRefused() {
        String email = TestData.uniqueEmail("dup");
        assertThat(new WebClient(base).register(email, PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> second = new WebClient(base).register(email.toUpperCase(), "another password");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(WebClient.text(second)).contains("Этот адрес электронной почты уже зарегистрирован");
        assertThat(new WebClient(base).login(email, PASSWORD).statusCode()).as("first password still works").isEqualTo(302);
        assertThat(new WebClient(base).login(email, "another password").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        String email = TestData.uniqueEmail("wrong");
        new WebClient(base).register(email, PASSWORD);

        HttpResponse<String> wrongPassword = new WebClient(base).login(email, "not the password");
        HttpResponse<String> unknownEmail = new WebClient(base).login(TestData.uniqueEmail("unknown"), PASSWORD);
        HttpResponse<String> hostile = new WebClient(base).login("<script>alert(1)</script>", "' OR 1=1 --");

        for (HttpResponse<String> response : java.util.List.of(wrongPassword, unknownEmail, hostile)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(WebClient.text(response)).contains("Неверный адрес электронной почты или пароль.");
            assertThat(response.body()).doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void tooManyFailuresLockTheAccountWithAMessage() {
        String email = TestData.uniqueEmail("throttle");
        new WebClient(base).register(email, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(new WebClient(base).login(email, "guess " + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> fifth = new WebClient(base).login(email, "guess 5");
        HttpResponse<String> rightPassword = new WebClient(base).login(email, PASSWORD);

        for (HttpResponse<String> locked : java.util.List.of(fifth, rightPassword)) {
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(WebClient.text(locked)).contains("Слишком много неудачных попыток входа", "через 15 мин.");
        }
    }

    @Test
    void postWithoutViewStateIsRefused() {
        WebClient client = new WebClient(base);
        Map<String, String> fields = new HashMap<>(WebClient.formFields(client.get("/register"), "registration",
                Map.of("email", TestData.uniqueEmail("noviewstate"), "password", PASSWORD, "confirmation", PASSWORD)));
        fields.remove("jakarta.faces.ViewState");

        HttpResponse<String> response = client.post("/register", fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.text(response)).contains("Запрос не выполнен", "ничего не изменили");
    }

    @Test
    void forgedViewStateIsRefused() {
        WebClient client = new WebClient(base);
        String email = TestData.uniqueEmail("forged");
        Map<String, String> fields = new HashMap<>(WebClient.formFields(client.get("/register"), "registration",
                Map.of("email", email, "password", PASSWORD, "confirmation", PASSWORD)));
        fields.put("jakarta.faces.ViewState", "1234567890:-987654321");

        HttpResponse<String> response = client.post("/register", fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.text(response)).contains("Страница устарела");
        assertThat(new WebClient(base).register(email, PASSWORD).statusCode()).isEqualTo(302);
    }

    @Test
    void postWithAnotherPagesNonceIsRefused() {
        WebClient client = new WebClient(base);
        Map<String, String> fields = new HashMap<>(WebClient.formFields(client.get("/login"), "login",
                Map.of("email", TestData.uniqueEmail("nonce"), "password", PASSWORD)));
        fields.put(WebClient.PRIMEFACES_NONCE, "bm90IHRoZSBwYWdlJ3Mgbm9uY2U=");

        HttpResponse<String> response = client.post("/login", fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.text(response)).contains("Запрос не выполнен");
    }

    @Test
    void loginPostWithoutAPasswordFieldIsABadRequest() {
        String email = TestData.uniqueEmail("nopassword");
        new WebClient(base).register(email, PASSWORD);
        WebClient client = new WebClient(base);
        Map<String, String> fields = new HashMap<>(WebClient.formFields(client.get("/login"), "login",
                Map.of("email", email, "password", PASSWORD)));
        fields.remove("login:password");

        HttpResponse<String> response = client.post("/login", fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WebClient.text(response)).contains("Запрос неполный: введите адрес электронной почты и пароль.");
        assertThat(client.get("/connections").statusCode()).isEqualTo(302);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register"})
    void crossSitePostsToTheStatelessFormsAreRefused(String path) {
        // Without a session beforehand, the view state of these forms is no secret: another site could post
        // them and sign its visitor in to the attacker's account. The browser's Origin header gives it away.
        String email = TestData.uniqueEmail("csrf");
        new WebClient(base).register(email, PASSWORD);
        WebClient victim = new WebClient(base);
        String form = path.equals("/login") ? "login" : "registration";
        Map<String, String> fields = WebClient.formFields(victim.get(path), form, Map.of(
                "email", path.equals("/login") ? email : TestData.uniqueEmail("csrf-new"),
                "password", PASSWORD, "confirmation", PASSWORD));

        HttpResponse<String> fromElsewhere = victim.post(path, fields, Map.of("Origin", "https://attacker.example"));
        HttpResponse<String> crossSite = victim.post(path, fields, Map.of("Sec-Fetch-Site", "cross-site"));

        for (HttpResponse<String> refused : List.of(fromElsewhere, crossSite)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(WebClient.text(refused)).contains("Доступ запрещён");
        }
        assertThat(victim.get("/connections").statusCode()).as("not signed in").isEqualTo(302);
        HttpResponse<String> sameOrigin = victim.post(path, fields, Map.of("Origin", base.getProtocol() + "://" + base.getAuthority(),
                "Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
    }

    @Test
    void crossSitePressesOfCheckNowAreRefused() {
        // The dashboard is a stateless view too: its view state is no secret, the origin decides.
        WebClient owner = new WebClient(base);
        owner.register(TestData.uniqueEmail("csrf-check-now"), PASSWORD);
        owner.connect("evotor");
        HttpResponse<String> page = owner.get("/connections");
        String checkNow = Jsoup.parse(page.body()).selectFirst("#card-evotor form.check-now").id();
        Map<String, String> fields = WebClient.formFields(page, checkNow, Map.of());
        fields.put(checkNow + ":run", "");
        assertThat(fields).as("no view state kept in the session").containsEntry("jakarta.faces.ViewState", "stateless");

        HttpResponse<String> fromElsewhere = owner.post("/connections", fields, Map.of("Origin", "https://attacker.example"));
        HttpResponse<String> crossSite = owner.post("/connections", fields, Map.of("Sec-Fetch-Site", "cross-site"));

        for (HttpResponse<String> refused : List.of(fromElsewhere, crossSite)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(WebClient.text(refused)).contains("Доступ запрещён");
        }
        HttpResponse<String> sameOrigin = owner.post("/connections", fields, Map.of("Origin", base.getProtocol() + "://" + base.getAuthority(),
                "Sec-Fetch-Site", "same-origin"));
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(WebClient.text(sameOrigin)).contains("«Эвотор» проверен: работает.");
    }
}
