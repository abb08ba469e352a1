package ru.storelink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;

/**
 * A service is a plug-in: the warehouse, which exists only in this package (and its migration and page
 * under src/test), goes through everything Evotor and VK go through — offered, connected, shown, checked,
 * disconnected — in headless Chromium, without a line of the core naming it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WarehouseServiceBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    private final WarehouseSimulator warehouse = WarehouseSimulator.get();

    @BeforeEach
    void switchOn() {
        warehouse.reset();
        warehouse.nextWarehouseIs("Склад на Лесной");
        TestConfig.set("warehouse.enabled", "true");
    }

    @AfterEach
    void switchOff() {
        TestConfig.clear();
    }

    @Test
    void aServiceOfItsOwnPackageIsOfferedConnectedCheckedAndDisconnected() {
        WebDriver driver = browser.driver();
        browser.register(TestData.uniqueEmail("warehouse"), "correct horse battery");
        browser.awaitPath("/connections");

        // Offered after Evotor and VK.
        driver.findElement(By.id("add")).click();
        browser.awaitPath("/connections/add");
        assertThat(driver.findElements(By.cssSelector(".connection-card h2")).stream().map(title -> title.getText()))
                .containsExactly("Эвотор", "ВКонтакте", "Склад");
        assertThat(driver.findElement(By.id("offer-warehouse")).getText()).contains("Подключите склад, чтобы видеть остатки товаров.");

        // Its page comes from the shared template with its own sentence; connecting goes through its simulator.
        driver.findElement(By.id("connect-warehouse")).click();
        browser.awaitPath("/warehouse");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Склад");
        driver.findElement(By.id("connect")).click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("notices")).getText()).contains("Склад подключён: «Склад на Лесной».");
        assertThat(driver.findElement(By.id("status-warehouse")).getText()).isEqualTo("Работает");
        assertThat(driver.findElement(By.id("details-warehouse")).getText()).isEqualTo("Склад «Склад на Лесной»");

        // Checked by its own probe: the provider withdrew the token.
        warehouse.revokeAll();
        int pings = warehouse.calls(WarehouseSimulator.PING);
        driver.findElement(By.cssSelector("#card-warehouse form.check-now button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.id("status-warehouse"), "Требуется переподключение"));
        assertThat(warehouse.calls(WarehouseSimulator.PING)).isEqualTo(pings + 1);
        browser.open("/warehouse");
        assertThat(driver.findElement(By.id("history-table")).getText()).contains("Доступ отклонён", "Склад отклонил доступ (401)");

        // Disconnected from its card, like the others.
        browser.open("/connections");
        driver.findElement(By.id("disconnect-warehouse")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBe(By.id("card-warehouse"), 0));
        assertThat(driver.findElement(By.id("notices")).getText()).contains("«Склад» отключён.");
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    @Test
    void aServiceSwitchedOffHasNoOfferPageOrEndpoints() throws Exception {
        TestConfig.set("warehouse.enabled", "false");
        WebClient owner = new WebClient(TestServer.baseUrl());
        owner.register(TestData.uniqueEmail("warehouse-off"), "correct horse battery");

        assertThat(owner.get("/connections/add").body()).contains("offer-evotor").doesNotContain("offer-warehouse");
        assertThat(owner.get("/warehouse").statusCode()).isEqualTo(404);
        assertThat(owner.get("/warehouse/connect").statusCode()).isEqualTo(404);
        assertThat(warehouse.calls("GET /authorize")).isZero();
    }
}
