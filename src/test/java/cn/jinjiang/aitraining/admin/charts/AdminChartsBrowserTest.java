package cn.jinjiang.aitraining.admin.charts;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In headless Chromium: an admin builds a vertical bar chart of two figures, previews it (drawn by
 * the dashboard's chart script, nothing saved), saves it and finds it drawn on the dashboard; the
 * new admin pages have no serious accessibility violation; the form is photographed at phone and
 * desktop widths.
 */
class AdminChartsBrowserTest {
    static final String USER = "editor";
    static final String PASSWORD = "一二三四 correct horse battery";
    static final String SLUG = "lectures-vs-activities";

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
    @Timeout(240)
    void aChartBuiltInTheAdminIsPreviewedThenAppearsOnTheDashboard() {
        var driver = browser.driver();
        browser.signIn(app.baseUrl() + "/admin?lang=zh", USER, PASSWORD);
        driver.findElement(By.id("charts-link")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/charts"));
        assertNoSeriousViolations("chart list");

        driver.findElement(By.id("new-chart")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/charts/new"));
        driver.findElement(By.name("slug")).sendKeys(SLUG);
        new Select(driver.findElement(By.name("type"))).selectByValue("vbar");
        driver.findElement(By.name("figures")).sendKeys("ai-lectures, ai-learning-activities");
        driver.findElement(By.name("title_zh")).sendKeys("AI学习活动{ai-learning-activities}，其中讲座{ai-lectures}");
        driver.findElement(By.name("title_en")).sendKeys("{ai-learning-activities}, {ai-lectures} of them lectures");
        driver.findElement(By.name("caption_zh")).sendKeys("讲座与全部学习活动。");
        driver.findElement(By.name("caption_en")).sendKeys("Lectures and all learning activities.");
        driver.findElement(By.id("chart-preview-button")).click();

        browser.waitFor(d -> !d.findElements(By.cssSelector("#chart-preview canvas[data-drawn=true]")).isEmpty());
        WebElement preview = driver.findElement(By.cssSelector("#chart-preview canvas"));
        assertTrue(hasInk(preview), "the preview is drawn");
        assertEquals("AI学习活动68场，其中讲座6期", driver.findElement(By.id("preview-title")).getText());
        assertTrue(app.services().charts().find(SLUG).isEmpty(), "the preview saved nothing");
        assertNoSeriousViolations("chart form with its preview");
        browser.screenshot("admin-chart-form-desktop");
        browser.size(390, 844);
        browser.screenshot("admin-chart-form-phone");
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
        browser.size(1366, 768);

        driver.findElement(By.name("reason")).sendKeys("浏览器测试：新图表");
        driver.findElement(By.id("chart-submit")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/charts") && !d.findElements(By.id("flash")).isEmpty());

        driver.get(app.baseUrl() + "/?lang=zh");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#chart-" + SLUG + " canvas[data-drawn=true]")).isEmpty());
        assertTrue(hasInk(driver.findElement(By.cssSelector("#chart-" + SLUG + " canvas"))), "drawn on the dashboard");
        assertEquals("AI学习活动68场，其中讲座6期",
                driver.findElement(By.cssSelector("#chart-" + SLUG + " .chart-title")).getText());

        driver.get(app.baseUrl() + "/admin/dashboard?lang=en");
        browser.waitFor(d -> !d.findElements(By.id("site-form")).isEmpty());
        assertNoSeriousViolations("dashboard settings");
        browser.screenshot("admin-dashboard-settings-desktop");
        assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }

    /** True when the canvas has dark pixels: bars, axes or labels, not just the white background. */
    private boolean hasInk(WebElement canvas) {
        Object dark = browser.driver().executeScript("""
                const c = arguments[0];
                const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let dark = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i + 3] > 0 && data[i] < 128 && data[i + 1] < 160) dark++;
                }
                return dark;""", canvas);
        return ((Number) dark).longValue() > 200;
    }

    private void assertNoSeriousViolations(String where) {
        List<String> serious = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
