package cn.jinjiang.aitraining.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undo (issue 10): a confirmation step that shows what will be put back and asks for a reason;
 * the reason checked like every other (issue 9 #11) and recorded in the user's language; an undone
 * entry says so and offers no second undo.
 */
class UndoTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    /** Corrects ai-lectures (6期) to {@code value}; returns the id of the entry that recorded it. */
    private long correctLectures(String value) {
        Map<String, String> form = c.form("/admin/figures/ai-lectures", "figure-form");
        form.put("mode", "correction");
        form.put("value", value);
        form.put("reason", "typo");
        assertEquals(303, c.post("/admin/figures/ai-lectures", form).statusCode());
        return newestEntry();
    }

    private long newestEntry() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit_entry").mapTo(Long.class).one());
    }

    private String reasonOf(long id) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT reason FROM audit_entry WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private String lectures() { return c.get("/api/figures/ai-lectures").body(); }

    @Test
    void theAuditPageLeadsToAConfirmationThatChangesNothing() {
        long id = correctLectures("7");
        Document audit = c.page("/admin/audit");
        Element button = Html.one(audit, "#revert-" + id);
        Element form = button.closest("form");
        assertEquals("get", form.attr("method"), "the undo button only opens the confirmation");
        assertEquals("/admin/audit/" + id, form.attr("action"));

        Document confirm = c.page("/admin/audit/" + id);
        assertTrue(Html.one(confirm, "h1").text().contains("撤销第" + id + "条记录"));
        assertEquals("AI专题辅导讲座", Html.one(confirm, "#undo-target").text());
        assertTrue(Html.one(confirm, "#undo-changes").text().contains("7期 → 6期"), confirm.text());
        assertTrue(Html.one(confirm, "#revert-form").select("textarea[name=reason]").size() == 1, "asks for a reason");
        assertEquals("/admin/audit/" + id + "/revert", Html.one(confirm, "#revert-form").attr("action"));
        assertTrue(lectures().contains("\"value\":7"), "showing the confirmation changed nothing");
        assertEquals(id, newestEntry());
        assertEquals(404, c.get("/admin/audit/999999").statusCode());
        assertEquals(404, c.get("/admin/audit/abc").statusCode());
    }

    @Test
    void theReasonIsRecordedInTheUsersLanguage() {
        long first = correctLectures("7");
        Map<String, String> form = c.form("/admin/audit/" + first, "revert-form");
        form.put("reason", "录入错误");
        assertEquals(303, c.post("/admin/audit/" + first + "/revert", form).statusCode());
        assertEquals("撤销第" + first + "条记录：录入错误", reasonOf(newestEntry()));
        assertTrue(lectures().contains("\"value\":6"));

        long second = correctLectures("8");
        Map<String, String> en = c.form("/admin/audit/" + second + "?lang=en", "revert-form");
        en.put("reason", "typing error");
        assertEquals(303, c.post("/admin/audit/" + second + "/revert?lang=en", en).statusCode());
        assertEquals("Undo entry " + second + ": typing error", reasonOf(newestEntry()));

        long third = correctLectures("9");
        assertEquals(303, c.post("/admin/audit/" + third + "/revert?lang=zh", Map.of()).statusCode());
        assertEquals("撤销第" + third + "条记录", reasonOf(newestEntry()), "without a reason: the entry it undoes");
    }

    @Test
    void anUndoneEntrySaysSoAndCannotBeUndoneTwice() {
        long id = correctLectures("7");
        assertEquals(303, c.post("/admin/audit/" + id + "/revert", Map.of("reason", "wrong")).statusCode());
        long undo = newestEntry();

        Element row = Html.one(c.page("/admin/audit"), "#audit-" + id);
        assertEquals("已撤销（第" + undo + "条）", Html.one(row, "#undone-" + id).text());
        assertTrue(row.select("#revert-" + id).isEmpty(), "no second undo offered");
        assertFalse(Html.one(c.page("/admin/audit"), "#audit-" + undo).select("#revert-" + undo).isEmpty(),
                "the undo itself can be undone");
        Element en = Html.one(c.page("/admin/audit?lang=en"), "#audit-" + id);
        assertEquals("Undone (entry " + undo + ")", Html.one(en, "#undone-" + id).text());

        HttpResponse<String> again = c.post("/admin/audit/" + id + "/revert?lang=zh", Map.of("reason", "again"));
        assertEquals(409, again.statusCode());
        String message = Html.one(Html.parse(again), "#admin-message").text();
        assertEquals("第" + id + "条记录已由第" + undo + "条撤销，不能再次撤销。", message);
        assertEquals(undo, newestEntry(), "nothing recorded");
        assertTrue(lectures().contains("\"value\":6"));
        assertEquals(409, c.get("/admin/audit/" + id).statusCode(), "the confirmation says so too");
    }

    @Test
    void aTooLongReasonIsRefusedAndChangesNothing() {
        long id = correctLectures("7");
        HttpResponse<String> r = c.post("/admin/audit/" + id + "/revert?lang=zh", Map.of("reason", "长".repeat(501)));
        assertEquals(422, r.statusCode());
        assertEquals(Map.of("reason", "最多500个字符。"), Html.errorSummary(Html.parse(r)));
        assertEquals("长".repeat(501), Html.one(Html.parse(r), "textarea[name=reason]").text(), "what was typed is kept");
        assertEquals(id, newestEntry(), "nothing recorded");
        assertTrue(lectures().contains("\"value\":7"), "nothing undone");
        // 500 characters are fine.
        assertEquals(303, c.post("/admin/audit/" + id + "/revert", Map.of("reason", "长".repeat(500))).statusCode());
    }

    @Test
    void controlCharactersInTheReasonAreRefusedInTheUsersLanguage() {
        long id = correctLectures("7");
        HttpResponse<String> zh = c.post("/admin/audit/" + id + "/revert?lang=zh", Map.of("reason", "oops\u0000\u0007"));
        assertEquals(422, zh.statusCode());
        assertEquals(Map.of("reason", "请删除控制字符。"), Html.errorSummary(Html.parse(zh)));
        HttpResponse<String> en = c.post("/admin/audit/" + id + "/revert?lang=en", Map.of("reason", "oops\u0007"));
        assertEquals(422, en.statusCode());
        assertEquals(1, Html.errorSummary(Html.parse(en)).size());
        assertFalse(Html.errorSummary(Html.parse(en)).get("reason").matches(".*\\p{IsHan}.*"), "English message");
        assertEquals(id, newestEntry(), "nothing recorded");
        assertTrue(lectures().contains("\"value\":7"), "nothing undone");
    }

    @Test
    void aHugeReasonIsRefusedAndNothingIsStored() {
        long id = correctLectures("7");
        String huge = "\u0000\u0007" + "x".repeat(250_000);
        int status = c.post("/admin/audit/" + id + "/revert", Map.of("reason", huge)).statusCode();
        assertTrue(status == 422 || status == 413, "refused: " + status);
        assertEquals(id, newestEntry(), "nothing recorded");
        assertTrue(lectures().contains("\"value\":7"));
        String csv = c.get("/admin/audit.csv").body();
        assertFalse(csv.contains("\u0000"), "no NUL byte reaches the CSV");
    }
}
