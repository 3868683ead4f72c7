package cn.jinjiang.aitraining.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Browser;
import cn.jinjiang.aitraining.support.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Printed on A4, a table's header never sits alone at the bottom of a page: each public table is
 * pushed down (a spacer before it) until its header just fits above the page's end and its first
 * row does not, then printed from Chromium; the header must move to the next page with its rows,
 * and repeat on every page the table continues on.
 */
class PrintTableHeadersBrowserTest {
    /** A4 portrait less Chromium's default 1 cm margins, in CSS pixels (96 per inch). */
    static final int PAGE_WIDTH = 718;
    static final int PAGE_HEIGHT = 1047;

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
    @Timeout(300)
    void aTableHeaderIsNeverLeftAloneAtThePageBottom() throws Exception {
        List<String> orphans = new ArrayList<>();
        record Case(String page, String table) {}
        for (Case c : List.of(new Case("/figures?lang=zh", "table.figures-table"),
                new Case("/?lang=zh", "table.figures-table"), new Case("/?lang=en", "table.figures-table"),
                new Case("/figures/ai-lectures?lang=zh", "table.history-table"))) {
            for (int slack : List.of(3, 12)) {
                browser.driver().get(app.baseUrl() + c.page());
                List<String> header = placeHeaderAtPageBottom(c.table(), slack);
                List<String> pages = printedPages(c.page() + "-" + slack);
                assertTrue(pages.size() >= 2, c + ": the spacer pushes the table to page 2");
                String first = flat(pages.get(0));
                long onFirst = header.stream().filter(h -> first.contains(flat(h))).count();
                if (onFirst == header.size()) orphans.add(c + " slack " + slack + ": header at the bottom of page 1");
                String second = flat(pages.get(1));
                assertTrue(header.stream().allMatch(h -> second.contains(flat(h))), c + ": header on page 2\n" + pages.get(1));
            }
        }
        assertEquals(List.of(), orphans);
    }

    @Test
    @Timeout(120)
    void aLongTableRepeatsItsHeaderOnEveryPage() throws Exception {
        browser.driver().get(app.baseUrl() + "/figures?lang=zh");
        // many rows: the table's body copied until it runs over three pages
        List<String> header = castStrings(browser.driver().executeScript("""
                const t = document.querySelector('table.figures-table');
                const rows = Array.from(t.tBodies[0].rows);
                for (let i = 0; i < 12; i++) rows.forEach(r => t.tBodies[0].appendChild(r.cloneNode(true)));
                return Array.from(t.tHead.rows[0].cells).map(c => c.innerText.trim()).filter(s => s.length > 0);"""));
        List<String> pages = printedPages("/figures-long");
        int withTable = 0;
        for (String page : pages) {
            String f = flat(page);
            if (f.contains("AI专题辅导讲座")) {
                withTable++;
                assertTrue(header.stream().allMatch(h -> f.contains(flat(h))), "every page of the table has its header\n" + page);
            }
        }
        assertTrue(withTable >= 3, "the table runs over at least three pages: " + withTable);
    }

    /**
     * Hides what comes before the table, then puts a spacer before it so that (in the print layout
     * of an A4 page) its header ends {@code slack} px above the page's end; the header's cell texts.
     */
    private static List<String> placeHeaderAtPageBottom(String table, int slack) {
        var driver = browser.driver();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PAGE_WIDTH, "height", PAGE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        try {
            return castStrings(driver.executeScript("""
                    const table = document.querySelector(arguments[0]);
                    const pageHeight = arguments[1], slack = arguments[2];
                    // everything before the table, at every level, out of the way: the table starts page 1
                    for (let n = table; n && n !== document.body; n = n.parentElement) {
                      let s = n.previousElementSibling;
                      while (s) { s.style.display = 'none'; s = s.previousElementSibling; }
                    }
                    const spacer = document.createElement('div');
                    spacer.style.height = '0px';
                    table.parentNode.insertBefore(spacer, table);
                    const head = table.tHead.getBoundingClientRect();
                    const firstRow = table.tBodies[0].rows[0].getBoundingClientRect();
                    if (firstRow.height <= slack) throw new Error('rows too short for this slack');
                    spacer.style.height = (pageHeight - (head.bottom + window.scrollY) - slack) + 'px';
                    return Array.from(table.tHead.rows[0].cells).map(c => c.innerText.trim()).filter(s => s.length > 0);""",
                    table, PAGE_HEIGHT, slack));
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** Prints the current page on A4 portrait (1 cm margins) and returns each page's text. */
    private static List<String> printedPages(String name) throws Exception {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setOrientation(PrintOptions.Orientation.PORTRAIT);
        byte[] bytes = Base64.getDecoder().decode(browser.driver().print(options).getContent());
        Path dir = Files.createDirectories(Path.of("target/print-headers"));
        Path pdf = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".pdf");
        Files.write(pdf, bytes);
        Path txt = dir.resolve(pdf.getFileName() + ".txt");
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), txt.toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext");
        List<String> pages = new ArrayList<>(List.of(Files.readString(txt, StandardCharsets.UTF_8).split("\f")));
        while (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) pages.remove(pages.size() - 1);
        assertFalse(pages.isEmpty());
        return pages;
    }

    private static String flat(String s) {
        return s.replaceAll("[\\s\\u3000▲▼]+", "");
    }

    private static List<String> castStrings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : (List<?>) o) out.add(String.valueOf(x));
        return out;
    }
}
