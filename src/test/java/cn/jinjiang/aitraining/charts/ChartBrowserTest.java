package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Charts as a reader sees them in headless Chromium, on the dashboard and on each chart's page, at
 * phone and desktop widths: every canvas drawn, no two labels overlapping (the boxes of the value
 * labels the page draws and of the axis labels Chart.js lays out), no serious accessibility
 * problem, and the server's PNG download with its title in place.
 */
class ChartBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        // Two more kinds of chart, so the line and number types are drawn too.
        ChartService charts = app.services().charts();
        charts.create(charts.validate(ChartForm.read(k -> switch (k) {
            case "slug" -> "lectures-history";
            case "type" -> "line";
            case "figures" -> "ai-lectures, ai-learning-activities";
            case "title_zh" -> "专题辅导讲座{ai-lectures}";
            case "title_en" -> "{ai-lectures} so far";
            case "caption_zh" -> "历次报道的数值。";
            case "caption_en" -> "Values as reported.";
            default -> "";
        }), java.util.Optional.empty()).definition(), "browser test", "editor");
        charts.create(charts.validate(ChartForm.read(k -> switch (k) {
            case "slug" -> "money";
            case "type" -> "vbar";
            case "figures" -> "ai-scenario-investment";
            case "title_zh" -> "场景项目总投资{ai-scenario-investment}";
            case "title_en" -> "{ai-scenario-investment} invested";
            case "caption_zh" -> "累计总投资。";
            case "caption_en" -> "Total investment.";
            default -> "";
        }), java.util.Optional.empty()).definition(), "browser test", "editor");
        // A second report for each line: one in another period (the line breaks), one in the same.
        var admin = app.signedIn();
        report(admin, "ai-lectures", "9", "2025-06-30", "累计", "cumulative");
        report(admin, "ai-learning-activities", "80", "2025-06-30", "2025年以来", "2025 year to date");
        browser = Browser.start(Files.createDirectories(folder.resolve("profile")),
                Files.createDirectories(folder.resolve("downloads")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    @Test
    @Timeout(300)
    void everyChartIsDrawnWithoutOverlappingLabelsOnPhoneAndDesktop() throws Exception {
        List<String> pages = List.of("/", "/charts/ai-learning", "/charts/reach", "/charts/capacity", "/charts/timeline",
                "/charts/lectures-history", "/charts/money");
        for (int width : new int[] {1366, 390}) {
            browser.size(width, width > 800 ? 900 : 844);
            for (String lang : List.of("zh", "en")) {
                for (String page : pages) {
                    browser.driver().get(app.baseUrl() + page + "?lang=" + lang);
                    List<WebElement> canvases = waitForCharts();
                    for (WebElement canvas : canvases) {
                        String where = page + " " + lang + " " + width + "px " + canvas.getAttribute("aria-label");
                        assertTrue(hasInk(canvas), "drawn: " + where);
                        assertNoOverlaps(canvas, where);
                    }
                    assertEquals(List.of(), browser.consoleErrors(), page);
                }
                browser.driver().get(app.baseUrl() + "/charts/reach?lang=" + lang);
                waitForCharts();
                browser.screenshot("chart-reach-" + lang + "-" + width);
                browser.driver().get(app.baseUrl() + "/charts/lectures-history?lang=" + lang);
                waitForCharts();
                browser.screenshot("chart-line-" + lang + "-" + width);
                browser.driver().get(app.baseUrl() + "/charts/timeline?lang=" + lang);
                waitForCharts();
                browser.screenshot("chart-timeline-" + lang + "-" + width);
            }
            browser.driver().get(app.baseUrl() + "/?lang=zh");
            waitForCharts();
            browser.screenshot("dashboard-charts-zh-" + width);
        }
        browser.size(1366, 900);
    }

    @Test
    @Timeout(180)
    void chartPagesHaveNoSeriousAccessibilityProblemsAndTheShareAndEmbedControlsWork() {
        var driver = browser.driver();
        browser.size(1366, 900);
        for (String path : List.of("/charts/reach?lang=zh", "/charts/timeline?lang=en", "/charts/reach/embed?lang=zh")) {
            driver.get(app.baseUrl() + path);
            waitForCharts();
            assertNoSeriousAccessibilityViolations(path);
        }
        driver.get(app.baseUrl() + "/charts/reach?lang=zh");
        waitForCharts();
        WebElement embed = driver.findElement(By.cssSelector("details.embed"));
        assertTrue(!driver.findElement(By.id("embed-code")).isDisplayed(), "the snippet shows on demand");
        embed.findElement(By.tagName("summary")).click();
        assertTrue(driver.findElement(By.id("embed-code")).getAttribute("value").contains("/charts/reach/embed?lang=zh"));
        WebElement share = driver.findElement(By.id("share"));
        assertTrue(share.isDisplayed(), "the Share button shows once JavaScript runs");
        share.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            String text = d.findElement(By.id("share")).getText();
            String focused = (String) driver.executeScript("return document.activeElement && document.activeElement.id;");
            return "链接已复制".equals(text) || "permalink".equals(focused);
        });
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    @Timeout(120)
    void thePngDownloadHasTheTitleWhereItBelongs() throws IOException {
        for (String slug : List.of("reach", "timeline", "lectures-history", "money")) {
            var r = app.cookielessClient().getBytes("/charts/" + slug + ".png?lang=zh");
            assertEquals(200, r.statusCode());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.body()));
            assertEquals(ChartImage.WIDTH * 2, png.getWidth(), slug);
            int row = ChartImage.TITLE_BASELINE * ChartImage.SCALE - 10;
            assertTrue(ChartRoutesTest.darkPixels(png, row - 20, row) > 200, "title drawn: " + slug);
            assertTrue(ChartRoutesTest.darkPixels(png, 0, ChartImage.MARGIN * ChartImage.SCALE - 8) == 0, "margin blank: " + slug);
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            Files.write(out.resolve("download-" + slug + "-zh.png"), r.body());
        }
    }

    private static void report(cn.jinjiang.aitraining.support.WebClient admin, String key, String value, String asOf,
                               String periodZh, String periodEn) {
        java.util.Map<String, String> f = admin.form("/admin/figures/" + key, "figure-form");
        f.put("mode", "report");
        f.put("value", value);
        f.put("as_of", asOf);
        f.put("period", periodZh);
        f.put("period_en", periodEn);
        f.put("source", "晋江新闻网");
        f.put("source_date", asOf);
        f.put("quote", "数值" + value);
        f.put("reason", "new report");
        f.put("confirm_unusual", "yes");
        assertEquals(303, admin.post("/admin/figures/" + key, f).statusCode());
    }

    /** Every label box (value labels and axis labels) pairwise apart, and inside the canvas. */
    private void assertNoOverlaps(WebElement canvas, String where) throws IOException {
        JsonNode boxes = JSON.readTree(canvas.getAttribute("data-label-boxes"));
        long width = ((Number) browser.driver().executeScript("return arguments[0].clientWidth;", canvas)).longValue();
        long height = ((Number) browser.driver().executeScript("return arguments[0].clientHeight;", canvas)).longValue();
        List<JsonNode> all = new ArrayList<>();
        boxes.forEach(all::add);
        assertTrue(!all.isEmpty(), "label boxes reported: " + where);
        // One pixel of slack: the page measures Chart.js's labels again in its own context, and the two
        // measurements of the same text differ by a fraction of a pixel.
        for (JsonNode b : all) {
            assertTrue(b.get("x").asDouble() >= -1 && b.get("x").asDouble() + b.get("w").asDouble() <= width + 1
                            && b.get("y").asDouble() >= -1 && b.get("y").asDouble() + b.get("h").asDouble() <= height + 1,
                    "label inside the chart: " + b + " in " + width + "x" + height + ", " + where);
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertTrue(!overlap(all.get(i), all.get(j)), "labels overlap: " + all.get(i) + " and " + all.get(j) + ", " + where);
            }
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        double tolerance = 0.5;
        return a.get("x").asDouble() + tolerance < b.get("x").asDouble() + b.get("w").asDouble()
                && b.get("x").asDouble() + tolerance < a.get("x").asDouble() + a.get("w").asDouble()
                && a.get("y").asDouble() + tolerance < b.get("y").asDouble() + b.get("h").asDouble()
                && b.get("y").asDouble() + tolerance < a.get("y").asDouble() + a.get("h").asDouble();
    }

    private List<WebElement> waitForCharts() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("canvas[data-chart]"));
            boolean drawn = !all.isEmpty() && all.stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn")));
            return drawn ? all : null;
        });
    }

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

    @SuppressWarnings("deprecation") // legacy mode is deprecated in axe-core but still the reliable one here
    private void assertNoSeriousAccessibilityViolations(String where) {
        Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
