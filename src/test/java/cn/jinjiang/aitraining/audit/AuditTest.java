package cn.jinjiang.aitraining.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log: listing, filters, CSV, revert and refused revert, and escaping of what users typed. */
class AuditTest {
    private static final String XSS = "<script>alert(1)</script>";
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private Map<String, String> figureForm(String key) {
        return c.form("/admin/figures/" + key, "figure-form");
    }

    private void correct(String key, String value, String reason) {
        Map<String, String> form = figureForm(key);
        form.put("mode", "correction");
        form.put("value", value);
        form.put("reason", reason);
        form.put("confirm_unusual", "yes"); // 6 → 100 is a factor of ten: these tests are about the log
        assertEquals(303, c.post("/admin/figures/" + key, form).statusCode());
    }

    private void report(String key, String value, String asOf, String reason) {
        Map<String, String> form = figureForm(key);
        form.put("mode", "report");
        form.put("value", value);
        form.put("as_of", asOf);
        form.put("source_date", asOf);
        form.put("reason", reason);
        assertEquals(303, c.post("/admin/figures/" + key, form).statusCode());
    }

    /** The id of the first (newest) entry listed on the audit page. */
    private static long newestEntryId(String auditHtml) {
        String id = Html.one(Html.parse(auditHtml), "tr.audit-entry[id^=audit-]").id();
        return Long.parseLong(id.substring("audit-".length()));
    }

    private HttpResponse<String> revert(long id) {
        return c.post("/admin/audit/" + id + "/revert", Map.of());
    }

    @Test
    void listIsNewestFirstAndFiltersByEntityAndUser() {
        correct("ai-lectures", "7", "first");
        correct("ai-learning-activities", "70", "second");
        String all = c.get("/admin/audit").body();
        assertTrue(all.indexOf("second") < all.indexOf("first"), "newest first");
        String lectures = c.get("/admin/audit?entity=figure:ai-lectures").body();
        assertTrue(lectures.contains("first"));
        assertFalse(lectures.contains(">second<"));
        assertTrue(c.get("/admin/audit?user=editor").body().contains("second"));
        assertTrue(c.get("/admin/audit?user=someone-else").body().contains("暂无记录"));
        assertTrue(all.contains("<del>6期</del> → <ins>7期</ins>"), "before → after, as the dashboard shows values");
    }

    @Test
    void listIsPaged() {
        for (int i = 0; i < 27; i++) correct("ai-lectures", String.valueOf(100 + i), "change " + i);
        String first = c.get("/admin/audit").body();
        assertEquals(25, Html.parse(first).select(".audit-entry").size());
        assertTrue(first.contains("page=2"), first.substring(Math.max(0, first.indexOf("</table>"))));
        String second = c.get("/admin/audit?entity=&user=&page=2").body();
        assertEquals(2, Html.parse(second).select(".audit-entry").size());
        assertTrue(second.contains(">change 0<"));
    }

    @Test
    void csvFollowsThePublicCsvRules() {
        correct("ai-lectures", "7", "=HYPERLINK(\"http://evil\")");
        HttpResponse<String> csv = c.get("/admin/audit.csv?entity=figure:ai-lectures");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElseThrow());
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFF\"id\",\"occurred_at\",\"user\",\"action\""), body);
        assertTrue(body.contains("\r\n"));
        assertTrue(body.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula neutralised");
        assertTrue(body.contains("\"correction\",\"figure\",\"ai-lectures\""));
    }

    @Test
    void revertRestoresACorrectionAndIsItselfAudited() {
        correct("ai-lectures", "7", "wrong correction");
        long id = newestEntryId(c.get("/admin/audit").body());
        HttpResponse<String> r = revert(id);
        assertEquals(303, r.statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":6"));
        String audit = c.get("/admin/audit").body();
        assertTrue(audit.contains("(#" + id + ")"), "the revert names the entry it reverts");
        assertTrue(c.get("/").body().contains("6期"));
    }

    @Test
    void revertOfAReportRemovesTheAddedObservation() {
        report("ai-lectures", "9", "2025-05-30", "new report");
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":9"));
        long id = newestEntryId(c.get("/admin/audit").body());
        assertEquals(303, revert(id).statusCode());
        String json = c.get("/api/figures/ai-lectures").body();
        assertTrue(json.contains("\"value\":6"));
        assertEquals(1, json.split("\"as_of\"", -1).length - 2);
        // And reverting the revert brings the report back.
        long revertId = newestEntryId(c.get("/admin/audit").body());
        assertEquals(303, revert(revertId).statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":9"));
    }

    @Test
    void revertIsRefusedCleanlyWhenTheFigureChangedSince() {
        correct("ai-lectures", "7", "first");
        long first = newestEntryId(c.get("/admin/audit").body());
        correct("ai-lectures", "8", "second");
        HttpResponse<String> refused = revert(first);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("id=\"admin-message\""));
        assertTrue(refused.body().contains("此后又有修改"));
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":8"));
        assertEquals(404, revert(999_999).statusCode());
    }

    @Test
    void revertOfAnArchiveBringsTheFigureBack() {
        Map<String, String> form = c.form("/admin/figures/ai-lectures/archive", "archive-form");
        form.put("reason", "oops");
        assertEquals(303, c.post("/admin/figures/ai-lectures/archive", form).statusCode());
        assertEquals(404, c.get("/figures/ai-lectures").statusCode());
        assertEquals(303, revert(newestEntryId(c.get("/admin/audit").body())).statusCode());
        assertEquals(200, c.get("/figures/ai-lectures").statusCode());
    }

    @Test
    void revertNeedsCsrfAndPost() {
        correct("ai-lectures", "7", "x");
        long id = newestEntryId(c.get("/admin/audit").body());
        assertEquals(403, c.postAsIs("/admin/audit/" + id + "/revert", Map.of()).statusCode());
        assertEquals(405, c.get("/admin/audit/" + id + "/revert").statusCode());
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":7"));
    }

    @Test
    void whatUsersTypeIsShownAsTextEverywhere() {
        Map<String, String> form = figureForm("ai-lectures");
        form.put("mode", "correction");
        form.put("quote", XSS);
        form.put("label_en", "Lectures \" onmouseover=\"alert(2)");
        form.put("reason", XSS);
        assertEquals(303, c.post("/admin/figures/ai-lectures", form).statusCode());
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
        for (String path : new String[] {"/", "/figures/ai-lectures", "/admin/audit", "/admin", "/admin/figures/ai-lectures"}) {
            String html = c.get(path).body();
            assertFalse(html.contains(XSS), path);
            assertFalse(html.contains("\" onmouseover=\"alert(2)"), path);
        }
        assertTrue(c.get("/").body().contains(escaped), "the dashboard card shows the quote as text");
        assertTrue(c.get("/figures/ai-lectures").body().contains(escaped));
        assertTrue(c.get("/admin/audit").body().contains(escaped));
        String csv = c.get("/figures.csv").body();
        assertTrue(csv.contains("\"" + XSS + "\""), "CSV holds the text itself, as data");
        assertTrue(c.get("/admin/audit.csv").body().contains(XSS));
        assertTrue(c.get("/api/figures/ai-lectures").headers().firstValue("Content-Type").orElseThrow().contains("json"));
    }
}
