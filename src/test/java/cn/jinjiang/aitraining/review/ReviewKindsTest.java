package cn.jinjiang.aitraining.review;

import static cn.jinjiang.aitraining.review.ReviewAccounts.requireReview;
import static cn.jinjiang.aitraining.review.ReviewAccounts.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every admin write goes to review when an editor makes it with review on: the figure and event
 * forms, an undo from the audit log, the extract page's save and an import's confirmation. Each
 * waits without touching the public JSON and CSV, and approving applies it with the proposer as
 * author. The tests touch different figures and events, so they share one server.
 */
class ReviewKindsTest {
    static TestApp app;
    static WebClient admin;
    static WebClient editor;
    static WebClient publisher;

    @BeforeAll static void start() {
        app = TestApp.start();
        admin = app.signedIn();
        editor = signedIn(app, "ed", Role.EDITOR);
        publisher = signedIn(app, "pub", Role.PUBLISHER);
        requireReview(admin, true);
    }

    @AfterAll static void stop() { app.close(); }

    private static String publicState() {
        WebClient reader = app.cookielessClient();
        return reader.get("/api/figures").body() + reader.get("/api/events").body() + reader.get("/figures.csv").body()
                + reader.get("/events.csv").body() + reader.get("/api/observations").body();
    }

    /**
     * The answer was "awaits review"; the public state did not move; the review list shows the
     * change's kind; the publisher's approval goes through and is audited with both names.
     */
    private static void waitsThenApproved(HttpResponse<String> held, String publicBefore, String kind) {
        assertEquals(303, held.statusCode(), held.body());
        String location = held.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/admin/review/\\d+"), location);
        long id = Long.parseLong(location.substring("/admin/review/".length()));
        assertEquals(200, editor.get(location).statusCode());
        assertEquals(publicBefore, publicState(), kind + ": public pages unchanged while it waits");
        Element card = Html.one(publisher.page("/admin/review"), "#change-" + id);
        assertEquals(kind, card.attr("data-kind"));
        long entriesBefore = auditCount();
        HttpResponse<String> approved = publisher.post("/admin/review/" + id + "/approve", Map.of("comment", ""));
        assertEquals(303, approved.statusCode(), approved.body());
        assertTrue(auditCount() > entriesBefore, kind + ": audited");
        List<Map<String, Object>> written = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT username, approved_by FROM audit_entry WHERE id > :id").bind("id", entriesBefore).mapToMap().list());
        for (Map<String, Object> e : written) {
            assertEquals("ed", e.get("username"));
            assertEquals("pub", e.get("approved_by"));
        }
    }

    private static long auditCount() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")
                .mapTo(Long.class).one());
    }

    @Test
    void aNewFigure() {
        String before = publicState();
        Map<String, String> form = editor.form("/admin/figures/new", "figure-form");
        form.put("key", "ai-agents-built");
        form.put("category", "ai-application");
        form.put("label_zh", "自建智能体");
        form.put("label_en", "AI agents built");
        form.put("value", "120");
        form.put("unit", "个");
        form.put("qualifier", "over");
        form.put("qualifier_word", "超过");
        form.put("period", "2025年以来");
        form.put("as_of", "2025-05-30");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-05-31");
        form.put("quote", "全市干部自建智能体超过120个");
        form.put("reason", "new figure from the May report");
        HttpResponse<String> held = editor.post("/admin/figures/new", form);
        assertEquals(404, app.cookielessClient().get("/api/figures/ai-agents-built").statusCode());
        waitsThenApproved(held, before, "figure.new");
        assertTrue(app.cookielessClient().get("/api/figures/ai-agents-built").body().contains("\"value\":120"));
    }

    @Test
    void archivingAFigure() {
        String before = publicState();
        Map<String, String> form = editor.form("/admin/figures/jinjiang-longhua-classes/archive", "archive-form");
        form.put("reason", "not a training figure");
        waitsThenApproved(editor.post("/admin/figures/jinjiang-longhua-classes/archive", form), before, "figure.archive");
        assertEquals(404, app.cookielessClient().get("/api/figures/jinjiang-longhua-classes").statusCode());
    }

    @Test
    void aNewEventAnEditAndArchiving() {
        String before = publicState();
        Map<String, String> form = editor.form("/admin/events/new", "event-form");
        form.put("key", "lecture-2025-06-10");
        form.put("date", "2025-06-01");
        form.put("title_zh", "AI赋能政务专题讲座");
        form.put("title_en", "Lecture on AI in government services");
        form.put("kind", "lecture");
        form.put("place_zh", "晋江干部学堂");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-06-01");
        form.put("quote", "举办AI赋能政务专题讲座");
        form.put("reason", "from the June report");
        waitsThenApproved(editor.post("/admin/events/new", form), before, "event.new");
        assertTrue(publicState().contains("AI赋能政务专题讲座"));

        before = publicState();
        Map<String, String> edit = editor.form("/admin/events/lecture-2025-06-10", "event-form");
        edit.put("title_zh", "AI赋能政务服务专题讲座");
        edit.put("reason", "title as printed");
        waitsThenApproved(editor.post("/admin/events/lecture-2025-06-10", edit), before, "event.edit");
        assertTrue(publicState().contains("AI赋能政务服务专题讲座"));

        before = publicState();
        Map<String, String> archive = editor.form("/admin/events/lecture-2025-06-10/archive", "archive-form");
        archive.put("reason", "not an AI training event");
        waitsThenApproved(editor.post("/admin/events/lecture-2025-06-10/archive", archive), before, "event.archive");
        assertFalse(publicState().contains("AI赋能政务服务专题讲座"));
    }

    @Test
    void anUndoFromTheAuditLog() {
        Map<String, String> form = admin.form("/admin/figures/ai-training-attendance", "figure-form");
        form.put("mode", "correction");
        form.put("value", "9100");
        form.put("reason", "direct correction by an admin");
        assertEquals(303, admin.post("/admin/figures/ai-training-attendance", form).statusCode());
        long entry = auditCount();
        String before = publicState();
        assertTrue(before.contains("9100"));

        Map<String, String> undo = editor.form("/admin/audit/" + entry, "revert-form");
        undo.put("reason", "the paper said 9000");
        waitsThenApproved(editor.post("/admin/audit/" + entry + "/revert", undo), before, "audit.revert");
        String after = app.cookielessClient().get("/api/figures/ai-training-attendance").body();
        assertTrue(after.contains("\"value\":9000"), after);
        String reason = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT reason FROM audit_entry ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertTrue(reason.contains("the paper said 9000") && reason.contains(String.valueOf(entry)), reason);
    }

    @Test
    void theExtractPagesSave() {
        String before = publicState();
        Map<String, String> pasted = new LinkedHashMap<>();
        pasted.put("text", "全市累计开展AI专题辅导讲座8期，覆盖干部近9000人次。");
        pasted.put("date", "2025-06-30");
        pasted.put("source", "晋江经济报");
        Document found = Html.parse(editor.post("/admin/extract", pasted));
        Element row = found.select("tr.candidate").stream()
                .filter(r -> r.select("label.candidate-span").text().equals("8期")).findFirst().orElseThrow();
        List<Map.Entry<String, String>> picks = List.of(Map.entry("_csrf", Html.csrf(found)),
                Map.entry("keep", Html.one(row, "input[type=checkbox][name=keep]").val()),
                Map.entry("target_" + row.attr("data-index"), "ai-lectures"));
        Document review = Html.parse(editor.postPairs("/admin/extract/review", picks));
        List<Map.Entry<String, String>> apply = new ArrayList<>();
        for (Connection.KeyVal kv : Html.form(review, "extract-apply-form").formData()) {
            apply.add(Map.entry(kv.key(), kv.key().equals("reason") ? "June report" : kv.value()));
        }
        HttpResponse<String> held = editor.postPairs("/admin/extract/apply", apply);
        waitsThenApproved(held, before, "extract.apply");
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":8"));
    }

    @Test
    void anImportsConfirmation() {
        String before = publicState();
        String csv = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote\r\n"
                + "ai-projects-imported,导入的项目,Imported projects,ai-application,12,个,exact,2025年以来,2025-05-30,晋江经济报,"
                + "2025-05-31,已建成项目12个\r\n";
        Document preview = Html.parse(editor.upload("/admin/import", "figures.csv", csv.getBytes(StandardCharsets.UTF_8)));
        String action = Html.form(preview, "import-apply-form").attr("action");
        Map<String, String> confirm = Html.fields(preview, "import-apply-form");
        confirm.put("reason", "figures from the spreadsheet");
        HttpResponse<String> held = editor.postAsIs(action, confirm);
        waitsThenApproved(held, before, "import");
        assertTrue(app.cookielessClient().get("/api/figures/ai-projects-imported").body().contains("\"value\":12"));
    }
}
