package ru.storelink.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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

    @ArquillianResource
    URL base;

    @Test
    void registerLogoutLoginAndReachAProtectedPage() {
        WebDriver driver = browser.driver();
        String email = TestData.uniqueEmail("browser");

        register(email, PASSWORD);
        awaitPath("/");
        assertThat(driver.findElement(By.id("welcome")).getText()).isEqualTo("Добро пожаловать в Storelink");
        assertThat(driver.findElement(By.id("signed-in-email")).getText()).isEqualTo(email);

        driver.findElement(By.id("logout:submit")).click();
        awaitPath("/login");
        open("/");
        awaitPath("/login");

        login(email, PASSWORD);
        awaitPath("/");
        assertThat(driver.findElement(By.id("signed-in-email")).getText()).isEqualTo(email);
        assertThat(contentSecurityViolations(driver)).isEmpty();
    }

    @Test
    void afterLoginTheOwnerIsBackWhereTheyWereGoing() {
        String email = TestData.uniqueEmail("return");
        registerAndSignOut(email);

        open("/index");
        awaitPath("/login");
        login(email, PASSWORD);

        awaitPath("/index");
        assertThat(browser.driver().findElement(By.id("welcome")).isDisplayed()).isTrue();
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

        register(email.toUpperCase(), "a different password");

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
        register(email, PASSWORD);
        awaitPath("/");
        browser.driver().findElement(By.id("logout:submit")).click();
        awaitPath("/login");
    }

    private void register(String email, String password) {
        open("/register");
        WebDriver driver = browser.driver();
        driver.findElement(By.id("registration:email")).sendKeys(email);
        driver.findElement(By.id("registration:password")).sendKeys(password);
        driver.findElement(By.id("registration:confirmation")).sendKeys(password);
        submitAndAwaitNextPage(By.id("registration"), By.id("registration:submit"));
    }

    private void login(String email, String password) {
        if (!browser.driver().getCurrentUrl().endsWith("/login")) {
            open("/login");
        }
        WebDriver driver = browser.driver();
        driver.findElement(By.id("login:email")).clear();
        driver.findElement(By.id("login:email")).sendKeys(email);
        driver.findElement(By.id("login:password")).sendKeys(password);
        submitAndAwaitNextPage(By.id("login"), By.id("login:submit"));
    }

    /** Clicks and waits until the old page is gone, so that no assertion reads the previous page. */
    private void submitAndAwaitNextPage(By form, By button) {
        WebElement oldForm = browser.driver().findElement(form);
        browser.driver().findElement(button).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(oldForm));
    }

    private String messages() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")))
                .getText();
    }

    private void open(String path) {
        browser.driver().get(base.toString().replaceAll("/$", "") + path);
    }

    private void awaitPath(String path) {
        String expected = base.toString().replaceAll("/$", "") + path;
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(expected));
    }

    private static List<String> contentSecurityViolations(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }
}
