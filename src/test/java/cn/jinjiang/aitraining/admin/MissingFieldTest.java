package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every admin figure and event form posted with each of its fields missing in turn: a required
 * field missing is a 422 form page with a message beside that field and changes nothing; nothing
 * is ever a 500 (issue 9 #5: a missing category or kind was a NullPointerException).
 */
class MissingFieldTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    /** What a change would touch: every figure and event as the API shows them, and the audit log's length. */
    private String state() {
        int audit = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry")
                .mapTo(Integer.class).one());
        return c.get("/api/figures").body() + c.get("/api/events").body() + audit;
    }

    /**
     * Posts {@code complete} once without each field; {@code required} must each give 422 with their
     * message; the others may save (303) but never fail.
     */
    private void eachMissing(String path, Map<String, String> complete, Set<String> required,
                             java.util.function.Function<String, Map<String, String>> refresh) {
        List<String> problems = new ArrayList<>();
        for (String field : complete.keySet()) {
            if (field.equals("_csrf")) continue;
            Map<String, String> form = new LinkedHashMap<>(refresh.apply(field));
            form.remove(field);
            String before = state();
            HttpResponse<String> r = c.post(path, form);
            if (required.contains(field)) {
                if (r.statusCode() != 422) {
                    problems.add(field + " missing: " + r.statusCode());
                    continue;
                }
                if (!Html.errorSummary(Html.parse(r)).containsKey(field)) problems.add(field + " missing: no message for it");
                if (!before.equals(state())) problems.add(field + " missing: something changed");
            } else if (r.statusCode() != 303 && r.statusCode() != 422) {
                problems.add(field + " (optional) missing: " + r.statusCode());
            } else if (r.statusCode() == 422 && !before.equals(state())) {
                problems.add(field + " (optional) missing: refused but something changed");
            }
        }
        assertTrue(problems.isEmpty(), path + ": " + problems);
    }

    private Map<String, String> newFigure(String key) {
        Map<String, String> form = c.form("/admin/figures/new", "figure-form");
        form.put("key", key);
        form.put("category", "ai-application");
        form.put("label_zh", "自建智能体");
        form.put("label_en", "AI agents built");
        form.put("value", "120");
        form.put("unit", "个");
        form.put("qualifier", "over");
        form.put("qualifier_word", "超过");
        form.put("period", "2025年以来");
        form.put("period_en", "2025 year to date");
        form.put("as_of", "2025-05-30");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-05-31");
        form.put("source_headline", "智能体遍地开花");
        form.put("source_author", "记者 王明");
        form.put("quote", "全市干部自建智能体超过120个");
        form.put("reason", "new figure");
        return form;
    }

    @Test
    void newFigureFormWithEachFieldMissing() {
        Map<String, String> complete = newFigure("agents");
        assertTrue(complete.containsKey("category") && complete.containsKey("orig"), complete.keySet().toString());
        eachMissing("/admin/figures/new", complete,
                Set.of("category", "label_zh", "label_en", "value", "unit", "qualifier", "period", "as_of", "source",
                        "source_date", "quote", "reason"),
                field -> newFigure("agents-" + field.replace('_', '-')));
    }

    @Test
    void figureReportAndCorrectionWithEachFieldMissing() {
        for (String mode : List.of("report", "correction")) {
            Map<String, String> complete = c.form("/admin/figures/ai-lectures", "figure-form");
            eachMissing("/admin/figures/ai-lectures", complete,
                    Set.of("mode", "version", "label_zh", "label_en", "value", "unit", "qualifier", "period", "as_of",
                            "source", "source_date", "quote", "reason"),
                    field -> {
                        Map<String, String> f = c.form("/admin/figures/ai-lectures", "figure-form");
                        f.put("mode", mode);
                        f.put("reason", mode + " without " + field);
                        return f;
                    });
        }
    }

    private Map<String, String> newEvent(String key) {
        Map<String, String> form = c.form("/admin/events/new", "event-form");
        form.put("key", key);
        form.put("date", "2025-06-01");
        form.put("title_zh", "AI赋能政务专题讲座");
        form.put("title_en", "Lecture on AI in government services");
        form.put("kind", "lecture");
        form.put("place_zh", "晋江干部学堂");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-06-01");
        form.put("quote", "举办AI赋能政务专题讲座");
        form.put("reason", "from the June report");
        return form;
    }

    @Test
    void eventFormsWithEachFieldMissing() {
        // a new event's key is optional (made from the English title), like a new figure's
        eachMissing("/admin/events/new", newEvent("e"),
                Set.of("title_zh", "title_en", "kind", "source", "source_date", "quote", "reason"),
                field -> newEvent("e-" + field.replace('_', '-')));
        eachMissing("/admin/events/lecture-2025-02-28", c.form("/admin/events/lecture-2025-02-28", "event-form"),
                Set.of("version", "title_zh", "title_en", "kind", "source", "source_date", "quote", "reason"),
                field -> {
                    Map<String, String> f = c.form("/admin/events/lecture-2025-02-28", "event-form");
                    f.put("reason", "edit without " + field);
                    return f;
                });
    }

    @Test
    void archiveFormsWithEachFieldMissing() {
        for (String path : List.of("/admin/figures/ai-lectures/archive", "/admin/events/lecture-2025-02-28/archive")) {
            Map<String, String> complete = c.form(path, "archive-form");
            complete.put("reason", "no longer reported");
            eachMissing(path, complete, Set.of("version", "reason"), field -> {
                Map<String, String> f = c.form(path, "archive-form");
                f.put("reason", "no longer reported");
                return f;
            });
            Map<String, String> whole = c.form(path, "archive-form");
            whole.put("reason", "no longer reported");
            assertEquals(303, c.post(path, whole).statusCode(), "the complete form still archives");
        }
        assertFalse(c.get("/api/figures").body().contains("\"ai-lectures\""));
    }

    @Test
    void aNewFigureWithoutCategoryIsTheFormAgainInTheUsersLanguage() {
        Map<String, String> form = newFigure("agents");
        form.remove("category");
        HttpResponse<String> r = c.post("/admin/figures/new?lang=en", form);
        assertEquals(422, r.statusCode());
        assertEquals("Category: Choose one of the options.", Html.errorSummary(Html.parse(r)).get("category"));
    }
}
