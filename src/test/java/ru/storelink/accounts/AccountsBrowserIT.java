package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.TestData;

/** In headless Chromium: the account flows as an owner clicks through them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsBrowserIT {

    private static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void registerLogoutLoginAndReachAProtectedPage() {
        WebDriver driver = browser.driver();
        String email = TestData.uniqueEmail("browser");

        browser.register(email, PASSWORD);
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Подключения");
        assertThat(driver.findElement(By.id("signed-in-email")).getText()).isEqualTo(email);

        driver.findElement(By.id("logout:submit")).click();
        browser.awaitPath("/login");
        browser.open("/connections");
        browser.awaitPath("/login");

        login(email, PASSWORD);
        browser.awaitPath("/connections");
        assertThat(driver.findElement(By.id("signed-in-email")).getText()).isEqualTo(email);
        assertThat(browser.contentSecurityViolations()).isEmpty();
    }

    @Test
    void afterLoginTheOwnerIsBackWhereTheyWereGoing() {
        String email = TestData.uniqueEmail("return");
        registerAndSignOut(email);

        browser.open("/connections/add");
        browser.awaitPath("/login?next=%2Fconnections%2Fadd");
        login(email, PASSWORD);

        browser.awaitPath("/connections/add");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Добавить подключение");
    }

    @Test
    void wrongPasswordShowsAMessage() {
        String email = TestData.uniqueEmail("wrongpass");
        registerAndSignOut(email);

        login(email, "not my password");

        assertThat(messages()).contains("Неверный адрес электронной почты или пароль.");
        assertThat(browser.driver().findElement(By.id("login:email")).getAttribute("value")).isEqualTo(email);
    }

    @Test
    void duplicateEmailShowsAMessage() {
        String email = TestData.uniqueEmail("dupe");
        registerAndSignOut(email);

        browser.register(email.toUpperCase(), "a different password");

        assertThat(browser.driver().findElement(By.id("registration:email-message")).getText())
                .contains("Этот адрес электронной почты уже зарегистрирован");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        String email = TestData.uniqueEmail("lock");
        registerAndSignOut(email);

        for (int i = 0; i < 4; i++) {
            login(email, "guess number " + i);
            assertThat(messages()).contains("Неверный адрес электронной почты или пароль.");
        }
        login(email, "guess number 5");
        assertThat(messages()).contains("Слишком много неудачных попыток входа");
        login(email, PASSWORD);

        assertThat(messages()).contains("Слишком много неудачных попыток входа");
        assertThat(browser.driver().findElements(By.id("signed-in-email"))).isEmpty();
    }

    private void registerAndSignOut(String email) {
        browser.register(email, PASSWORD);
        browser.awaitPath("/connections");
        browser.driver().findElement(By.id("logout:submit")).click();
        browser.awaitPath("/login");
    }


    private void login(String email, String password) {
        if (!URI.create(browser.driver().getCurrentUrl()).getPath().equals("/login")) {
            browser.open("/login");
        }
        WebDriver driver = browser.driver();
        driver.findElement(By.id("login:email")).clear();
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(password);
        browser.submitAndAwaitNextPage(By.id("login"), By.id("login:submit"));
    }


    private String messages() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")))
                .getText();
    }



}
