package cn.jinjiang.aitraining.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: an admin creates an account on the users page, the new editor signs in with the
 * one-time password, lands on the account page and sets their own password. Screenshots at phone
 * (390 px) and desktop (1366 px) width go to target/screenshots.
 */
class AccountBrowserTest {
    static final String ADMIN = "boss";
    static final String ADMIN_PASSWORD = "一二三四 correct horse battery";
    static final String OWN_PASSWORD = "周的新密码 long enough";

    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.builder().admin(ADMIN, ADMIN_PASSWORD).start();
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
    void aNewEditorSetsTheirOwnPasswordOnTheAccountPage() {
        var driver = browser.driver();
        browser.signIn(app.baseUrl() + "/admin?lang=zh", ADMIN, ADMIN_PASSWORD);
        driver.findElement(By.id("nav-users")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/users"));
        driver.findElement(By.id("new-user")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/users/new"));
        driver.findElement(By.name("username")).sendKeys("zhou");
        new Select(driver.findElement(By.name("role"))).selectByValue("editor");
        driver.findElement(By.id("user-submit")).click();
        browser.waitFor(d -> !d.findElements(By.id("one-time-password")).isEmpty());
        String oneTime = driver.findElement(By.id("one-time-password")).getText();
        assertEquals(20, oneTime.length(), oneTime);
        assertNoSeriousViolations("the one-time password page");
        driver.get(app.baseUrl() + "/admin/users");
        assertNoSeriousViolations("users page");
        browser.screenshot("admin-users-desktop");
        browser.size(390, 844);
        browser.screenshot("admin-users-phone");
        browser.size(1366, 768);
        driver.findElement(By.id("logout")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/admin/login"));

        driver.findElement(By.name("username")).sendKeys("zhou");
        driver.findElement(By.name("password")).sendKeys(oneTime);
        driver.findElement(By.id("login-submit")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/account"));
        assertTrue(driver.findElement(By.id("must-change")).isDisplayed(), "the page says why it is here");
        assertNoSeriousViolations("account page, one-time password");
        browser.screenshot("admin-account-one-time-desktop");
        browser.size(390, 844);
        browser.screenshot("admin-account-one-time-phone");
        browser.size(1366, 768);

        // Anything else leads back here.
        driver.get(app.baseUrl() + "/admin/audit");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/account"));

        driver.findElement(By.id("current_password")).sendKeys(oneTime);
        driver.findElement(By.id("new_password")).sendKeys("too short");
        driver.findElement(By.id("password-submit")).click();
        browser.waitFor(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(driver.findElement(By.id("new_password-error")).getText().contains("12"));
        assertNoSeriousViolations("account page with an error");
        // The browser reports the 422 of the refused form as a failed load; that one is expected, nothing else.
        assertTrue(browser.consoleErrors().stream().allMatch(e -> e.contains("/admin/account") && e.contains("422")));

        driver.findElement(By.id("current_password")).sendKeys(oneTime);
        driver.findElement(By.id("new_password")).sendKeys(OWN_PASSWORD);
        driver.findElement(By.id("password-submit")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        assertEquals("密码已修改。你在其他设备上的登录已结束。", driver.findElement(By.id("flash")).getText());

        driver.findElement(By.id("nav-account")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/account"));
        assertEquals(1, driver.findElements(By.cssSelector("#sessions-table tr.current-session")).size());
        assertTrue(driver.findElement(By.id("account-who")).getText().contains("zhou（编辑）"));
        assertNoSeriousViolations("account page");
        browser.screenshot("admin-account-desktop");
        browser.size(390, 844);
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "nothing wider than a phone's screen");
        browser.screenshot("admin-account-phone");
        browser.size(1366, 768);
        assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }

    @SuppressWarnings("deprecation") // legacy mode is deprecated in axe-core but still the reliable one here
    private void assertNoSeriousViolations(String where) {
        // Legacy mode: no helper window on about:blank, whose load times out on a busy machine; the pages have no frames.
        List<String> serious = new AxeBuilder().setLegacyMode(true).analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
