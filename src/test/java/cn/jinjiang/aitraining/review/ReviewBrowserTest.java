package cn.jinjiang.aitraining.review;

import static cn.jinjiang.aitraining.review.ReviewAccounts.PASSWORD;
import static cn.jinjiang.aitraining.review.ReviewAccounts.requireReview;
import static cn.jinjiang.aitraining.review.ReviewAccounts.setRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.Role;
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
import org.openqa.selenium.WebElement;

/**
 * The review path in headless Chromium: an editor corrects a figure and is told it awaits review;
 * the public JSON keeps the old value; a publisher signs in, sees "1 项待审核", reads the diff and
 * approves; the new value is public. Screenshots at 1366 and 390 px wide go to target/screenshots.
 */
class ReviewBrowserTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        requireReview(app.signedIn(), true);
        setRole(app, "ed", Role.EDITOR);
        setRole(app, "pub", Role.PUBLISHER);
        browser = Browser.start(Files.createDirectories(folder.resolve("profile")),
                Files.createDirectories(folder.resolve("downloads")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    private static String publicLectures() {
        return app.cookielessClient().get("/api/figures/ai-lectures").body();
    }

    /** Desktop, then phone width, then back. */
    private static void screenshots(String name) {
        browser.size(1366, 768);
        browser.screenshot(name + "-desktop");
        browser.size(390, 844);
        browser.screenshot(name + "-phone");
        browser.size(1366, 768);
    }

    @Test
    @Timeout(240)
    void anEditorProposesAndAPublisherApproves() {
        var driver = browser.driver();
        browser.signIn(app.baseUrl() + "/admin?lang=zh", "ed", PASSWORD);
        driver.get(app.baseUrl() + "/admin/figures/ai-lectures");
        driver.findElement(By.id("mode-correction")).click();
        WebElement value = driver.findElement(By.name("value"));
        value.clear();
        value.sendKeys("7");
        driver.findElement(By.name("reason")).sendKeys("浏览器测试：报道为7期");
        driver.findElement(By.id("figure-submit")).click();
        browser.waitFor(d -> d.getCurrentUrl().matches(".*/admin/review/\\d+$"));
        assertTrue(driver.findElement(By.id("awaiting-review")).getText().contains("发布员批准后"));
        assertTrue(publicLectures().contains("\"value\":6"), "still the published value");
        screenshots("review-awaiting");
        driver.findElement(By.id("logout")).click();
        browser.waitFor(d -> !d.getCurrentUrl().contains("/admin/review"));

        browser.signIn(app.baseUrl() + "/admin", "pub", PASSWORD);
        WebElement waiting = driver.findElement(By.cssSelector("#review-waiting a"));
        assertEquals("1 项待审核", waiting.getText());
        waiting.click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/review"));
        WebElement card = driver.findElement(By.cssSelector("article.review-card[data-status=pending]"));
        assertTrue(card.getText().contains("浏览器测试：报道为7期"), card.getText());
        assertTrue(card.findElement(By.cssSelector("table.review-diff")).getText().contains("数值"));
        assertNoSeriousViolations("review list");
        screenshots("review-list");

        card.findElement(By.cssSelector("form.review-approve textarea")).sendKeys("已核对报纸原文");
        card.findElement(By.cssSelector("form.review-approve button")).click();
        browser.waitFor(d -> !d.findElements(By.id("flash")).isEmpty());
        assertTrue(driver.findElement(By.id("flash")).getText().contains("已批准并发布"));
        assertTrue(publicLectures().contains("\"value\":7"), "published once approved");
        screenshots("review-approved");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @SuppressWarnings("deprecation") // legacy mode is deprecated in axe-core but still the reliable one here
    private static void assertNoSeriousViolations(String where) {
        List<String> serious = new AxeBuilder().setLegacyMode(true).analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
