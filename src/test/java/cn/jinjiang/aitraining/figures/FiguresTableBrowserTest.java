package cn.jinjiang.aitraining.figures;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The figures table in Chromium: the filter form puts its state in the URL, sorting by a header, axe clean in both languages. */
class FiguresTableBrowserTest {
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
    void filterFormSortHeaderAndAccessibilityInBothLanguages() {
        var driver = browser.driver();
        browser.size(1366, 768);
        driver.get(app.baseUrl() + "/figures?lang=zh");
        new Select(driver.findElement(By.id("figure-category"))).selectByValue("ai-learning");
        driver.findElement(By.id("figure-q")).sendKeys("讲座");
        driver.findElement(By.cssSelector("#figure-filter button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("category=ai-learning"));
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("q=%E8%AE%B2%E5%BA%A7"), url);
        List<String> keys = driver.findElements(By.cssSelector("table.figures-table tbody tr"))
                .stream().map(r -> r.getAttribute("data-key")).toList();
        assertEquals(List.of("ai-lectures", "ai-headline-lectures-2025"), keys);
        assertAxeClean("figures filtered zh");

        WebElement valueHeader = driver.findElement(By.xpath("//table[contains(@class,'figures-table')]//thead//th[2]/a"));
        valueHeader.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=value"));
        assertEquals(List.of("ai-headline-lectures-2025", "ai-lectures"),
                driver.findElements(By.cssSelector("table.figures-table tbody tr")).stream().map(r -> r.getAttribute("data-key")).toList(),
                "2 talks before 6 lectures");
        assertEquals("ascending", driver.findElement(By.xpath("//table[contains(@class,'figures-table')]//thead//th[2]")).getAttribute("aria-sort"));

        driver.get(app.baseUrl() + "/figures?lang=en&qualifier=over&sort=-as_of");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(2, driver.findElements(By.cssSelector("table.figures-table tbody tr")).size());
        assertAxeClean("figures filtered en");
        driver.get(app.baseUrl() + "/?lang=en&kind=lecture#events");
        assertAxeClean("dashboard with the events filter en");
    }

    private void assertAxeClean(String where) {
        List<String> serious = new AxeBuilder().analyze(browser.driver()).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertEquals(List.of(), serious, "axe-core on " + where);
    }
}
