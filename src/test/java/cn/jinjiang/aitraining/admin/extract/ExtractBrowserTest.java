package cn.jinjiang.aitraining.admin.extract;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 10's path in headless Chromium: paste the follow-up report, tick, review once, save, see the dashboard. */
class ExtractBrowserTest {
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
    @Timeout(240)
    void pasteTickReviewOnceSaveAndSeeTheDashboardInBothLanguages() {
        WebDriver driver = browser.driver();
        driver.get(app.baseUrl() + "/admin?lang=zh");
        waitFor(d -> d.getCurrentUrl().contains("/admin/login"));
        driver.findElement(By.name("username")).sendKeys(USER);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/admin"));

        driver.get(app.baseUrl() + "/admin/extract");
        // typed as a paste would put it: the whole text at once
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("text")), FollowUpReportTest.REPORT);
        driver.findElement(By.id("date")).sendKeys("2025-09-30");
        driver.findElement(By.id("extract-submit")).click();
        waitFor(d -> !d.findElements(By.id("extract-pick-form")).isEmpty());
        assertNoSeriousViolations("extract page with candidates");
        browser.screenshot("admin-extract-candidates");

        WebElement activities = candidate("112场");
        assertEquals("ai-learning-activities", activities.findElement(By.cssSelector("input.target-input")).getAttribute("value"));
        assertEquals("", candidate("约3200名").findElement(By.cssSelector("input.target-input")).getAttribute("value"));
        driver.findElement(By.cssSelector("#other-kinds summary")).click(); // dates are listed with the other kinds
        for (String span : List.of("112场", "约3200名", "9月26日")) {
            candidate(span).findElement(By.cssSelector("input[name=keep]")).click();
        }
        driver.findElement(By.id("extract-review")).click();
        waitFor(d -> !d.findElements(By.id("extract-apply-form")).isEmpty());
        assertEquals(3, driver.findElements(By.cssSelector("fieldset.review-item")).size());
        assertEquals("2025年以来", reviewField("112场", "period").getAttribute("value"));
        assertEquals("2025 year to date", reviewField("112场", "period_en").getAttribute("value"));
        reviewField("约3200名", "label_zh").clear();
        reviewField("约3200名", "label_zh").sendKeys("参加AI知识测试的干部");
        reviewField("约3200名", "label_en").sendKeys("Officials who sat the AI knowledge test");
        reviewField("约3200名", "period").sendKeys("2025年9月");
        reviewField("约3200名", "period_en").sendKeys("September 2025");
        reviewField("9月26日", "title_en").sendKeys("Jinjiang holds its first AI skills contest for officials");
        driver.findElement(By.id("source_headline")).sendKeys("晋江AI赋能干部培训再上新台阶");
        driver.findElement(By.id("reason")).sendKeys("浏览器测试：9月30日的后续报道");
        assertNoSeriousViolations("review form");
        browser.screenshot("admin-extract-review");
        int auditBefore = count("audit_entry");
        int figuresBefore = count("figure");
        int eventsBefore = count("event");
        // a double click on Save sends the form twice
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(driver.findElement(By.id("extract-apply"))).perform();
        waitFor(d -> !d.findElements(By.id("saved-list")).isEmpty());
        String saved = driver.findElement(By.id("saved-list")).getText();
        assertTrue(saved.contains("AI学习活动"), saved);
        assertTrue(saved.contains("参加AI知识测试的干部"), saved);
        assertTrue(saved.contains("晋江举办首届干部AI应用技能大赛"), saved);
        assertTrue(driver.getCurrentUrl().matches(".*/admin/extract/saved/[0-9a-f]{32}(\\?again=yes)?"),
                "post/redirect/get: " + driver.getCurrentUrl());
        assertEquals(auditBefore + 3, count("audit_entry"), "a double click saves once");
        assertEquals(figuresBefore + 1, count("figure"));
        assertEquals(eventsBefore + 1, count("event"));

        driver.get(app.baseUrl() + "/?lang=zh");
        assertEquals("112场", driver.findElement(By.cssSelector("li.card[data-key='ai-learning-activities'] .card-value")).getText());
        driver.get(app.baseUrl() + "/?lang=en");
        String period = driver.findElement(By.cssSelector("li.card[data-key='ai-learning-activities'] .card-period")).getText();
        assertEquals("2025 year to date", period);
        assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }

    private static int count(String table) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private WebElement candidate(String span) {
        for (WebElement row : browser.driver().findElements(By.cssSelector("tr.candidate"))) {
            if (span.equals(row.findElement(By.cssSelector("label.candidate-span")).getAttribute("textContent"))) return row;
        }
        throw new AssertionError("no candidate " + span);
    }

    private WebElement reviewField(String span, String field) {
        for (WebElement row : browser.driver().findElements(By.cssSelector("fieldset.review-item"))) {
            if (row.findElement(By.cssSelector("legend strong")).getText().equals(span)) {
                return row.findElement(By.name(field + "_" + row.getAttribute("data-index")));
            }
        }
        throw new AssertionError("no review row " + span);
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(condition::apply);
    }

    private void assertNoSeriousViolations(String where) {
        List<String> serious = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
