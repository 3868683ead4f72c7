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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An editor's chart changes wait for review like figure changes (issue 13 lists charts among the
 * changes that do): a new chart, an edit and archiving are held, the public chart list and chart
 * page stay as they were, and the publisher's approval applies each with both names in the audit log.
 */
class ChartReviewTest {
    static TestApp app;
    static WebClient editor;
    static WebClient publisher;

    @BeforeAll static void start() {
        app = TestApp.start();
        WebClient admin = app.signedIn();
        editor = signedIn(app, "ed", Role.EDITOR);
        publisher = signedIn(app, "pub", Role.PUBLISHER);
        requireReview(admin, true);
    }

    @AfterAll static void stop() { app.close(); }

    private static String publicCharts() {
        WebClient reader = app.cookielessClient();
        return reader.get("/api/charts").body() + reader.get("/api/charts/reach").body();
    }

    /** Asserts the answer is "awaits review" and the public state did not move; approves; returns nothing. */
    private static void heldThenApproved(HttpResponse<String> held, String before, String kind) {
        assertEquals(303, held.statusCode(), held.body());
        String location = held.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/admin/review/\\d+"), location);
        assertEquals(before, publicCharts(), kind + ": public charts unchanged while it waits");
        long id = Long.parseLong(location.substring("/admin/review/".length()));
        assertEquals(kind, Html.one(publisher.page("/admin/review"), "#change-" + id).attr("data-kind"));
        long last = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")
                .mapTo(Long.class).one());
        HttpResponse<String> approved = publisher.post("/admin/review/" + id + "/approve", Map.of("comment", ""));
        assertEquals(303, approved.statusCode(), approved.body());
        var written = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT username, approved_by, entity_type FROM audit_entry WHERE id > :id").bind("id", last).mapToMap().list());
        assertFalse(written.isEmpty(), kind + ": audited when approved");
        for (var e : written) {
            assertEquals("ed", e.get("username"));
            assertEquals("pub", e.get("approved_by"));
            assertEquals("chart", e.get("entity_type"));
        }
    }

    @Test void aNewChartAnEditAndArchivingWaitForAPublisher() {
        Map<String, String> form = editor.form("/admin/charts/new", "chart-form");
        form.put("slug", "lectures-review");
        form.put("type", "vbar");
        form.put("figures", "ai-lectures, ai-learning-activities");
        form.put("title_zh", "讲座{ai-lectures}");
        form.put("title_en", "{ai-lectures}");
        form.put("caption_zh", "讲座与活动。");
        form.put("caption_en", "Lectures and activities.");
        form.put("reason", "新图表");
        String before = publicCharts();
        heldThenApproved(editor.post("/admin/charts/new", form), before, "chart.new");
        assertTrue(publicCharts().contains("lectures-review"), "published once approved");
        assertEquals(200, app.cookielessClient().get("/charts/lectures-review").statusCode());

        Map<String, String> edit = editor.form("/admin/charts/reach", "chart-form");
        edit.put("caption_en", "Edited while review is on.");
        edit.put("reason", "clearer caption");
        before = publicCharts();
        heldThenApproved(editor.post("/admin/charts/reach", edit), before, "chart.edit");
        assertTrue(publicCharts().contains("Edited while review is on."), "the edit is public once approved");

        Map<String, String> archive = editor.form("/admin/charts/lectures-review/archive", "archive-form");
        archive.put("reason", "not needed");
        before = publicCharts();
        heldThenApproved(editor.post("/admin/charts/lectures-review/archive", archive), before, "chart.archive");
        assertEquals(404, app.cookielessClient().get("/charts/lectures-review").statusCode(), "archived once approved");

        // the audit log names the publisher beside the proposer
        var approved = publisher.page("/admin/audit").select(".audit-approved");
        assertFalse(approved.isEmpty(), "the audit page shows who approved");
        assertTrue(approved.first().text().contains("pub"), approved.text());
    }
}
