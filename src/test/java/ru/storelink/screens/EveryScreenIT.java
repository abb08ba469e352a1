package ru.storelink.screens;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.Simulators;
import ru.storelink.testsupport.Browser;
import ru.storelink.testsupport.PastHealth;
import ru.storelink.testsupport.TestData;

/**
 * Every page on a phone (390 × 844) and on a desktop (1280 × 800), as an owner with both services connected
 * and a month of history sees them: nothing wider than the screen, a screenshot of each under
 * target/screenshots/screens, and Deque's axe-core finding no serious or critical violation (WCAG 2.1 A and
 * AA rules). What axe found of lesser impact is written to target/screenshots/screens/axe.txt.
 */
@ExtendWith({ArquillianExtension.class, Simulators.class})
@RunAsClient
class EveryScreenIT {

    private static final Path SHOTS = Path.of(System.getProperty("storelink.screenshots", "target/screenshots"), "screens");

    /** The sizes of the issue: a common phone, and a laptop. */
    private static final Map<String, int[]> SIZES = Map.of("phone", new int[] {390, 844}, "desktop", new int[] {1280, 800});

    private static final List<String> SIGNED_OUT = List.of("/login", "/register");
    /** The error pages too: 404, and 500 from a test-only page that fails (400, 403 and «expired» are the same template). */
    private static final List<String> SIGNED_IN = List.of("/connections", "/connections/add", "/evotor", "/vk", "/notifications",
            "/no-such-page", "/test-support/fail");

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void onAPhone() throws IOException {
        everyPageAt("phone");
    }

    @Test
    void onADesktop() throws IOException {
        everyPageAt("desktop");
    }

    @Test
    void onAPhoneTheNavbarFoldsIntoAMenuThatOpensAndCloses() {
        WebDriver driver = browser.driver();
        resize(driver, SIZES.get("phone"));
        ownerWithAPast();
        browser.open("/connections");

        WebElement toggle = driver.findElement(By.id("menu-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
        assertThat(driver.findElement(By.id("nav-notifications")).isDisplayed()).as("folded").isFalse();
        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(driver.findElement(By.id("nav-notifications")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("logout:submit")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("nav-notifications")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
        toggle.click();
        assertThat(driver.findElement(By.id("nav-notifications")).isDisplayed()).isFalse();

        resize(driver, SIZES.get("desktop"));
        assertThat(driver.findElement(By.id("menu-toggle")).isDisplayed()).as("no menu on a desktop").isFalse();
        assertThat(driver.findElement(By.id("nav-notifications")).isDisplayed()).isTrue();
    }

    @Test
    void theStripShowsTheMonthDayByDayInColourAndInWords() {
        WebDriver driver = browser.driver();
        ownerWithAPast();
        browser.open("/connections");

        List<WebElement> days = driver.findElements(By.cssSelector("#strip-evotor .strip-day"));
        assertThat(days).hasSize(30);
        assertThat(days.subList(0, 9)).as("before it was connected").allSatisfy(day -> assertThat(day.getAttribute("class")).contains("day-unknown"));
        assertThat(days.get(9).getAttribute("title")).contains("работало 100 % времени");
        long red = days.stream().filter(day -> day.getAttribute("class").contains("day-down")).count();
        assertThat(red).as("the outage and the reconnect (each may touch two days near midnight)").isBetween(2L, 4L);
        assertThat(days.get(29).getAttribute("title")).contains("сегодня");
        assertThat(days.get(29).findElement(By.cssSelector(".sr-only")).getAttribute("textContent"))
                .isEqualTo(days.get(29).getAttribute("title"));
        String availability = driver.findElement(By.id("strip-evotor-availability")).getText();
        assertThat(availability).matches("99,\\d % за 30 дней");
        assertThat(driver.findElements(By.cssSelector("#strip-vk .strip-day"))).hasSize(30);

        browser.open("/evotor");
        List<WebElement> incidents = driver.findElements(By.cssSelector("#incidents li"));
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(0).getText()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d.*, 2 ч — Требовалось переподключение");
        assertThat(incidents.get(1).getText()).matches("\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d.*, 47 мин — Эвотор был недоступен");
        assertThat(driver.findElement(By.id("strip-availability")).getText()).isEqualTo(availability);

        browser.open("/evotor?incidents-before=%3Cscript%3E");
        assertThat(driver.findElement(By.id("incidents-refused")).getText())
                .isEqualTo("Ссылка на страницу сбоев неверна или устарела — показаны последние сбои.");
        assertThat(driver.findElements(By.cssSelector("#incidents li"))).hasSize(2);
        browser.open("/evotor?incidents-before=1");
        assertThat(driver.findElement(By.id("no-incidents")).getText()).isEqualTo("Сбоев не было.");
        assertThat(driver.findElement(By.id("incidents-newest")).getAttribute("href")).endsWith("/evotor#reliability");
    }

    private void everyPageAt(String size) throws IOException {
        WebDriver driver = browser.driver();
        resize(driver, SIZES.get(size));
        List<String> findings = new ArrayList<>();
        for (String page : SIGNED_OUT) {
            findings.addAll(check(page, size));
        }
        ownerWithAPast();
        for (String page : SIGNED_IN) {
            findings.addAll(check(page, size));
        }
        assertThat(findings).as("pages wider than the screen, or serious and critical axe violations").isEmpty();
    }

    /** @return what is wrong with the page at this size */
    private List<String> check(String page, String size) throws IOException {
        WebDriver driver = browser.driver();
        browser.open(page);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        List<String> wrong = new ArrayList<>();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        if (scrollWidth > innerWidth) {
            wrong.add(page + " at " + size + ": " + scrollWidth + " px wide in a " + innerWidth + " px window");
        }
        Files.createDirectories(SHOTS);
        String name = size + "-" + (page.substring(1).replace('/', '-'));
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze(driver);
        List<String> lines = new ArrayList<>();
        for (Rule rule : axe.getViolations()) {
            String line = page + " at " + size + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getNodes().size()
                    + " element(s), first " + rule.getNodes().get(0).getTarget() + ")";
            lines.add(line);
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                wrong.add(line);
            }
        }
        lines.add(page + " at " + size + ": " + axe.getPasses().size() + " rules passed, " + axe.getViolations().size() + " violated");
        Files.write(SHOTS.resolve("axe.txt"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return wrong;
    }

    private void ownerWithAPast() {
        String email = TestData.uniqueEmail("screens");
        browser.register(email, "correct horse battery");
        browser.awaitPath("/connections");
        Simulators.evotor().nextAccountHasStores(new Store("s-1", "Чайная", "Москва"));
        browser.open("/evotor/connect");
        browser.awaitPath("/connections");
        browser.open("/vk/connect");
        browser.awaitPath("/connections");
        PastHealth.giveEvotorAPast(email);
    }

    private static void resize(WebDriver driver, int[] size) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", size[0] < 600));
    }
}
