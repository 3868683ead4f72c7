package cn.jinjiang.aitraining.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin's visit in headless Chromium: log in, correct a figure, see it, find it in the audit log, revert it. */
class AdminBrowserTest {
    static final String USER = "editor";
    static final String PASSWORD = "一二三四 correct horse battery";

    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.builder().admin(USER, PASSWORD).start();
        browser = Browser.start(Files.createDirectories(folder.resolve("profile")),
                Files.createDirectories(folder.resolve("downloads")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    @Test
    @Timeout(180)
    void logInCorrectAFigureSeeItOnTheDashboardAndInTheAuditLogThenRevertIt() {
        var driver = browser.driver();
        driver.get(app.baseUrl() + "/admin?lang=zh");
        waitFor(d -> d.getCurrentUrl().contains("/admin/login"));
        driver.findElement(By.name("username")).sendKeys(USER);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        assertNoSeriousViolations("admin home");

        driver.get(app.baseUrl() + "/admin/figures/ai-training-attendance");
        driver.findElement(By.id("mode-correction")).click();
        WebElement value = driver.findElement(By.name("value"));
        value.clear();
        value.sendKeys("9,100");
        driver.findElement(By.name("reason")).sendKeys("浏览器测试：更正数值");
        assertNoSeriousViolations("figure form");
        browser.screenshot("admin-figure-form-desktop");
        browser.size(390, 844);
        browser.screenshot("admin-figure-form-phone");
        browser.size(1366, 768);
        driver.findElement(By.id("figure-submit")).click();
        waitFor(d -> !d.getCurrentUrl().endsWith("/admin/figures/ai-training-attendance")
                || !d.findElements(By.id("flash")).isEmpty());

        driver.get(app.baseUrl() + "/");
        assertEquals("近9,100人次", cardValue("ai-training-attendance"), "the correction shows at once, qualifier kept");

        driver.get(app.baseUrl() + "/admin/audit");
        String audit = driver.findElement(By.tagName("main")).getText();
        assertTrue(audit.contains("浏览器测试：更正数值"), "the reason is in the audit log");
        assertTrue(audit.contains(USER), "who made the change");
        assertNoSeriousViolations("audit log");
        browser.screenshot("admin-audit-desktop");
        WebElement revert = driver.findElement(By.cssSelector("form.revert-form button[type=submit]"));
        revert.click();
        // Undo asks for confirmation first: what will be put back, and a reason.
        waitFor(d -> !d.findElements(By.id("revert-confirm")).isEmpty());
        assertNoSeriousViolations("undo confirmation");
        driver.findElement(By.name("reason")).sendKeys("浏览器测试：撤销");
        driver.findElement(By.id("revert-confirm")).click();
        waitFor(d -> !d.findElements(By.id("flash")).isEmpty());

        driver.get(app.baseUrl() + "/");
        assertEquals("近9,000人次", cardValue("ai-training-attendance"), "the revert restored the reported value");
        assertEquals(List.of(), browser.consoleErrors(), "no console errors in the admin");
    }

    private String cardValue(String key) {
        return browser.driver().findElement(By.cssSelector("li.card[data-key='" + key + "'] .card-value")).getText();
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(condition::apply);
    }

    private void assertNoSeriousViolations(String where) {
        List<String> serious = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
