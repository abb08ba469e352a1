package ru.storelink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for browser tests, one per test, closed afterwards; when a test fails its last
 * screen is saved under target/screenshots. Register with {@code @RegisterExtension}.
 */
public final class Browser implements AfterEachCallback {

    private WebDriver driver;

    public WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    public void open(String path) {
        driver().get(TestServer.baseUrl().toString().replaceAll("/$", "") + path);
    }

    public void awaitPath(String path) {
        String expected = TestServer.baseUrl().toString().replaceAll("/$", "") + path;
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(expected));
    }

    /**
     * Clicks and waits until a new document has loaded, so that no assertion reads the previous page. The old
     * document is marked first; the wait ends when the marker is gone and the new one is complete.
     */
    public void submitAndAwaitNextPage(By form, By button) {
        JavascriptExecutor js = (JavascriptExecutor) driver();
        js.executeScript("document.documentElement.setAttribute('data-old-page', 'yes')");
        driver().findElement(form).findElement(button).click();
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(d -> {
            try {
                return Boolean.TRUE.equals(js.executeScript("return document.readyState === 'complete'"
                        + " && !document.documentElement.hasAttribute('data-old-page')"));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }

    public void register(String email, String password) {
        open("/register");
        fillRegistration(email, password);
    }

    /** Fills in and submits the registration page already open. */
    public void fillRegistration(String email, String password) {
        driver().findElement(By.id("registration:email")).sendKeys(email);
        driver().findElement(By.id("registration:password")).sendKeys(password);
        driver().findElement(By.id("registration:confirmation")).sendKeys(password);
        submitAndAwaitNextPage(By.id("registration"), By.id("registration:submit"));
    }

    /** Console messages about blocked content: the Content-Security-Policy must never block our own scripts. */
    public List<String> contentSecurityViolations() {
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("storelink.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--lang=ru");
        // Console messages, so tests can prove the Content-Security-Policy blocked nothing of ours.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                saveScreenshot(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        } finally {
            driver.quit();
            driver = null;
        }
    }

    private void saveScreenshot(String name) {
        try {
            Path folder = Path.of(System.getProperty("storelink.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
