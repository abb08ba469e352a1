package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.storelink.testsupport.Metrics;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;
import ru.storelink.testsupport.WebClient;

/**
 * Black-box: what an attacker gets out of many logins — hashes counted at the server's {@code /metrics},
 * answers compared as an attacker would compare them. The test server has two hashing turns
 * ({@code accounts.password.hashing-threads=2}, pom.xml) and max-failures 5.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginLimitsIT {

    private static final String PASSWORD = "correct horse battery";
    private static final int MAX_FAILURES = 5;
    private static final String LOCKED = "Слишком много неудачных попыток входа";
    private static final String TOO_MANY = "Слишком много попыток, попробуйте через минуту";

    final URL base = TestServer.baseUrl();
    final URI server = URI.create(base.toString());

    @AfterEach
    void defaultLimits() {
        TestConfig.clear();
    }

    @Test
    void aParallelBurstOfWrongPasswordsCostsAtMostMaxFailuresHashesAndTheLockHolds() throws Exception {
        String email = TestData.uniqueEmail("burst");
        new WebClient(base).register(email, PASSWORD);
        long before = Metrics.passwordHashes(server);

        List<HttpResponse<String>> burst = parallelLogins(50, i -> email, i -> "wrong password " + i);
        // Whatever the pool refused in the burst: wrong passwords one by one until the address is locked.
        HttpResponse<String> locking = burst.stream().filter(r -> WebClient.text(r).contains(LOCKED)).findFirst().orElse(null);
        for (int i = 0; locking == null && i < MAX_FAILURES; i++) {
            HttpResponse<String> answer = new WebClient(base).login(email, "one more wrong password " + i);
            locking = WebClient.text(answer).contains(LOCKED) ? answer : null;
        }
        assertThat(locking).as("the address got locked").isNotNull();
        HttpResponse<String> rightPassword = new WebClient(base).login(email, PASSWORD);
        HttpResponse<String> rightAgain = new WebClient(base).login(email, PASSWORD);
        long hashes = Metrics.passwordHashes(server) - before;

        assertThat(burst).extracting(HttpResponse::statusCode).allMatch(status -> status == 401 || status == 429);
        assertThat(hashes).as("hashes evaluated for the burst, the follow-ups and two right passwords")
                .isLessThanOrEqualTo(MAX_FAILURES).isPositive();
        for (HttpResponse<String> locked : List.of(rightPassword, rightAgain)) {
            assertThat(locked.statusCode()).as("a right password during the lock").isEqualTo(429);
            assertThat(WebClient.text(locked)).contains(LOCKED);
        }
    }

    @Test
    void aFullHashingPoolAnswers429WhileSignedInOwnersAreServed() throws Exception {
        WebClient owner = new WebClient(base);
        String email = TestData.uniqueEmail("served");
        owner.register(email, PASSWORD);
        ExecutorService ownerThread = Executors.newSingleThreadExecutor();

        CyclicBarrier start = new CyclicBarrier(31);
        Future<HttpResponse<String>> dashboard = ownerThread.submit(() -> {
            start.await();
            return owner.get("/connections");
        });
        List<HttpResponse<String>> flood = parallelLogins(30, start, i -> TestData.uniqueEmail("flood"), i -> "guess " + i);
        ownerThread.shutdown();

        assertThat(flood).extracting(HttpResponse::statusCode).allMatch(status -> status == 401 || status == 429);
        List<HttpResponse<String>> refused = flood.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(refused).as("logins beyond two hashing turns and two waiting places").isNotEmpty();
        assertThat(refused).allSatisfy(r -> {
            assertThat(WebClient.text(r)).contains(TOO_MANY);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
        });
        HttpResponse<String> page = dashboard.get();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(WebClient.text(page)).contains(email);
    }

    @Test
    void theLockedAnswerIsTheSameForKnownAndUnknownAddressesAndCostsNoHash() {
        String known = TestData.uniqueEmail("known");
        String unknown = TestData.uniqueEmail("unknown");
        new WebClient(base).register(known, PASSWORD);
        List<HttpResponse<String>> fifth = new ArrayList<>();
        for (String email : List.of(known, unknown)) {
            HttpResponse<String> answer = null;
            for (int i = 0; i < MAX_FAILURES; i++) {
                answer = new WebClient(base).login(email, "wrong password " + i);
            }
            fifth.add(answer);
        }
        long before = Metrics.passwordHashes(server);
        HttpResponse<String> lockedKnown = new WebClient(base).login(known, PASSWORD);
        HttpResponse<String> lockedUnknown = new WebClient(base).login(unknown, PASSWORD);
        long hashes = Metrics.passwordHashes(server) - before;

        for (HttpResponse<String> answer : List.of(fifth.get(0), fifth.get(1), lockedKnown, lockedUnknown)) {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(message(answer)).isEqualTo("Слишком много неудачных попыток входа. Вход в эту учётную запись "
                    + "временно заблокирован, попробуйте снова через 15 мин.");
        }
        assertThat(hashes).as("a locked answer checks no password, known address or not").isZero();
    }

    @Test
    void registeringATakenAddressCostsAsManyHashesAsANewOne() {
        String email = TestData.uniqueEmail("taken");

        long start = Metrics.passwordHashes(server);
        HttpResponse<String> created = new WebClient(base).register(email, PASSWORD);
        long afterNew = Metrics.passwordHashes(server);
        HttpResponse<String> taken = new WebClient(base).register(email, PASSWORD);
        long afterTaken = Metrics.passwordHashes(server);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(afterNew - start).as("new address: hash, then sign-in").isEqualTo(2);
        assertThat(afterTaken - afterNew).as("taken address").isEqualTo(afterNew - start);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ip", "global"})
    void tooManyWrongPasswordsLimitEveryLoginFromThereWithoutHashing(String scope) {
        String email = TestData.uniqueEmail("limited-" + scope);
        new WebClient(base).register(email, PASSWORD);
        TestConfig.set("accounts.login." + scope + ".max-failures", "3");
        TestConfig.set("accounts.login." + scope + ".window-seconds", "5");
        try {
            HttpResponse<String> answer = null;
            for (int i = 0; i < 3 && (answer == null || answer.statusCode() != 429); i++) {
                // A different address each time: no single address gets locked.
                answer = new WebClient(base).login(TestData.uniqueEmail("spray"), "guess " + i);
            }
            long before = Metrics.passwordHashes(server);
            HttpResponse<String> owner = new WebClient(base).login(email, PASSWORD);

            assertThat(owner.statusCode()).as("the owner's right password while " + scope + " is limited").isEqualTo(429);
            assertThat(WebClient.text(owner)).contains(TOO_MANY);
            assertThat(Metrics.passwordHashes(server) - before).isZero();
        } finally {
            TestConfig.clear();
            // The lock lasts its window (5 s): later tests must not meet it.
            Waiting.upTo(Duration.ofSeconds(20), () -> new WebClient(base).login(email, PASSWORD).statusCode() == 302);
        }
    }

    /**
     * A refusal that needs no form is answered before the Faces lifecycle: no login form on the page, no
     * session, and held back for {@code accounts.login.refusal-delay-ms}, so a flood of posts costs the
     * server almost nothing (issue 9, the login flood).
     */
    @Test
    void aLimitedClientIsRefusedBeforeAnyFormIsReadAndHeldBack() {
        String email = TestData.uniqueEmail("early");
        new WebClient(base).register(email, PASSWORD);
        TestConfig.set("accounts.login.ip.max-failures", "2");
        TestConfig.set("accounts.login.ip.window-seconds", "5");
        TestConfig.set("accounts.login.refusal-delay-ms", "1500");
        try {
            HttpResponse<String> answer = null;
            for (int i = 0; i < 2 && (answer == null || answer.statusCode() != 429); i++) {
                answer = new WebClient(base).login(TestData.uniqueEmail("spray"), "guess " + i);
            }
            WebClient client = new WebClient(base);
            Map<String, String> form = WebClient.formFields(client.get("/login"), "login", Map.of("email", email, "password", PASSWORD));
            long started = System.nanoTime();
            HttpResponse<String> refused = client.post("/login", form);
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(WebClient.text(refused)).contains(TOO_MANY);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(Jsoup.parse(refused.body()).select("form")).as("a page without the Faces form").isEmpty();
            assertThat(refused.headers().allValues("Set-Cookie")).as("no session for a refused post").isEmpty();
            // Spread between half and one and a half times the delay, so that clients started together fall out of step.
            assertThat(tookMs).as("the answer is held back").isGreaterThanOrEqualTo(750);
        } finally {
            TestConfig.clear();
            Waiting.upTo(Duration.ofSeconds(20), () -> new WebClient(base).login(email, PASSWORD).statusCode() == 302);
        }
    }

    @Test
    void probingTakenAddressesAtRegistrationCountsAgainstTheClient() {
        String taken = TestData.uniqueEmail("probed");
        new WebClient(base).register(taken, PASSWORD);
        TestConfig.set("accounts.login.ip.max-failures", "2");
        TestConfig.set("accounts.login.ip.window-seconds", "5");
        try {
            HttpResponse<String> answer = null;
            for (int i = 0; i < 2 && (answer == null || answer.statusCode() != 429); i++) {
                answer = new WebClient(base).register(taken, PASSWORD);
            }
            HttpResponse<String> newAddress = new WebClient(base).register(TestData.uniqueEmail("after-probing"), PASSWORD);

            assertThat(newAddress.statusCode()).as("registration from a client that probed taken addresses").isEqualTo(429);
            assertThat(WebClient.text(newAddress)).contains(TOO_MANY);
        } finally {
            TestConfig.clear();
            Waiting.upTo(Duration.ofSeconds(20), () -> new WebClient(base).login(taken, PASSWORD).statusCode() == 302);
        }
    }

    // ----- helpers -----

    interface Value {
        String of(int index);
    }

    private List<HttpResponse<String>> parallelLogins(int count, Value email, Value password) throws Exception {
        return parallelLogins(count, new CyclicBarrier(count), email, password);
    }

    /** {@code count} logins, each from its own browser with its form loaded first, posted at one instant. */
    private List<HttpResponse<String>> parallelLogins(int count, CyclicBarrier start, Value email, Value password)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                posts.add(threads.submit(() -> {
                    WebClient client = new WebClient(base);
                    Map<String, String> fields = new HashMap<>(WebClient.formFields(client.get("/login"), "login",
                            Map.of("email", email.of(index), "password", password.of(index))));
                    start.await();
                    return client.post("/login", fields);
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> post : posts) {
                answers.add(post.get());
            }
            return answers;
        } finally {
            threads.shutdown();
        }
    }

    private static String message(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("[id$=:messages]").text();
    }
}
