package cn.jinjiang.aitraining.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A viewer's visit in headless Chromium: charts drawn, no console errors, English, a figure, the CSV. */
class DashboardBrowserTest {
    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
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
    void aViewerSeesDrawnChartsSwitchesToEnglishOpensAFigureAndDownloadsTheCsv() throws Exception {
        var driver = browser.driver();
        browser.size(1366, 768);
        driver.get(app.baseUrl() + "/?lang=zh");
        List<WebElement> canvases = waitForCharts();
        assertTrue(canvases.size() >= 3, "at least three charts");
        for (WebElement canvas : canvases) {
            assertTrue(hasInk(canvas), "chart drawn: " + canvas.getAttribute("aria-label"));
        }
        assertEquals(List.of(), browser.consoleErrors(), "no console errors on the dashboard");
        assertEquals("近9,000人次", driver.findElement(
                By.cssSelector("li.card[data-key='ai-training-attendance'] .card-value")).getText());
        assertNoSeriousAccessibilityViolations("dashboard zh");

        driver.findElement(By.cssSelector("a.lang-switch")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForCharts();
        assertEquals("nearly 9,000 attendances", driver.findElement(
                By.cssSelector("li.card[data-key='ai-training-attendance'] .card-value")).getText());
        assertEquals("CNY 277 million", driver.findElement(
                By.cssSelector("li.card[data-key='ai-scenario-investment'] .card-value")).getText());
        assertNoSeriousAccessibilityViolations("dashboard en");

        driver.findElement(By.cssSelector("li.card[data-key='ai-training-attendance'] a.card-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/figures/ai-training-attendance"));
        assertEquals("nearly 9,000 attendances", driver.findElement(By.cssSelector(".figure-value")).getText());
        assertTrue(driver.findElement(By.cssSelector(".figure-quote")).getText().contains("覆盖干部近9000人次"));
        assertNoSeriousAccessibilityViolations("figure page");
        browser.screenshot("figure-page-en-desktop");
        assertEquals(List.of(), browser.consoleErrors(), "no console errors after switching language and opening a figure");

        driver.get(app.baseUrl() + "/");
        driver.findElement(By.cssSelector("a[href='/figures.csv']")).click();
        Path csv = waitForDownload(folder.resolve("downloads"), "ai-training-figures.csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte-order mark");
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\"近9,000人次\""));
    }

    @Test
    @Timeout(180)
    void onAPhoneThePageFitsTheScreenAndChartsStillDraw() {
        var driver = browser.driver();
        browser.size(390, 844);
        driver.get(app.baseUrl() + "/?lang=zh");
        waitForCharts().forEach(c -> assertTrue(hasInk(c)));
        long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Object widest = driver.executeScript("""
                let worst = null;
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > document.documentElement.clientWidth + 1 && (!worst || r.right > worst.r)) {
                    worst = { r: r.right, what: e.tagName + '.' + e.className + '#' + e.id };
                  }
                }
                return worst ? worst.what + ' right=' + worst.r + ' viewport=' + document.documentElement.clientWidth : 'none';""");
        assertTrue(overflow <= 0, "no horizontal scrolling of the page, overflow " + overflow + "px: " + widest);
        browser.screenshot("dashboard-zh-phone");
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        assertTrue(png.length > 10_000);
        assertEquals(List.of(), browser.consoleErrors());
        browser.size(1366, 768);
    }

    private List<WebElement> waitForCharts() {
        var driver = browser.driver();
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("canvas[data-chart]"));
            boolean drawn = !all.isEmpty() && all.stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn")));
            return drawn ? all : null;
        });
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

    private void assertNoSeriousAccessibilityViolations(String where) {
        Results results = new AxeBuilder().analyze(browser.driver());
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(DashboardBrowserTest::describe)
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream().limit(3)
                .map(n -> String.valueOf(n.getTarget())).toList();
    }

    private static Path waitForDownload(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.size(file) > 0) {
                try (Stream<Path> partial = Files.list(dir)) {
                    if (partial.noneMatch(p -> p.toString().endsWith(".crdownload"))) return file;
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(dir)) {
            throw new AssertionError("no download of " + name + "; found " + files.toList());
        }
    }
}
