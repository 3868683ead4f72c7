package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reports, corrections, new figures and archiving, through the forms, seen on the public pages. Every test writes: a server each. */
class FigureEditTest {
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

    private int observations(String key) {
        String json = c.get("/api/figures/" + key).body();
        return json.split("\"as_of\"", -1).length - 2; // one as_of for the figure itself
    }

    @Test
    void correctionFixesTheLatestValueEverywhereAtOnce() {
        HttpResponse<String> before = c.get("/");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        Map<String, String> form = figureForm("ai-lectures");
        assertEquals("6", form.get("value"));
        form.put("mode", "correction");
        form.put("value", "7");
        form.put("reason", "typo in the first entry");
        HttpResponse<String> saved = c.post("/admin/figures/ai-lectures", form);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/admin", saved.headers().firstValue("Location").orElseThrow());
        assertTrue(Html.flash(c.page("/admin")).isPresent(), "a flash message on the admin home");

        assertEquals(1, observations("ai-lectures"), "a correction keeps the history length");
        HttpResponse<String> dashboard = c.get("/", "If-None-Match", etag);
        assertEquals(200, dashboard.statusCode(), "the ETag changed");
        assertNotEquals(etag, dashboard.headers().firstValue("ETag").orElseThrow());
        assertTrue(dashboard.body().contains("7期"));
        assertTrue(c.get("/figures/ai-lectures").body().contains("7期"));
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":7"));
        assertTrue(c.get("/figures.csv").body().contains("\"ai-lectures\",\"AI专题辅导讲座\",\"AI lectures\",\"ai-learning\",7,"));
        String audit = c.get("/admin/audit").body();
        assertTrue(audit.contains("typo in the first entry"));
        assertTrue(audit.contains("更正"));
    }

    @Test
    void reportAddsAnObservationAndTheFigurePageDrawsTheHistory() {
        assertFalse(c.get("/figures/ai-lectures").body().contains("chart-history"));
        Map<String, String> form = figureForm("ai-lectures");
        form.put("mode", "report");
        form.put("value", "1万");
        form.put("as_of", "2025-05-31");
        form.put("source", "晋江新闻网");
        form.put("source_date", "2025-06-01");
        form.put("quote", "专题辅导讲座已达1万期");
        form.put("reason", "monthly report");
        form.put("confirm_unusual", "yes"); // 6 → 1万 needs the second look
        assertEquals(303, c.post("/admin/figures/ai-lectures", form).statusCode());
        assertEquals(2, observations("ai-lectures"));
        String page = c.get("/figures/ai-lectures").body();
        assertTrue(page.contains("id=\"chart-history\""), "line chart once there are two observations");
        assertTrue(page.contains("1万期"));
        assertTrue(page.contains("晋江新闻网"));
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":10000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"9000|9000", "'9,000'|9000", "2.77亿|277000000", "1万|10000", "０．５|0.5"})
    void valuesAreReadAsPeopleWriteThem(String typed, String stored) {
        Map<String, String> form = figureForm("ai-scenario-investment");
        form.put("mode", "correction");
        form.put("value", typed);
        form.put("reason", "check parsing");
        form.put("confirm_unusual", "yes"); // most of these are far from 2.77亿: confirmed
        assertEquals(303, c.post("/admin/figures/ai-scenario-investment", form).statusCode());
        assertTrue(c.get("/api/figures/ai-scenario-investment").body().contains("\"value\":" + stored + ","));
    }

    @Test
    void invalidInputReRendersWithMessagesBesideFieldsKeepsTypedValuesAndChangesNothing() {
        String before = c.get("/api/figures/ai-lectures").body();
        Map<String, String> form = figureForm("ai-lectures");
        form.put("value", "-5");
        form.put("as_of", "2099-01-01");
        form.put("source_date", "2025-02-30");
        form.put("qualifier", "roughly");
        form.put("label_en", "x".repeat(151));
        form.put("reason", "");
        form.put("quote", "kept <b>as typed</b>");
        form.put("unknown_field", "ignored");
        HttpResponse<String> r = c.post("/admin/figures/ai-lectures", form);
        assertEquals(422, r.statusCode());
        String html = r.body();
        Document page = Html.parse(r);
        Map<String, String> summary = Html.errorSummary(page);
        for (String field : new String[] {"value", "as_of", "source_date", "qualifier", "label_en", "reason"}) {
            assertTrue(summary.containsKey(field), "summary links to " + field + ": " + summary);
            assertEquals(summary.get(field), Html.one(page, "#" + field + "-error").text(), "message beside " + field);
        }
        assertTrue(html.contains("数值不能为负"));
        assertTrue(html.contains("日期不能晚于明天"));
        assertTrue(html.contains("此日期不存在"));
        assertTrue(html.contains("value=\"-5\""), "typed value kept");
        assertTrue(html.contains("kept &lt;b&gt;as typed&lt;/b&gt;"), "typed text kept, escaped");
        assertEquals(before, c.get("/api/figures/ai-lectures").body());
        assertTrue(c.get("/admin/audit").body().contains("暂无记录"));
    }

    @Test
    void errorsAreInTheChosenLanguage() {
        Map<String, String> form = figureForm("ai-lectures");
        form.put("value", "lots");
        HttpResponse<String> r = c.post("/admin/figures/ai-lectures?lang=en", form);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Enter a number, e.g. 9000"));
        assertTrue(r.body().contains("Reason for the change"));
    }

    @Test
    void savingOverANewerVersionIs409WithBothChangesAndOverwritesNothing() {
        Map<String, String> mine = figureForm("ai-lectures");
        Map<String, String> theirs = figureForm("ai-lectures");
        theirs.put("mode", "correction");
        theirs.put("value", "8");
        theirs.put("reason", "their change");
        assertEquals(303, c.post("/admin/figures/ai-lectures", theirs).statusCode());
        mine.put("mode", "correction");
        mine.put("value", "11");
        mine.put("reason", "my change");
        HttpResponse<String> conflict = c.post("/admin/figures/ai-lectures", mine);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body().contains("<td class=\"theirs\">8</td>"));
        assertTrue(conflict.body().contains("<td class=\"yours\">11</td>"));
        assertTrue(c.get("/api/figures/ai-lectures").body().contains("\"value\":8"));
    }

    @Test
    void newFigureAppearsOnTheDashboardAndItsKeyMustBeFree() {
        Map<String, String> form = c.form("/admin/figures/new", "figure-form");
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
        assertEquals(303, c.post("/admin/figures/new", form).statusCode());
        assertTrue(c.get("/?fp=2").body().contains("自建智能体") || c.get("/").body().contains("自建智能体"));
        assertTrue(c.get("/figures/ai-agents-built").body().contains("超过120个"));
        HttpResponse<String> again = c.post("/admin/figures/new", form);
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("此标识已被使用"));
        form.put("key", "Bad Key!");
        assertEquals(422, c.post("/admin/figures/new", form).statusCode());
    }

    @Test
    void archiveHidesTheFigureButKeepsItInTheAdmin() {
        Map<String, String> form = c.form("/admin/figures/ai-lectures/archive", "archive-form");
        form.put("reason", "");
        assertEquals(422, c.post("/admin/figures/ai-lectures/archive", form).statusCode());
        assertEquals(200, c.get("/figures/ai-lectures").statusCode());
        form.put("reason", "duplicate of another figure");
        assertEquals(303, c.post("/admin/figures/ai-lectures/archive", form).statusCode());
        assertEquals(404, c.get("/figures/ai-lectures").statusCode());
        assertFalse(c.get("/api/figures").body().contains("\"ai-lectures\""));
        assertFalse(c.get("/figures.csv").body().contains("\"ai-lectures\""));
        assertTrue(c.get("/admin").body().contains("已归档"));
        assertEquals(200, c.get("/admin/figures/ai-lectures").statusCode());
        assertTrue(c.get("/admin/audit").body().contains("duplicate of another figure"));
        assertEquals(409, c.post("/admin/figures/ai-lectures/archive", form).statusCode(), "stale version");
    }

    @Test
    void unknownFigureIs404() {
        assertEquals(404, c.get("/admin/figures/no-such-figure").statusCode());
        Map<String, String> form = figureForm("ai-lectures");
        assertEquals(404, c.post("/admin/figures/no-such-figure", form).statusCode());
    }
}
