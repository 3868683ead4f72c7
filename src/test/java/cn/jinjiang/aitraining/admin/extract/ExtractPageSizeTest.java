package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 #4: the extract page's size is bounded. Before: "1," × 100,000 gave a 266 MB page, and
 * 150 candidates on a database of 5,077 figures 39 MB (a select of every figure on every row).
 * Now at most {@link ExtractService#MAX_CANDIDATES} rows, and the figures listed once per page.
 */
@Timeout(180)
class ExtractPageSizeTest {
    /** Generous bounds: the measured sizes are printed, and are far below them. */
    static final int MAX_PAGE_BYTES_BIG_TEXT = 3_000_000;
    static final int MAX_PAGE_BYTES_BIG_DATABASE = 2_000_000;

    private static HttpResponse<String> extract(WebClient c, String text) {
        return c.post("/admin/extract", Map.of("text", text, "date", "2025-09-30", "source", "晋江经济报"));
    }

    @Test
    void aTextOfTenThousandsOfNumbersListsTheFirst500AndSaysSo() {
        try (TestApp app = TestApp.start()) {
            WebClient c = app.signedIn();
            String text = "1,".repeat(100_000);
            long started = System.nanoTime();
            HttpResponse<String> r = extract(c, text);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, r.statusCode());
            int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("extract page for \"1,\" x 100,000: %,d bytes in %,d ms%n", bytes, millis);
            assertTrue(bytes < MAX_PAGE_BYTES_BIG_TEXT, bytes + " bytes");
            Document page = Html.parse(r);
            assertEquals(ExtractService.MAX_CANDIDATES, page.select("tr.candidate").size());
            assertNotNull(page.getElementById("extract-capped"));
            assertTrue(Html.one(page, "#extract-capped").text().contains("只列出前500个"));
        }
    }

    @Test
    void thousandsOfFiguresAreListedOncePerPageNotOncePerRow(@TempDir Path folder) {
        Path db = folder.resolve(TestApp.DB_FILE);
        assertEquals(0, App.commandLine().execute("generate", "--db", db.toString(), "--figures", "5000",
                "--observations", "1", "--events", "0"));
        try (TestApp app = TestApp.builder().folder(folder).start()) {
            WebClient c = app.signedIn();
            String text = "2023年以来，举办39期“晋江干部学堂”，培训干部超2万人次。".repeat(75);
            HttpResponse<String> r = extract(c, text);
            assertEquals(200, r.statusCode());
            int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
            Document page = Html.parse(r);
            int rows = page.select("tr.candidate").size();
            int options = page.select("datalist#figure-keys option").size();
            System.out.printf("extract page with %d candidates and %d figures: %,d bytes%n", rows, options, bytes);
            assertTrue(rows >= 150, rows + " rows");
            assertTrue(options >= 5000, options + " figures listed");
            assertEquals(1, page.select("datalist").size());
            assertTrue(bytes < MAX_PAGE_BYTES_BIG_DATABASE, bytes + " bytes");
        }
    }
}
