package cn.jinjiang.aitraining.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * /changes and a corrected figure's page in headless Chromium, on a phone (390 px) and a desktop
 * (1366 px): no serious axe-core violation, nothing wider than the screen, the correction marked,
 * and a screenshot of each under target/screenshots for people to look at.
 */
class ChangesBrowserTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        WebClient admin = app.signedIn();
        Map<String, String> correction = admin.form("/admin/figures/ai-lectures", "figure-form");
        correction.put("mode", "correction");
        correction.put("value", "7");
        correction.put("reason", "typo");
        correction.put("public_note", "更正：原录入有误，专题辅导讲座应为7期");
        assertEquals(303, admin.post("/admin/figures/ai-lectures", correction).statusCode());
        Map<String, String> report = admin.form("/admin/figures/ai-training-attendance", "figure-form");
        report.put("mode", "report");
        report.put("value", "9500");
        report.put("as_of", "2025-09-30");
        report.put("source", "晋江新闻网");
        report.put("source_date", "2025-09-30");
        report.put("quote", "覆盖干部9500人次");
        report.put("reason", "monthly");
        report.put("public_note", "据2025年9月30日报道更新");
        assertEquals(303, admin.post("/admin/figures/ai-training-attendance", report).statusCode());
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
    void theRecordOfChangesOnAPhoneAndADesktop() {
        var driver = browser.driver();
        for (int width : List.of(390, 1366)) {
            browser.size(width, width == 390 ? 844 : 768);
            for (String lang : List.of("zh", "en")) {
                driver.get(app.baseUrl() + "/changes?lang=" + lang);
                browser.waitFor(d -> !d.findElements(By.cssSelector("ol.change-list > li")).isEmpty());
                assertEquals(2, driver.findElements(By.cssSelector("ol.change-list > li")).size());
                assertEquals(lang.equals("zh") ? "更正" : "Correction",
                        driver.findElement(By.cssSelector("li.change-correction .change-kind")).getText());
                assertFitsTheScreen(width, "/changes?lang=" + lang);
                assertNoSeriousViolations("/changes?lang=" + lang + " at " + width + " px");
                browser.screenshot("changes-" + lang + "-" + width);
            }
            driver.findElement(By.cssSelector("li.change-correction .change-subject a")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("/figures/ai-lectures"));
            assertTrue(driver.findElement(By.cssSelector("ol.figure-record li.change-correction .change-replaced"))
                    .getText().contains("6"), "the replaced value");
            assertFitsTheScreen(width, "/figures/ai-lectures");
            assertNoSeriousViolations("/figures/ai-lectures at " + width + " px");
            browser.screenshot("figure-record-" + width);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    private static void assertFitsTheScreen(int width, String where) {
        Number scroll = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth;");
        assertTrue(scroll.intValue() <= width, where + " is " + scroll + " px wide at " + width + " px");
    }

    @SuppressWarnings("deprecation") // legacy mode is deprecated in axe-core but still the reliable one here
    private static void assertNoSeriousViolations(String where) {
        // Legacy mode, as PhoneAndPrintBrowserTest: no helper window on about:blank, whose load timed out on a
        // busy machine (seen here under a load average of 35); the pages have no frames.
        List<String> serious = new AxeBuilder().setLegacyMode(true).analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
