package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a write does when the row it read has moved on: nothing written, no audit entry, the
 * conflict page, and on that page the archived state compared with what the form was read at.
 */
class EditIntegrityTest {
    private static final String FIGURE = "ai-lectures";
    private static final String EVENT = "lecture-2025-02-28";
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private int count(String sql) {
        return app.services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private int auditEntries() { return count("SELECT COUNT(*) FROM audit_entry"); }

    /** Makes every UPDATE of {@code table} match no row, as a writer that moved the version on would. */
    private void updatesMatchNoRow(String table) {
        app.services().database().jdbi().useHandle(h -> {
            if (app.services().database().dialect() == cn.jinjiang.aitraining.db.Dialect.POSTGRESQL) {
                // a BEFORE trigger returning NULL skips the row, as SQLite's RAISE(IGNORE) does
                h.execute("CREATE OR REPLACE FUNCTION match_no_row() RETURNS trigger LANGUAGE plpgsql"
                        + " AS $$ BEGIN RETURN NULL; END $$");
                h.execute("CREATE TRIGGER stale_" + table + " BEFORE UPDATE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION match_no_row()");
            } else {
                h.execute("CREATE TRIGGER stale_" + table + " BEFORE UPDATE ON " + table + " BEGIN SELECT RAISE(IGNORE); END");
            }
        });
    }

    /** The conflict page's row for the archived state: {saved, sent, highlighted}. */
    private static String[] archivedRow(String html) {
        for (Element tr : Jsoup.parse(html).select("tr")) {
            Element th = tr.selectFirst("th[scope=row]");
            if (th != null && th.text().equals("已归档")) {
                return new String[] {tr.selectFirst("td.theirs").text(), tr.selectFirst("td.yours").text(),
                        String.valueOf(tr.hasClass("differs"))};
            }
        }
        throw new AssertionError("no archived row in " + html);
    }

    @Test
    void aFigureEditThatMatchesNoRowWritesNothing() {
        Map<String, String> form = c.form("/admin/figures/" + FIGURE, "figure-form");
        form.put("mode", "report");
        form.put("value", "9");
        form.put("reason", "a later lecture");
        int observations = count("SELECT COUNT(*) FROM observation");
        int entries = auditEntries();
        updatesMatchNoRow("figure");

        HttpResponse<String> r = c.post("/admin/figures/" + FIGURE, form);
        assertEquals(409, r.statusCode(), r.body());
        assertEquals(observations, count("SELECT COUNT(*) FROM observation"), "no observation written");
        assertEquals(entries, auditEntries(), "no audit entry for a change that never happened");
    }

    @Test
    void aFigureArchiveThatMatchesNoRowWritesNothing() {
        Map<String, String> form = c.form("/admin/figures/" + FIGURE + "/archive", "archive-form");
        form.put("reason", "duplicate");
        int entries = auditEntries();
        updatesMatchNoRow("figure");

        assertEquals(409, c.post("/admin/figures/" + FIGURE + "/archive", form).statusCode());
        assertEquals(entries, auditEntries());
        assertEquals(0, count("SELECT COUNT(*) FROM figure WHERE archived"));
    }

    @Test
    void anEventEditThatMatchesNoRowWritesNothing() {
        Map<String, String> form = c.form("/admin/events/" + EVENT, "event-form");
        form.put("title_zh", "改过的标题");
        form.put("reason", "title as printed");
        int entries = auditEntries();
        updatesMatchNoRow("event");

        assertEquals(409, c.post("/admin/events/" + EVENT, form).statusCode());
        assertEquals(entries, auditEntries());
        assertEquals(0, count("SELECT COUNT(*) FROM event WHERE title_zh = '改过的标题'"));
    }

    @Test
    void theFigureConflictPageShowsAnArchiveMadeSinceTheFormWasRead() {
        Map<String, String> form = c.form("/admin/figures/" + FIGURE, "figure-form");
        Map<String, String> archive = c.form("/admin/figures/" + FIGURE + "/archive", "archive-form");
        archive.put("reason", "somebody else archives it");
        assertEquals(303, c.post("/admin/figures/" + FIGURE + "/archive", archive).statusCode());

        form.put("value", "8");
        form.put("reason", "stale form");
        HttpResponse<String> r = c.post("/admin/figures/" + FIGURE, form);
        assertEquals(409, r.statusCode());
        String[] row = archivedRow(r.body());
        assertEquals("是", row[0], "saved now: archived");
        assertEquals("否", row[1], "when the form was read: not archived");
        assertEquals("true", row[2], "highlighted");
    }

    @Test
    void theEventConflictPageShowsAnUnarchiveMadeSinceTheFormWasRead() {
        Map<String, String> archive = c.form("/admin/events/" + EVENT + "/archive", "archive-form");
        archive.put("reason", "not about AI");
        assertEquals(303, c.post("/admin/events/" + EVENT + "/archive", archive).statusCode());
        Map<String, String> form = c.form("/admin/events/" + EVENT, "event-form"); // read while archived

        long archiveEntry = count("SELECT MAX(id) FROM audit_entry");
        assertEquals(303, c.post("/admin/audit/" + archiveEntry + "/revert", Map.of()).statusCode());

        form.put("reason", "stale form");
        HttpResponse<String> r = c.post("/admin/events/" + EVENT, form);
        assertEquals(409, r.statusCode());
        String[] row = archivedRow(r.body());
        assertEquals("否", row[0], "saved now: back from the archive");
        assertEquals("是", row[1], "when the form was read: archived");
        assertTrue(Boolean.parseBoolean(row[2]), "highlighted");
    }
}
