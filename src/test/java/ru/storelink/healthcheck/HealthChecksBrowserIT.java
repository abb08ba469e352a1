package ru.storelink.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.Fault;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.OwnConnectionsOnly;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.Waiting;

/**
 * In headless Chromium against the simulators, with the background checker switched on and a 3-second
 * interval: the cards tell the truth, and only a refusal of the owner's own credentials asks for a
 * reconnect.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class, OwnConnectionsOnly.class})
@RunAsClient
class HealthChecksBrowserIT {

    private static final int INTERVAL_SECONDS = 3;

    @RegisterExtension
    final Browser browser = new Browser();

    private final String storeId = "hc-store-" + System.nanoTime();
    private final long vkUserId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);

    @AfterEach
    void backToTheQuietDefault() {
        TestConfig.clear();
    }

    @Test
    void backgroundChecksUpdateTheConnectionsStepTen() {
        WebDriver driver = ownerWithBothConnections();
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);

        browser.open("/evotor");
        Waiting.upTo(Duration.ofSeconds(30), () -> {
            browser.open("/evotor");
            return !driver.findElements(By.cssSelector("#history-table tbody tr")).isEmpty();
        });
        assertThat(driver.findElement(By.cssSelector("#history-table tbody tr")).getText()).contains("Работает");
        assertThat(Simulators.evotor().calls(EvotorSimulator.STORES)).isPositive();
        browser.open("/vk");
        Waiting.upTo(Duration.ofSeconds(30), () -> {
            browser.open("/vk");
            return !driver.findElements(By.cssSelector("#history-table tbody tr")).isEmpty();
        });
    }

    @Test
    void aRevokedTokenTurnsTheCardRedWithinTwoIntervalsWithoutAReload() {
        WebDriver driver = ownerWithBothConnections();
        TestConfig.set("health-check.dashboard-refresh-seconds", "2");
        browser.open("/connections");
        markPage();
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);

        Simulators.evotor().revokeAccountOf(storeId);
        Simulators.vk().revokeUser(vkUserId);

        // Two intervals, plus the 5-second tick and the 2-second page poll.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(2 * INTERVAL_SECONDS + 5 + 2 + 3));
        wait.until(ExpectedConditions.textToBe(By.id("status-evotor"), "Требуется переподключение"));
        wait.until(ExpectedConditions.textToBe(By.id("status-vk"), "Требуется переподключение"));
        assertThat(driver.findElement(By.id("note-evotor")).getText()).contains("«Переподключить»");
        assertThat(pageIsStillTheSame()).as("updated by polling, not by a reload").isTrue();
    }

    @Test
    void providerOutagesNeverAskAnyoneToReconnect() {
        WebDriver driver = ownerWithBothConnections();
        TestConfig.set("health-check.dashboard-refresh-seconds", "2");
        browser.open("/connections");
        Simulators.evotor().failAlways(EvotorSimulator.STORES, Fault.SERVER_ERROR);
        Simulators.vk().apiErrorAlways(6);
        TestConfig.healthChecksEvery(INTERVAL_SECONDS);

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(12));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-evotor"), "не удалась временно"));
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-vk"), "не удалась временно"));
        assertThat(driver.findElement(By.id("status-vk")).getText()).isEqualTo("Работает");

        // After three failures in a row: «Сервис недоступен», still not «reconnect».
        WebDriverWait longer = new WebDriverWait(driver, Duration.ofSeconds(4 * INTERVAL_SECONDS + 15));
        longer.until(ExpectedConditions.textToBe(By.id("status-evotor"), "Сервис недоступен"));
        longer.until(ExpectedConditions.textToBe(By.id("status-vk"), "Сервис недоступен"));

        Simulators.evotor().reset();
        Simulators.vk().reset();
        longer.until(ExpectedConditions.textToBe(By.id("status-evotor"), "Работает"));
        longer.until(ExpectedConditions.textToBe(By.id("status-vk"), "Работает"));
    }

    @Test
    void checkNowUpdatesTheCardInPlace() {
        WebDriver driver = ownerWithBothConnections();
        browser.open("/connections");
        markPage();
        Simulators.evotor().revokeAccountOf(storeId);

        driver.findElement(By.cssSelector("#card-evotor form.check-now button")).click();

        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("status-evotor"), "Требуется переподключение"));
        assertThat(driver.findElement(By.id("notices")).getText()).contains("«Эвотор» проверен: требуется переподключение.");
        assertThat(driver.findElement(By.id("status-vk")).getText()).isEqualTo("Работает");
        assertThat(pageIsStillTheSame()).as("no reload").isTrue();

        driver.findElement(By.cssSelector("#card-evotor form.check-now button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "только что проверяли"));
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    private WebDriver ownerWithBothConnections() {
        WebDriver driver = browser.driver();
        browser.register(TestData.uniqueEmail("health"), "correct horse battery");
        browser.awaitPath("/connections");
        Simulators.evotor().nextAccountHasStores(new Store(storeId, "Чайная", ""));
        Simulators.vk().nextProfileIs(vkUserId, "Иван", "Проверкин");
        browser.open("/evotor/connect");
        browser.awaitPath("/connections");
        browser.open("/vk/connect");
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
        return driver;
    }


    private void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.storelinkTestMarker = 'same page';");
    }

    private boolean pageIsStillTheSame() {
        return "same page".equals(((JavascriptExecutor) browser.driver()).executeScript("return window.storelinkTestMarker;"));
    }
}
