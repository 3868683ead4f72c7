package cn.jinjiang.aitraining.review;

import static cn.jinjiang.aitraining.review.ReviewAccounts.requireReview;
import static cn.jinjiang.aitraining.review.ReviewAccounts.setRole;
import static cn.jinjiang.aitraining.review.ReviewAccounts.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review before publishing over HTTP, end to end: an editor's change waits, the public pages and
 * downloads stay as they were, another person approves or rejects it. Every test writes: a server each.
 */
class ReviewWorkflowTest {
    TestApp app;
    WebClient admin;
    WebClient editor;
    WebClient publisher;

    @BeforeEach void start() {
        app = TestApp.start();
        admin = app.signedIn();
        editor = signedIn(app, "ed", Role.EDITOR);
        publisher = signedIn(app, "pub", Role.PUBLISHER);
        requireReview(admin, true);
    }

    @AfterEach void stop() { app.close(); }

    /** The editor's correction of ai-lectures from 6 to 7; answers the POST. */
    private HttpResponse<String> proposeCorrection(WebClient who, String value) {
        Map<String, String> form = who.form("/admin/figures/ai-lectures", "figure-form");
        form.put("mode", "correction");
        form.put("value", value);
        form.put("reason", "the report said " + value);
        return who.post("/admin/figures/ai-lectures", form);
    }

    /** The pending change's id from the answer's redirect to its page. */
    private static long pendingId(HttpResponse<String> held) {
        assertEquals(303, held.statusCode(), held.body());
        String location = held.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/admin/review/\\d+"), location);
        return Long.parseLong(location.substring("/admin/review/".length()));
    }

    private String publicState() {
        WebClient reader = app.cookielessClient();
        return reader.get("/api/figures").body() + reader.get("/api/events").body() + reader.get("/figures.csv").body()
                + reader.get("/events.csv").body() + reader.get("/api/observations").body();
    }

    private Map<String, Object> pendingRow(long id) {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT status, reviewed_by, review_comment, proposed_by, kind, form_json FROM pending_change WHERE id = :id")
                .bind("id", id).mapToMap().one());
    }

    private Map<String, Object> lastAudit() {
        return app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT username, approved_by, action, entity_key, reason FROM audit_entry ORDER BY id DESC LIMIT 1")
                .mapToMap().one());
    }

    private int auditCount() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Integer.class).one());
    }

    private HttpResponse<String> approve(WebClient who, long id, String comment) {
        return who.post("/admin/review/" + id + "/approve", Map.of("comment", comment));
    }

    private HttpResponse<String> reject(WebClient who, long id, String comment) {
        return who.post("/admin/review/" + id + "/reject", Map.of("comment", comment));
    }

    @Test
    void anEditorsChangeWaitsUntilAPublisherApprovesItAndTheAuditNamesBoth() {
        String before = publicState();
        String figurePage = app.cookielessClient().get("/figures/ai-lectures").body();
        int entries = auditCount();

        long id = pendingId(proposeCorrection(editor, "7"));
        Document landing = editor.page("/admin/review/" + id);
        assertTrue(Html.one(landing, "#awaiting-review").text().contains("待审核"), landing.text());
        assertEquals(before, publicState(), "public JSON and CSV unchanged while the change waits");
        assertEquals(figurePage, app.cookielessClient().get("/figures/ai-lectures").body());
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":6"));
        assertEquals(entries, auditCount(), "nothing audited before approval");
        assertFalse(pendingRow(id).get("form_json").toString().contains("_csrf"), "the token is not stored");

        assertEquals("1 项待审核", Html.one(publisher.page("/admin"), "#review-waiting").text());
        assertEquals("1 change awaiting review", Html.one(publisher.page("/admin?lang=en"), "#review-waiting").text());
        Document list = publisher.page("/admin/review?lang=zh");
        Element card = Html.one(list, "#change-" + id);
        assertTrue(card.text().contains("ed"), card.text());
        assertTrue(card.text().contains("the report said 7"), "the reason is shown");
        List<String> valueRow = card.select("table.review-diff tr").stream()
                .filter(tr -> tr.select("th").text().equals("数值")).map(Element::text).toList();
        assertEquals(List.of("数值 6 7"), valueRow, card.outerHtml());
        Element english = Html.one(publisher.page("/admin/review?lang=en"), "#change-" + id);
        assertTrue(english.text().contains("New report or correction of a figure: AI lectures"), english.text());
        assertTrue(english.text().contains("Proposed by ed"), english.text());
        assertTrue(Html.one(editor.page("/admin/review"), "#change-" + id).select("form").isEmpty(),
                "the editor gets no approve or reject form");

        HttpResponse<String> approved = approve(publisher, id, "checked against the paper");
        assertEquals(303, approved.statusCode(), approved.body());
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":7"));
        assertTrue(app.cookielessClient().get("/figures.csv").body().contains("\"AI lectures\",\"ai-learning\",7,"));
        Map<String, Object> entry = lastAudit();
        assertEquals("ed", entry.get("username"), "the proposer is the author");
        assertEquals("pub", entry.get("approved_by"), "the publisher approved it");
        assertEquals("correction", entry.get("action"));
        assertEquals("the report said 7", entry.get("reason"));
        assertEquals(entries + 1, auditCount());
        assertEquals("approved", pendingRow(id).get("status"));
        assertEquals("checked against the paper", pendingRow(id).get("review_comment"));
        assertTrue(Html.one(editor.page("/admin/review"), "#mine").nextElementSiblings().text().contains("已批准"));
        assertTrue(publisher.page("/admin").select("#review-waiting").isEmpty(), "nothing waits any more");
        assertEquals(409, approve(publisher, id, "").statusCode(), "a change is approved once");
    }

    @Test
    void aRejectedChangeChangesNothingAndTheProposerSeesWhy() {
        String before = publicState();
        long id = pendingId(proposeCorrection(editor, "7"));
        HttpResponse<String> noComment = reject(publisher, id, "  ");
        assertEquals(422, noComment.statusCode(), "a rejection says why");
        assertEquals("pending", pendingRow(id).get("status"));

        assertEquals(303, reject(publisher, id, "请附上报道原文").statusCode());
        assertEquals(before, publicState());
        assertEquals("rejected", pendingRow(id).get("status"));
        assertEquals("pub", pendingRow(id).get("reviewed_by"));
        Element mine = Html.one(editor.page("/admin/review"), "#change-" + id);
        assertEquals("rejected", mine.attr("data-status"));
        assertEquals("请附上报道原文", Html.one(mine, ".review-comment").text());
        assertEquals(409, approve(publisher, id, "").statusCode(), "a rejected change cannot be approved");
        assertEquals(before, publicState());
    }

    @Test
    void anEditorCannotApproveAndNobodyApprovesTheirOwnChange() {
        String before = publicState();
        long id = pendingId(proposeCorrection(editor, "7"));
        WebClient otherEditor = signedIn(app, "ed2", Role.EDITOR);
        assertEquals(403, approve(otherEditor, id, "").statusCode());
        assertEquals(403, reject(otherEditor, id, "no").statusCode());
        assertEquals(403, approve(editor, id, "").statusCode());

        setRole(app, "ed", Role.PUBLISHER); // promoted while the change waits: still not their own reviewer
        HttpResponse<String> own = approve(editor, id, "");
        assertEquals(403, own.statusCode());
        assertTrue(Html.parse(own).text().contains("不能审核自己提交的修改"), Html.parse(own).text());
        assertEquals(403, reject(editor, id, "withdrawn").statusCode());
        assertEquals("pending", pendingRow(id).get("status"));
        assertEquals(before, publicState());
        assertNull(pendingRow(id).get("reviewed_by"));
    }

    @Test
    void aChangeWhoseTargetMovedOnShowsTheConflictAndAppliesNothing() {
        long id = pendingId(proposeCorrection(editor, "7"));
        // meanwhile an admin publishes another correction directly
        HttpResponse<String> direct = proposeCorrection(admin, "8");
        assertEquals(303, direct.statusCode());
        assertEquals("/admin", direct.headers().firstValue("Location").orElseThrow(), "an admin's change publishes directly");
        int entries = auditCount();

        Element card = Html.one(publisher.page("/admin/review"), "#change-" + id);
        assertFalse(card.select(".review-moved").isEmpty(), "the list warns before anyone approves");
        HttpResponse<String> conflict = approve(publisher, id, "");
        assertEquals(409, conflict.statusCode());
        Document page = Html.parse(conflict);
        assertTrue(Html.one(page, "#conflict-message").text().contains("已被更改"), page.text());
        List<String> valueRow = page.select("table.review-diff tr").stream()
                .filter(tr -> tr.select("th").text().equals("数值")).map(Element::text).toList();
        assertEquals(List.of("数值 8 7"), valueRow, "saved now against proposed");
        assertTrue(page.select("form.review-approve").isEmpty(), "no second blind try");
        assertEquals(1, page.select("form.review-reject").size(), "but it can be rejected from here");
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":8"));
        assertEquals(entries, auditCount());
        assertEquals("pending", pendingRow(id).get("status"));
        assertEquals(303, reject(publisher, id, "已有更新的更正").statusCode(), "it can still be rejected");
    }

    @Test
    void badInputIsRefusedAtOnceAndNothingIsStored() {
        Map<String, String> form = editor.form("/admin/figures/ai-lectures", "figure-form");
        form.put("mode", "correction");
        form.put("value", "seven");
        form.put("reason", "typo");
        HttpResponse<String> refused = editor.post("/admin/figures/ai-lectures", form);
        assertEquals(422, refused.statusCode());
        assertTrue(Html.errorSummary(Html.parse(refused)).containsKey("value"));
        Map<String, String> noReason = editor.form("/admin/events/new", "event-form");
        assertEquals(422, editor.post("/admin/events/new", noReason).statusCode());
        int stored = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pending_change")
                .mapTo(Integer.class).one());
        assertEquals(0, stored);
    }

    @Test
    void publishersAndAdminsPublishDirectlyAndWithReviewOffSoDoEditors() {
        HttpResponse<String> byPublisher = proposeCorrection(publisher, "7");
        assertEquals("/admin", byPublisher.headers().firstValue("Location").orElseThrow());
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":7"));
        assertEquals("pub", lastAudit().get("username"));
        assertNull(lastAudit().get("approved_by"));

        requireReview(admin, false);
        HttpResponse<String> byEditor = proposeCorrection(editor, "8");
        assertEquals("/admin", byEditor.headers().firstValue("Location").orElseThrow(), "review off: published at once");
        assertTrue(app.cookielessClient().get("/api/figures/ai-lectures").body().contains("\"value\":8"));
    }
}
