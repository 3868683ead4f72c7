package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin overview with thousands of figures (issue 9: 2.1 MB at 5,077 figures): a page of each
 * list at a time, with working links between pages. The tests only read: one server.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AdminIndexTest {
    static final int FIGURES = 300;
    static final int EVENTS = 130;

    @TempDir
    static Path folder;
    static TestApp app;
    static WebClient c;
    static int figureCount;
    static int eventCount;

    @BeforeAll static void generate() {
        int code = App.commandLine().execute("generate", "--db", folder.resolve(TestApp.DB_FILE).toString(),
                "--figures", String.valueOf(FIGURES), "--observations", "2", "--events", String.valueOf(EVENTS));
        assertEquals(0, code);
        app = TestApp.builder().folder(folder).start();
        c = app.signedIn();
        figureCount = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM figure").mapTo(Integer.class).one());
        eventCount = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event").mapTo(Integer.class).one());
    }

    @AfterAll static void stop() { app.close(); }

    private static int pages(int total) { return (total + AdminController.PAGE_SIZE - 1) / AdminController.PAGE_SIZE; }

    private static int figureRows(Document page) { return page.select("table.admin-figures tbody tr[data-key]").size(); }

    private static int eventRows(Document page) { return page.select("table.admin-events tbody tr[data-key]").size(); }

    @Test
    void theFirstPageShowsOnePageOfEachListAndStaysSmall() {
        HttpResponse<String> r = c.get("/admin?lang=zh");
        assertEquals(200, r.statusCode());
        int bytes = r.body().getBytes(StandardCharsets.UTF_8).length;
        System.out.println("admin overview: " + bytes + " bytes with " + figureCount + " figures, " + eventCount + " events");
        assertTrue(bytes < 100_000, "the admin overview is " + bytes + " bytes with " + figureCount + " figures");
        Document page = Html.parse(r);
        assertEquals(AdminController.PAGE_SIZE, figureRows(page));
        assertEquals(AdminController.PAGE_SIZE, eventRows(page));
        assertEquals("第1页，共" + pages(figureCount) + "页", Html.one(page, "#figures-pager span").text());
        assertEquals("第1页，共" + pages(eventCount) + "页", Html.one(page, "#events-pager span").text());
        assertEquals("/admin?fp=2&ep=1#figures", Html.one(page, "#figures-pager a").attr("href"));
        assertEquals("/admin?fp=1&ep=2#events", Html.one(page, "#events-pager a").attr("href"));
        assertFalse(r.body().contains("fp=0"), "no previous page before the first");
    }

    @Test
    void everyFigureIsOnExactlyOnePage() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        int pageCount = pages(figureCount);
        for (int p = 1; p <= pageCount; p++) {
            Document page = c.page("/admin?fp=" + p);
            page.select("table.admin-figures tbody tr[data-key]").forEach(row -> assertTrue(keys.add(row.attr("data-key")),
                    "listed twice: " + row.attr("data-key")));
        }
        assertEquals(figureCount, keys.size());
    }

    @Test
    void linksKeepTheOtherListsPageAndThePageEndsAreClamped() {
        Document middle = c.page("/admin?fp=2&ep=3");
        assertEquals("/admin?fp=1&ep=3#figures", Html.one(middle, "#figures-pager a").attr("href"), "previous figures page");
        assertEquals("/admin?fp=3&ep=3#figures", middle.select("#figures-pager a").last().attr("href"), "next figures page");
        assertEquals(eventCount - 2 * AdminController.PAGE_SIZE, eventRows(middle), "the last events page");
        assertTrue(middle.select("#events-pager a").stream().noneMatch(a -> a.attr("href").contains("ep=4")), "no page after the last");

        Document past = c.page("/admin?fp=99999");
        assertEquals("第" + pages(figureCount) + "页，共" + pages(figureCount) + "页", Html.one(past, "#figures-pager span").text());
        assertEquals(figureCount - (pages(figureCount) - 1) * AdminController.PAGE_SIZE, figureRows(past));
        assertEquals(200, c.get("/admin?fp=abc&ep=-1").statusCode(), "nonsense page numbers mean page 1");
        assertEquals(AdminController.PAGE_SIZE, figureRows(c.page("/admin?fp=abc&ep=-1")));
    }
}
