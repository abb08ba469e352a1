package ru.storelink.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.TestData;

/**
 * In headless Chromium against the loopback simulators: the owner's verification steps 3–9 of the
 * Connections plan, as an owner clicks through them.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class ConnectionsBrowserIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void ownersPlanStepsThreeToNine() {
        WebDriver driver = browser.driver();
        browser.register(TestData.uniqueEmail("plan"), "correct horse battery");
        browser.awaitPath("/connections");

        // 3. Empty state, «Добавить» visible.
        assertThat(driver.findElement(By.id("empty-state")).getText())
                .isEqualTo("Подключений пока нет. Нажмите «Добавить», чтобы подключить первый сервис.");
        assertThat(driver.findElement(By.id("add")).getText()).isEqualTo("+ Добавить");

        // 4. «Добавить» offers Evotor and VK.
        driver.findElement(By.id("add")).click();
        browser.awaitPath("/connections/add");
        assertThat(driver.findElement(By.id("offer-evotor")).getText())
                .contains("Эвотор", "Подключите кассу Эвотор для синхронизации каталога товаров.", "Подключить →");
        assertThat(driver.findElement(By.id("offer-vk")).getText())
                .contains("ВКонтакте", "Подключите аккаунт ВКонтакте для публикации товаров в вашу группу.");

        // 5. Evotor through OAuth, back on /connections with a green card.
        Simulators.evotor().nextAccountHasStores(new Store("s-1", "Чайная", "Москва"), new Store("s-2", "Кофейня", "Москва"));
        driver.findElement(By.id("connect-evotor")).click();
        browser.awaitPath("/evotor");
        driver.findElement(By.id("connect")).click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("status-evotor")).getText()).isEqualTo("Работает");
        assertThat(driver.findElement(By.id("status-evotor")).getAttribute("class")).contains("status-working");
        assertThat(driver.findElement(By.id("details-evotor")).getText()).isEqualTo("Магазин «Чайная»");
        assertThat(driver.findElement(By.id("checked-evotor")).getText()).startsWith("Последняя проверка: ");
        assertThat(driver.findElement(By.cssSelector("#card-evotor .bi-shop")).isDisplayed()).isTrue();

        // 6. VK the same way: both cards.
        browser.open("/connections/add");
        driver.findElement(By.id("connect-vk")).click();
        browser.awaitPath("/vk");
        driver.findElement(By.id("connect")).click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("details-vk")).getText()).isEqualTo("Персик Рыжий");
        assertThat(driver.findElement(By.id("status-vk")).getText()).isEqualTo("Работает");
        assertThat(driver.findElements(By.cssSelector(".connection-card"))).hasSize(2);

        // 7. Nothing left to add.
        driver.findElement(By.id("add")).click();
        browser.awaitPath("/connections/add");
        assertThat(driver.findElement(By.id("all-connected")).getText()).isEqualTo("Все доступные сервисы подключены");
        driver.findElement(By.id("back")).click();
        browser.awaitPath("/connections");

        // 8. «Отключить» asks first; cancelling keeps the card, confirming removes it.
        driver.findElement(By.id("disconnect-evotor")).click();
        Alert question = new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).isEqualTo("Вы уверены, что хотите отключить Эвотор?");
        question.dismiss();
        assertThat(driver.findElements(By.id("card-evotor"))).hasSize(1);
        driver.findElement(By.id("disconnect-evotor")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.numberOfElementsToBe(By.id("card-evotor"), 0));
        assertThat(driver.findElements(By.id("card-vk"))).hasSize(1);

        // 9. Evotor can be added again.
        driver.findElement(By.id("add")).click();
        browser.awaitPath("/connections/add");
        assertThat(driver.findElements(By.id("offer-evotor"))).hasSize(1);
        assertThat(driver.findElements(By.id("offer-vk"))).isEmpty();

        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    @Test
    void theOwnerChoosesWhichEvotorStoreTheConnectionUses() {
        WebDriver driver = browser.driver();
        browser.register(TestData.uniqueEmail("stores"), "correct horse battery");
        browser.awaitPath("/connections");
        Simulators.evotor().nextAccountHasStores(new Store("s-1", "Чайная", ""), new Store("s-2", "Кофейня", ""),
                new Store("s-3", "Пекарня", ""));
        browser.open("/evotor");
        driver.findElement(By.id("connect")).click();
        browser.awaitPath("/connections");

        browser.open("/evotor");
        assertThat(driver.findElement(By.id("store-name")).getText()).isEqualTo("Чайная");
        new Select(driver.findElement(By.id("store:choice"))).selectByVisibleText("Пекарня");
        browser.submitAndAwaitNextPage(By.id("store"), By.id("store:save"));

        assertThat(driver.findElement(By.id("store-name")).getText()).isEqualTo("Пекарня");
        assertThat(driver.findElement(By.id("notices")).getText()).contains("Теперь подключение использует магазин «Пекарня».");
        driver.findElement(By.id("back")).click();
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("details-evotor")).getText()).isEqualTo("Магазин «Пекарня»");
    }

    @Test
    void navbarLeadsToConnections() {
        WebDriver driver = browser.driver();
        browser.register(TestData.uniqueEmail("nav"), "correct horse battery");
        browser.open("/vk");

        driver.findElement(By.id("nav-connections")).click();

        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("nav-connections")).getText()).isEqualTo("Подключения");
    }
}
