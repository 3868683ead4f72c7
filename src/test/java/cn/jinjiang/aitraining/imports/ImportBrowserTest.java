package cn.jinjiang.aitraining.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** An admin imports an .xlsx in Chromium: the unusual row is marked, applying needs the tick. */
class ImportBrowserTest {
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
    void anUnusualValueIsMarkedAndAppliedOnlyOnceTicked() throws IOException {
        Path xlsx = folder.resolve("lectures.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            List<String> header = List.of("key", "label_zh", "label_en", "category", "value", "unit", "qualifier", "period",
                    "as_of", "source", "source_date", "quote");
            List<String> row = List.of("ai-lectures", "AI专题辅导讲座", "AI lectures", "ai-learning", "", "期", "exact",
                    "2025年以来", "2025/9/30", "晋江经济报", "2025年9月30日", "举办专题辅导讲座60期");
            for (int i = 0; i < header.size(); i++) {
                ws.value(0, i, header.get(i));
                if (i == 4) ws.value(1, i, new BigDecimal(60));
                else ws.value(1, i, row.get(i));
            }
            wb.finish();
        }

        var driver = browser.driver();
        browser.signIn(app.baseUrl() + "/admin/import?lang=zh", USER, PASSWORD);
        driver.get(app.baseUrl() + "/admin/import");
        driver.findElement(By.id("file")).sendKeys(xlsx.toAbsolutePath().toString());
        driver.findElement(By.id("import-submit")).click();
        waitFor(d -> !d.findElements(By.id("import-apply-form")).isEmpty());
        String warning = driver.findElement(By.cssSelector("tr[data-key=ai-lectures] .unusual-warning")).getText();
        assertTrue(warning.contains("相差10倍以上"), warning);
        assertNoSeriousViolations("import preview");
        browser.screenshot("admin-import-preview-unusual-desktop");

        driver.findElement(By.id("reason")).sendKeys("2025年9月30日报道");
        driver.findElement(By.id("import-apply")).click();
        waitFor(d -> !d.findElements(By.id("import-unusual")).isEmpty());
        assertTrue(driver.findElement(By.id("import-unusual")).getText().contains("未导入任何内容"));
        assertTrue(app.client().get("/api/figures/ai-lectures").body().contains("\"value\":6,"), "nothing applied yet");
        assertNoSeriousViolations("import preview refused");
        browser.size(390, 844);
        browser.screenshot("admin-import-preview-unusual-phone");
        browser.size(1366, 768);

        driver.findElement(By.cssSelector("label[for=confirm_unusual]")).click();
        driver.findElement(By.id("import-apply")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));
        String json = app.client().get("/api/figures/ai-lectures").body();
        assertTrue(json.contains("\"value\":60,"), json);
        assertTrue(json.contains("\"as_of\":\"2025-09-30\""), json);
        // the one expected: Chromium logs the unconfirmed apply's 422 as a failed load
        assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("status of 422")).toList());
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        browser.waitFor(condition);
    }

    private void assertNoSeriousViolations(String where) {
        List<String> serious = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
