package cn.jinjiang.aitraining.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With more figures and events than fit on a page, the tables page and link to each other correctly. */
class PagingTest {
    @TempDir
    Path folder;

    @Test
    void tablesArePagedWithWorkingLinks() {
        int code = App.commandLine().execute("generate", "--db", folder.resolve(TestApp.DB_FILE).toString(),
                "--figures", "120", "--observations", "3", "--events", "130");
        assertEquals(0, code);
        try (TestApp server = TestApp.builder().folder(folder).start()) {
            WebClient app = server.cookielessClient();
            String first = app.get("/").body();
            assertTrue(first.contains("第1页，共3页"), "135 figures: 3 pages of 50");
            assertEquals(50, figureRows(first), "one page of figures");
            assertTrue(first.contains("href=\"/?fp=2&amp;ep=1#figures\""), "next figures page");
            assertTrue(first.contains("href=\"/?fp=1&amp;ep=2#events\""), "next events page");
            assertFalse(first.contains("fp=0"), "no previous page before the first");

            String second = app.get("/?fp=2&ep=3").body();
            assertTrue(second.contains("第2页，共3页"));
            assertTrue(second.contains("href=\"/?fp=1&amp;ep=3#figures\""), "previous figures page");
            assertTrue(second.contains("href=\"/?fp=3&amp;ep=3#figures\""), "next figures page");
            assertTrue(second.contains("第3页，共3页"), "events page 3 of 3");

            var past = app.get("/?fp=99");
            assertEquals(302, past.statusCode(), "a page past the end redirects to the last page");
            assertEquals("/?fp=3&ep=1", past.headers().firstValue("Location").orElseThrow());
            String last = app.get("/?fp=3&ep=1").body();
            assertTrue(last.contains("第3页，共3页"));
            assertEquals(35, figureRows(last));
            assertEquals(200, app.get("/?fp=abc&ep=-1").statusCode(), "nonsense page numbers mean page 1");
        }
    }

    /** Rows of the all-figures table on a dashboard page. */
    private static int figureRows(String html) {
        return Html.one(Html.parse(html), "table.figures-table").select("tbody tr[data-key]").size();
    }
}
