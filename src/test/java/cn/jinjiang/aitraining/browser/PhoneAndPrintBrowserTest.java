package cn.jinjiang.aitraining.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages on a phone (390 px) and a desktop (1366 px), and printed on A4: nothing wider than
 * the screen, no squeezed table cells, charts with their captions below them on paper.
 */
class PhoneAndPrintBrowserTest {
    /** Every kind of public page, in both languages: dashboard, figures (one with a history), 404, sign-in. */
    static final List<String> PUBLIC_PAGES = List.of(
            "/?lang=zh", "/?lang=en",
            "/figures/ai-learning-activities?lang=zh", "/figures/ai-lectures?lang=zh", "/figures/ai-lectures?lang=en",
            "/figures/ai-scenario-investment?lang=en",
            "/no-such-page?lang=zh", "/admin/login?lang=zh", "/admin/login?lang=en");

    @TempDir
    static Path folder;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        // Two more reports, so ai-lectures has a history chart and a history table of three long rows.
        WebClient admin = app.signedIn();
        report(admin, "8", "2025-06-30", "截至6月底，晋江市已举办AI专题辅导讲座8期，覆盖全市各镇街和市直单位的干部，线上线下同步开展");
        report(admin, "9", "2025-07-31", "截至7月底，晋江市AI专题辅导讲座累计达9期，内容涵盖大模型应用、数据安全和政务服务场景");
        browser = Browser.start(Files.createDirectories(folder.resolve("profile")),
                Files.createDirectories(folder.resolve("downloads")));
    }

    private static void report(WebClient admin, String value, String asOf, String quote) {
        Map<String, String> form = admin.form("/admin/figures/ai-lectures", "figure-form");
        form.put("mode", "report");
        form.put("value", value);
        form.put("as_of", asOf);
        form.put("source", "晋江新闻网");
        form.put("source_date", asOf);
        form.put("quote", quote);
        form.put("reason", "monthly report");
        assertEquals(303, admin.post("/admin/figures/ai-lectures", form).statusCode());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    @Test
    @Timeout(300)
    void everyPublicPageFitsAPhoneAndADesktopWithoutSqueezedCells() {
        for (int width : new int[] {390, 1366}) {
            browser.size(width, width < 500 ? 844 : 768);
            for (String page : PUBLIC_PAGES) {
                String where = page + " at " + width + " px";
                open(page);
                Map<?, ?> fit = (Map<?, ?>) browser.driver().executeScript(
                        "return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth };");
                long scroll = ((Number) fit.get("scroll")).longValue();
                long inner = ((Number) fit.get("inner")).longValue();
                assertTrue(scroll <= inner, where + ": scrollWidth " + scroll + " > innerWidth " + inner + ", widest: " + widest());
                assertEquals(List.of(), narrowCells(), where + ": visible table cells narrower than 60 px");
                assertEquals(List.of(), seriousViolations(), where + ": axe-core serious or critical");
                browser.screenshot("public" + page.replaceAll("[^A-Za-z0-9]+", "-") + "-" + width);
            }
        }
        assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("404")).toList());
        browser.size(1366, 768);
    }

    @Test
    @Timeout(120)
    void onAPhoneTablesAreStackedRowsWithEachCellsColumnName() {
        browser.size(390, 844);
        open("/figures/ai-lectures?lang=zh");
        List<WebElement> cells = browser.driver().findElements(By.cssSelector(".history-table tbody td"));
        assertEquals(15, cells.size(), "three observations of five columns");
        for (WebElement cell : cells) {
            String before = (String) browser.driver().executeScript(
                    "return getComputedStyle(arguments[0], '::before').content;", cell);
            assertTrue(before.length() > 2 && !before.equals("none"), "cell shows its column name: " + before);
            assertTrue(cell.getRect().getWidth() > 300, "a stacked cell spans the row: " + cell.getRect().getWidth());
        }
        String quote = (String) browser.driver().executeScript(
                "return getComputedStyle(document.querySelector('.history-table tbody td.history-quote'), '::before').content;");
        assertEquals("\"原文\"", quote);
        open("/?lang=zh");
        String source = (String) browser.driver().executeScript(
                "return getComputedStyle(document.querySelector('.figures-table tbody td:last-child'), '::before').content;");
        assertEquals("\"来源\"", source, "the all-figures table names its cells too");
        browser.size(1366, 768);
    }

    @Test
    @Timeout(180)
    void inPrintNoChartCoversItsCaptionAndChartsUseTheFullWidth() {
        browser.size(1366, 768);
        for (String page : List.of("/?lang=zh", "/?lang=en", "/figures/ai-lectures?lang=zh")) {
            open(page);
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                List<?> problems = (List<?>) browser.driver().executeScript("""
                        const problems = [];
                        const main = document.querySelector('main').getBoundingClientRect();
                        for (const chart of document.querySelectorAll('figure.chart')) {
                          const canvas = chart.querySelector('canvas').getBoundingClientRect();
                          if (canvas.width < main.width * 0.95) problems.push(chart.id + ' canvas ' + canvas.width + ' of ' + main.width);
                          for (const p of chart.querySelectorAll('figcaption p, figcaption')) {
                            const r = p.getBoundingClientRect();
                            if (r.height === 0) continue;
                            const overlaps = r.top < canvas.bottom && r.bottom > canvas.top && r.left < canvas.right && r.right > canvas.left;
                            if (overlaps || r.top < canvas.bottom) problems.push(chart.id + ': ' + p.className + ' at ' + r.top + ' not below the canvas ending at ' + canvas.bottom);
                          }
                        }
                        if (getComputedStyle(document.querySelector('.print-header')).display === 'none') problems.push('no print header');
                        return problems;""");
                assertEquals(List.of(), problems, page);
            } finally {
                browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            }
        }
    }

    @Test
    @Timeout(240)
    void printedOnA4EveryCaptionTheHeaderAndTheDownloadAddressesAreInThePdf() throws Exception {
        browser.size(1366, 768);
        for (String page : List.of("/?lang=zh", "/?lang=en", "/figures/ai-lectures?lang=zh")) {
            open(page);
            List<String> captions = browser.driver().findElements(By.cssSelector("figure.chart figcaption p")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
            assertFalse(captions.isEmpty(), page + " has captions");
            Path pdf = print(page);
            String text = pdfText(pdf);
            String flat = text.replaceAll("[\\s\\u3000]+", "");
            for (String caption : captions) {
                assertTrue(flat.contains(caption.replaceAll("[\\s\\u3000]+", "")), page + ": caption in the PDF: " + caption + "\n" + text);
            }
            String printedOn = page.contains("lang=en") ? "Printed on" : "打印于";
            assertTrue(text.contains(printedOn + " " + LocalDate.now()), page + ": print date\n" + text);
            assertTrue(flat.contains(app.baseUrl() + page), page + ": the page's address\n" + text);
            if (page.startsWith("/?")) {
                for (String link : List.of("/figures.csv", "/events.csv", "/api/figures", "/api/events")) {
                    assertTrue(flat.contains("<" + app.baseUrl() + link + ">"), page + ": download address " + link + "\n" + text);
                }
            }
            assertNoMostlyEmptyPageButTheLast(pdf, page);
        }
    }

    private void open(String page) {
        var driver = browser.driver();
        driver.get(app.baseUrl() + page);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> all = d.findElements(By.cssSelector("canvas[data-chart]"));
            return all.stream().allMatch(c -> "true".equals(c.getAttribute("data-drawn")));
        });
    }

    private Path print(String page) throws IOException {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setOrientation(PrintOptions.Orientation.PORTRAIT);
        options.setBackground(true);
        byte[] bytes = Base64.getDecoder().decode(browser.driver().print(options).getContent());
        Path dir = Files.createDirectories(Path.of("target/print"));
        Path pdf = dir.resolve("print" + page.replaceAll("[^A-Za-z0-9]+", "-") + ".pdf");
        Files.write(pdf, bytes);
        return pdf;
    }

    private static String pdfText(Path pdf) throws Exception {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run("pdftotext", "-layout", pdf.toString(), out.toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Renders the pages (pdftoppm) and checks that ink reaches past the middle of every page but the last. */
    private static void assertNoMostlyEmptyPageButTheLast(Path pdf, String page) throws Exception {
        String prefix = pdf.toString().replaceAll("\\.pdf$", "");
        run("pdftoppm", "-r", "40", "-png", pdf.toString(), prefix);
        List<Path> pages;
        String base = pdf.getFileName().toString().replaceAll("\\.pdf$", "");
        try (Stream<Path> files = Files.list(pdf.getParent())) {
            pages = files.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "-\\d+\\.png"))
                    .sorted().toList();
        }
        assertFalse(pages.isEmpty(), "pdftoppm rendered the pages of " + pdf);
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < pages.size() - 1; i++) {
            BufferedImage image = ImageIO.read(pages.get(i).toFile());
            int lastInk = lastInkedRow(image);
            if (lastInk < image.getHeight() / 2) empty.add("page " + (i + 1) + " ink ends at " + lastInk + " of " + image.getHeight());
        }
        assertEquals(List.of(), empty, page + ": pages more than half empty (only the last may be)");
    }

    private static int lastInkedRow(BufferedImage image) {
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 200) return y;
            }
        }
        return -1;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " finished");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }

    /** Visible table cells narrower than 60 px (a visually hidden header row does not count). */
    private List<?> narrowCells() {
        return (List<?>) browser.driver().executeScript("""
                const narrow = [];
                const hidden = e => {
                  for (let a = e; a && a !== document.body; a = a.parentElement) {
                    const s = getComputedStyle(a);
                    if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath !== 'none') return true;
                    const r = a.getBoundingClientRect();
                    if (r.width <= 1 || r.height <= 1) return true;
                  }
                  return false;
                };
                for (const cell of document.querySelectorAll('table td, table th')) {
                  if (hidden(cell)) continue;
                  const w = cell.getBoundingClientRect().width;
                  if (w < 60) narrow.push(cell.closest('table').className + ' ' + cell.tagName + ' "' + cell.textContent.trim().slice(0, 20) + '" ' + Math.round(w) + 'px');
                }
                return narrow;""");
    }

    private String widest() {
        return String.valueOf(browser.driver().executeScript("""
                let worst = null;
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > window.innerWidth && (!worst || r.right > worst.r)) worst = { r: r.right, what: e.tagName + '.' + e.className };
                }
                return worst ? worst.what + ' right=' + worst.r : 'none';"""));
    }

    @SuppressWarnings("deprecation") // legacy mode is deprecated in axe-core but still the reliable one here
    private List<String> seriousViolations() {
        // Legacy mode: no helper window on about:blank, whose load timed out on a busy machine; the pages
        // have no frames, which is what the newer mode is for.
        Results results = new AxeBuilder().setLegacyMode(true).analyze(browser.driver());
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream().limit(3)
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }
}
