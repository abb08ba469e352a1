package ru.storelink.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.testsupport.Inbox;
import ru.storelink.testsupport.Inbox.Mail;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.OwnConnectionsOnly;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.Waiting;

/**
 * Owners are told (issue 12), end to end: the background checker against the simulators, the outbox, the
 * sender, a real SMTP server on loopback (GreenMail) and the owner's browser. Each test has its own owner and
 * reads only that owner's mails.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class, OwnConnectionsOnly.class})
@RunAsClient
class NotificationsIT {

    private static final int INTERVAL_SECONDS = 3;
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static final Inbox INBOX = new Inbox();

    @RegisterExtension
    final Browser browser = new Browser();

    private final String storeId = "notify-store-" + System.nanoTime();
    private final long vkUserId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    private String owner;

    @BeforeAll
    static void startTheMailServer() {
        INBOX.start();
    }

    @AfterAll
    static void stopTheMailServer() {
        INBOX.stop();
    }

    @BeforeEach
    void mailsGoToTheInboxAtOnce() {
        INBOX.configure();
        TestConfig.set("notify.digest-seconds", "1");
        TestConfig.set("notify.retry-seconds", "2");
        // The suite's other owners' connections fail with ours when a simulator fails for everyone: that is
        // a provider outage only where a test says so.
        TestConfig.set("notify.provider-outage-min-connections", "1000000");
        TestConfig.set("health-check.dashboard-refresh-seconds", "2");
    }

    @AfterEach
    void backToTheQuietDefault() {
        TestConfig.clear();
        if (!INBOX.running()) {
            INBOX.start();
        }
    }

    @Test
    void aRevokedConnectionIsMailedOnceWithItsStoreAndLinkAndOneClickRepairsIt() {
        WebDriver driver = ownerWithEvotor();
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);

        Mail mail = INBOX.awaitAtLeast(owner, 1, MAIL_WAIT).get(0);
        assertThat(mail.subject()).isEqualTo("Эвотор: требуется переподключение");
        assertThat(mail.text())
                .contains("Подключение «Эвотор» (Магазин «Чайная») перестало работать")
                .contains("нажмите «Переподключить»")
                .contains("Переподключить: " + TestServer.baseUrl() + "evotor/connect")
                .contains(TestServer.baseUrl() + "notifications");
        assertThat(mail.html()).contains("href=\"" + TestServer.baseUrl() + "evotor/connect\"").contains("«Эвотор»");

        browser.open("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Требуется переподключение");
        WebElement reconnect = driver.findElement(By.id("reconnect-evotor"));
        assertThat(reconnect.isDisplayed()).isTrue();
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        reconnect.click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
        assertThat(driver.findElement(By.id("reconnect-evotor")).isDisplayed()).as("only on a red card").isFalse();

        // The owner repaired it: no «снова работает», and the break is not told twice.
        pause(Duration.ofSeconds(3 * INTERVAL_SECONDS + 3));
        assertThat(INBOX.of(owner)).hasSize(1);
    }

    @Test
    void aLongOutageIsMailedOnceItHasLastedThenItsEndWithHowLongItLasted() {
        TestConfig.set("notify.unavailable-after-seconds", "4");
        ownerWithEvotor();
        Simulators.evotor().failAlways(EvotorSimulator.STORES, Fault.SERVER_ERROR);
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);

        Mail unavailable = INBOX.awaitAtLeast(owner, 1, MAIL_WAIT).get(0);
        assertThat(unavailable.subject()).isEqualTo("Эвотор: сервис недоступен");
        assertThat(unavailable.text()).contains("Сервис «Эвотор» (Магазин «Чайная») не отвечает уже").contains("переподключать не нужно");

        Simulators.evotor().reset();
        List<Mail> mails = INBOX.awaitAtLeast(owner, 2, MAIL_WAIT);
        assertThat(mails.get(1).subject()).isEqualTo("Эвотор: снова работает");
        assertThat(mails.get(1).text()).contains("Подключение «Эвотор» (Магазин «Чайная») снова работает. Сбой длился");
        pause(Duration.ofSeconds(2 * INTERVAL_SECONDS));
        assertThat(INBOX.of(owner)).hasSize(2);
    }

    @Test
    void anOutageShorterThanTheThresholdIsNeverMailed() {
        TestConfig.set("notify.unavailable-after-seconds", "120");
        WebDriver driver = ownerWithEvotor();
        browser.open("/connections");
        Simulators.evotor().failAlways(EvotorSimulator.STORES, Fault.SERVER_ERROR);
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(6 * INTERVAL_SECONDS + 10));
        wait.until(ExpectedConditions.textToBe(By.id("status-evotor"), "Сервис недоступен"));

        Simulators.evotor().reset();
        wait.until(ExpectedConditions.textToBe(By.id("status-evotor"), "Работает"));
        pause(Duration.ofSeconds(5));
        assertThat(INBOX.of(owner)).as("neither the short outage nor its end").isEmpty();
    }

    @Test
    void whatHappensToOneOwnerWithinTheDigestGoesOutAsOneMail() {
        TestConfig.set("notify.digest-seconds", "10");
        ownerWithEvotor();
        Simulators.vk().nextProfileIs(vkUserId, "Иван", "Уведомлёнов");
        browser.open("/vk/connect");
        browser.awaitPath("/connections");
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);
        Simulators.vk().revokeUser(vkUserId);

        Mail digest = INBOX.awaitAtLeast(owner, 1, MAIL_WAIT).get(0);
        assertThat(digest.subject()).isEqualTo("Storelink: изменения в подключениях (2)");
        assertThat(digest.text()).contains("«Эвотор» (Магазин «Чайная»)").contains("«ВКонтакте»")
                .contains(TestServer.baseUrl() + "evotor/connect").contains(TestServer.baseUrl() + "vk/connect");
        pause(Duration.ofSeconds(12));
        assertThat(INBOX.of(owner)).hasSize(1);
    }

    @Test
    void anSmtpOutageLosesNoMailAndRepeatsNoneAndTheMailsButtonRepairsThroughTheLogin() {
        WebDriver driver = ownerWithEvotor();
        INBOX.stop();
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);
        // Long enough for the check, the row and a few refused deliveries (2 s, 4 s, ... apart).
        pause(Duration.ofSeconds(15));

        INBOX.start();
        List<Mail> mails = INBOX.awaitAtLeast(owner, 1, MAIL_WAIT);
        assertThat(mails.get(0).subject()).isEqualTo("Эвотор: требуется переподключение");
        pause(Duration.ofSeconds(10));
        assertThat(INBOX.of(owner)).hasSize(1);

        // Signed out, the e-mail's «Переподключить» leads through the login to the consent and back, green.
        String link = mails.get(0).text().lines().filter(line -> line.startsWith("Переподключить: ")).findFirst().orElseThrow()
                .substring("Переподключить: ".length());
        driver.findElement(By.id("logout:submit")).click();
        browser.awaitPath("/login");
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        driver.get(link);
        browser.awaitPath("/login?next=%2Fevotor%2Fconnect");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("login:submit")));
        driver.findElement(By.id("login:email")).sendKeys(owner);
        driver.findElement(By.id("login:password")).sendKeys("correct horse battery");
        browser.submitAndAwaitNextPage(By.id("login"), By.id("login:submit"));
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
    }

    @Test
    void aProviderWideOutageShowsOneBannerAndMailsNobody() {
        // Longer than the outage count is kept (10 s): the row falls due when the outage is known.
        TestConfig.set("notify.unavailable-after-seconds", "15");
        TestConfig.set("notify.provider-outage-min-connections", "1");
        TestConfig.set("notify.provider-outage-share", "0.5");
        WebDriver driver = ownerWithEvotor();
        Simulators.evotor().failAlways(EvotorSimulator.STORES, Fault.SERVER_ERROR);
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);

        Waiting.upTo(Duration.ofSeconds(60), Duration.ofSeconds(1), () -> {
            browser.open("/connections");
            return driver.findElements(By.cssSelector(".outage-banner")).size() == 1
                    && driver.findElement(By.id("status-evotor")).getText().equals("Сервис недоступен");
        });
        assertThat(driver.findElement(By.cssSelector(".outage-banner")).getText())
                .isEqualTo("Эвотор сейчас недоступен у многих пользователей. Ваши подключения в порядке — проверим снова.");
        pause(Duration.ofSeconds(20));
        assertThat(INBOX.of(owner)).as("held while the outage lasts").isEmpty();

        Simulators.evotor().reset();
        Waiting.upTo(Duration.ofSeconds(60), Duration.ofSeconds(1), () -> {
            browser.open("/connections");
            return driver.findElements(By.cssSelector(".outage-banner")).isEmpty()
                    && driver.findElement(By.id("status-evotor")).getText().equals("Работает");
        });
        pause(Duration.ofSeconds(5));
        assertThat(INBOX.of(owner)).as("over before anyone had to be told").isEmpty();
    }

    @Test
    void quietHoursHoldMailsUntilTheyEnd() {
        WebDriver driver = ownerWithEvotor();
        ZonedDateTime now = ZonedDateTime.now(MOSCOW);
        // Quiet since a minute ago, until a minute boundary 20-80 s from now (quiet hours are whole minutes).
        LocalTime from = now.minusMinutes(1).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        ZonedDateTime until = now.plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        browser.open("/notifications");
        check(driver, "settings:quiet", true);
        type(driver, "settings:quiet-from", from.format(DateTimeFormatter.ofPattern("HH:mm")));
        type(driver, "settings:quiet-until", until.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
        assertThat(driver.findElement(By.id("settings:messages")).getText()).contains("Настройки сохранены.");

        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);
        pause(Duration.ofSeconds(8));
        assertThat(INBOX.of(owner)).as("the break is known by now, and waits").isEmpty();
        List<Mail> mails = INBOX.awaitAtLeast(owner, 1, Duration.ofSeconds(150));
        Instant arrived = Instant.now();
        assertThat(mails).hasSize(1);
        assertThat(arrived).as("not before the quiet hours ended").isAfterOrEqualTo(until.toInstant());
        assertThat(mails.get(0).subject()).isEqualTo("Эвотор: требуется переподключение");
    }

    @Test
    void aKindTheOwnerSwitchedOffIsNotMailed() {
        WebDriver driver = ownerWithEvotor();
        browser.open("/notifications");
        check(driver, "settings:broken", false);
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
        browser.open("/notifications");
        assertThat(checked(driver, "settings:broken")).isFalse();
        assertThat(checked(driver, "settings:unavailable")).isTrue();

        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);
        new WebDriverWait(driver, Duration.ofSeconds(3 * INTERVAL_SECONDS + 10)).until(driverOnDashboardShows("Требуется переподключение"));
        pause(Duration.ofSeconds(6));
        assertThat(INBOX.of(owner)).isEmpty();
    }

    @Test
    void settingsAreTheOwnersOwnAndHostileInputChangesNothing() {
        WebDriver driver = browser.driver();
        String first = TestData.uniqueEmail("settings-a");
        browser.register(first, "correct horse battery");
        browser.awaitPath("/connections");
        browser.open("/notifications");
        assertThat(driver.findElement(By.id("nav-notifications")).getText()).isEqualTo("Уведомления");
        check(driver, "settings:recovered", false);
        check(driver, "settings:quiet", true);
        type(driver, "settings:quiet-from", "23:00");
        type(driver, "settings:quiet-until", "07:00");
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
        assertThat(driver.findElement(By.id("settings:messages")).getText()).contains("Настройки сохранены.");

        for (String hostile : List.of("<script>alert(1)</script>", "25:00", "7", "' OR 1=1 --", "x".repeat(10_000), "")) {
            browser.open("/notifications");
            type(driver, "settings:quiet-from", hostile);
            browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
            assertThat(driver.findElement(By.id("settings:quiet-from-message")).getText())
                    .as(hostile.length() > 40 ? "a long string" : hostile)
                    .isEqualTo("Укажите время в виде ЧЧ:ММ, например 22:00.");
            assertThat(driver.getPageSource()).doesNotContain("<script>alert(1)</script>");
        }
        browser.open("/notifications");
        type(driver, "settings:quiet-until", "23:00");
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
        assertThat(driver.findElement(By.id("settings:quiet-until-message")).getText())
                .isEqualTo("Начало и конец тихих часов не должны совпадать.");

        // Without the session's form token (a forged or stale form), nothing changes.
        browser.open("/notifications");
        check(driver, "settings:broken", false);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#settings input[name=token]').value = 'forged';");
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:save"));
        assertThat(driver.findElement(By.id("settings:messages")).getText()).contains("Страница устарела");

        browser.open("/notifications");
        assertThat(checked(driver, "settings:broken")).as("the forged change").isTrue();
        assertThat(checked(driver, "settings:recovered")).isFalse();
        assertThat(checked(driver, "settings:quiet")).isTrue();
        assertThat(driver.findElement(By.id("settings:quiet-from")).getAttribute("value")).isEqualTo("23:00");
        assertThat(driver.findElement(By.id("settings:quiet-until")).getAttribute("value")).isEqualTo("07:00");

        // Another owner sees their own defaults, never the first owner's choices.
        driver.findElement(By.id("logout:submit")).click();
        browser.awaitPath("/login");
        browser.register(TestData.uniqueEmail("settings-b"), "correct horse battery");
        browser.awaitPath("/connections");
        browser.open("/notifications");
        assertThat(checked(driver, "settings:recovered")).isTrue();
        assertThat(checked(driver, "settings:quiet")).isFalse();
        assertThat(driver.getPageSource()).doesNotContain(first);
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    @Test
    void theTestMailArrivesAndCannotBeRepeatedAtOnce() {
        WebDriver driver = ownerWithEvotor();
        browser.open("/notifications");
        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:send-test"));
        assertThat(driver.findElement(By.id("settings:messages")).getText()).contains("Тестовое письмо отправлено на " + owner + ".");
        Mail test = INBOX.awaitAtLeast(owner, 1, Duration.ofSeconds(10)).get(0);
        assertThat(test.subject()).isEqualTo("Storelink: тестовое письмо");

        browser.submitAndAwaitNextPage(By.id("settings"), By.id("settings:send-test"));
        assertThat(driver.findElement(By.id("settings:messages")).getText()).contains("Тестовое письмо только что отправлено");
        assertThat(INBOX.of(owner)).hasSize(1);
    }

    @Test
    void withoutAnSmtpServerDemoModeKeepsEachOwnersMailsInItsMailbox() {
        TestConfig.set("mail.smtp.host", "");
        TestConfig.set("app.demo", "true");
        WebDriver driver = ownerWithEvotor();
        browser.open("/notifications");
        assertThat(driver.findElement(By.id("mail-route")).getText()).contains("демо-почту");
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);
        Simulators.evotor().revokeAccountOf(storeId);

        Waiting.upTo(MAIL_WAIT, Duration.ofSeconds(1), () -> {
            browser.open("/demo/mail");
            return !driver.findElements(By.cssSelector(".mail-subject")).isEmpty();
        });
        assertThat(driver.findElement(By.cssSelector(".mail-subject")).getText()).isEqualTo("Эвотор: требуется переподключение");
        assertThat(driver.findElement(By.cssSelector(".mail-body")).getText()).contains("«Эвотор» (Магазин «Чайная»)");
        assertThat(driver.findElement(By.cssSelector(".mail-action")).getAttribute("href")).endsWith("/evotor/connect");
        assertThat(INBOX.of(owner)).as("nothing went out by SMTP").isEmpty();

        driver.findElement(By.id("logout:submit")).click();
        browser.awaitPath("/login");
        browser.open("/demo/mail");
        browser.awaitPath("/login?next=%2Fdemo%2Fmail");
        // Through the login page to a registration, back to the mailbox: the other owner's own, empty.
        driver.findElement(By.id("to-register")).click();
        browser.awaitPath("/register?next=%2Fdemo%2Fmail");
        browser.fillRegistration(TestData.uniqueEmail("mailbox-b"), "correct horse battery");
        browser.awaitPath("/demo/mail");
        assertThat(driver.findElement(By.id("no-mail")).getText()).isEqualTo("Писем пока нет.");
        assertThat(driver.getPageSource()).doesNotContain("Чайная");
    }

    private WebDriver ownerWithEvotor() {
        WebDriver driver = browser.driver();
        owner = TestData.uniqueEmail("notify");
        browser.register(owner, "correct horse battery");
        browser.awaitPath("/connections");
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        browser.open("/evotor/connect");
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
        return driver;
    }

    private org.openqa.selenium.support.ui.ExpectedCondition<Boolean> driverOnDashboardShows(String status) {
        return driver -> {
            browser.open("/connections");
            return driver.findElement(By.id("status-evotor")).getText().equals(status);
        };
    }

    /** A PrimeFaces checkbox: the hidden input says its state; its box takes the click. */
    private static void check(WebDriver driver, String id, boolean on) {
        if (checked(driver, id) != on) {
            driver.findElement(By.cssSelector("[id='" + id + "'] .ui-chkbox-box")).click();
        }
        assertThat(checked(driver, id)).isEqualTo(on);
    }

    private static boolean checked(WebDriver driver, String id) {
        return driver.findElement(By.id(id + "_input")).isSelected();
    }

    private static void type(WebDriver driver, String id, String value) {
        WebElement input = new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        // A time input takes no free text from the keyboard: set the value as a hostile client would send it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].type = 'text'; arguments[0].removeAttribute('maxlength');"
                + " arguments[0].value = arguments[1];", input, value);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
