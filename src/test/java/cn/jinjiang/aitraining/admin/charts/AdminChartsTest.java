package cn.jinjiang.aitraining.admin.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.charts.Chart;
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

/** /admin/charts: the list, the chart form (create, edit, preview), moving, archiving and restoring, over HTTP. */
class AdminChartsTest {
    static final String SLUG = "lectures-and-activities";

    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    /** A vertical bar chart of two figures, its Chinese title filled from a figure. */
    private Map<String, String> newChart() {
        Map<String, String> form = c.form("/admin/charts/new", "chart-form");
        form.put("slug", SLUG);
        form.put("type", "vbar");
        form.put("figures", "ai-lectures, ai-learning-activities");
        form.put("title_zh", "今年已举办AI专题辅导讲座{ai-lectures}");
        form.put("title_en", "{ai-lectures} this year");
        form.put("caption_zh", "讲座与全部学习活动。");
        form.put("caption_en", "Lectures and all learning activities.");
        form.put("reason", "新图表：讲座与活动");
        return form;
    }

    private List<String> dashboardCharts(String lang) {
        return c.page("/?lang=" + lang).select("figure.chart").eachAttr("id");
    }

    private String chartTitle(Document page, String slug) {
        return Html.one(page, "#chart-" + slug + " .chart-title").text();
    }

    private long auditCount() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry").mapTo(Long.class).one());
    }

    @Test
    void theListShowsEveryChartWithItsPositionTypeTitleAndStatus() {
        Document list = c.page("/admin/charts?lang=zh");
        List<String> slugs = list.select("table.admin-charts tbody tr").eachAttr("data-slug");
        assertEquals(List.of("ai-learning", "reach", "capacity", "timeline"), slugs);
        Element reach = Html.one(list, "tr[data-slug=reach]");
        assertEquals("2", Html.one(reach, ".chart-position").text());
        assertTrue(reach.text().contains("横向条形图"), reach.text());
        assertTrue(reach.text().contains("{ai-training-attendance}"), "the title as written");
        assertEquals("已发布", Html.one(reach, ".chart-status").text());
        Html.one(c.page("/admin"), "a#charts-link[href=/admin/charts]");
        Html.one(c.page("/admin"), "a#dashboard-settings-link[href=/admin/dashboard]");
        Html.one(list, ".admin-bar a[href=/admin/charts]");
    }

    @Test
    void aChartCreatedInTheAdminAppearsOnTheDashboardAndIsEditedArchivedAndRestored() {
        HttpResponse<String> created = c.post("/admin/charts/new", newChart());
        assertEquals(303, created.statusCode(), created.body());
        assertEquals("/admin/charts", created.headers().firstValue("Location").orElseThrow());
        assertTrue(Html.flash(c.page("/admin/charts")).orElseThrow().contains(SLUG));

        assertEquals("chart-" + SLUG, dashboardCharts("zh").get(4), "a new chart goes last");
        Document zh = c.page("/?lang=zh");
        assertEquals("今年已举办AI专题辅导讲座6期", chartTitle(zh, SLUG), "placeholder filled with the figure's display");
        Element canvas = Html.one(zh, "#chart-" + SLUG + " canvas[data-chart]");
        assertTrue(canvas.attr("data-chart").contains("\"type\":\"vbar\""));
        assertEquals(2, zh.select("#chart-" + SLUG + " table.chart-table tbody tr").size(), "one row per figure");
        assertTrue(chartTitle(c.page("/?lang=en"), SLUG).endsWith(" this year"));

        Map<String, String> edit = c.form("/admin/charts/" + SLUG, "chart-form");
        assertEquals("ai-lectures, ai-learning-activities", edit.get("figures"));
        edit.put("figures", "ai-learning-activities, ai-lectures");
        edit.put("title_zh", "AI学习活动{ai-learning-activities}");
        edit.put("position", "1");
        edit.put("reason", "放在最前");
        assertEquals(303, c.post("/admin/charts/" + SLUG, edit).statusCode());
        assertEquals(List.of("chart-" + SLUG, "chart-ai-learning", "chart-reach", "chart-capacity", "chart-timeline"),
                dashboardCharts("zh"));
        assertEquals("AI学习活动68场", chartTitle(c.page("/?lang=zh"), SLUG));

        Map<String, String> archive = c.form("/admin/charts/" + SLUG + "/archive", "archive-form");
        archive.put("reason", "暂不展示");
        assertEquals(303, c.post("/admin/charts/" + SLUG + "/archive", archive).statusCode());
        assertFalse(dashboardCharts("zh").contains("chart-" + SLUG));
        assertEquals("已归档", Html.one(c.page("/admin/charts?lang=zh"), "tr[data-slug=" + SLUG + "] .chart-status").text());

        Map<String, String> restore = c.form("/admin/charts/" + SLUG + "/restore", "restore-form");
        restore.put("reason", "重新展示");
        assertEquals(303, c.post("/admin/charts/" + SLUG + "/restore", restore).statusCode());
        assertTrue(dashboardCharts("zh").contains("chart-" + SLUG));
        assertEquals(409, c.post("/admin/charts/" + SLUG + "/restore", restore).statusCode(), "restored already");
        assertEquals(303, c.get("/admin/charts/" + SLUG + "/restore").statusCode(), "a shown chart has no restore form");

        Document audit = c.page("/admin/audit?entity=chart:" + SLUG);
        assertEquals(4, audit.select(".audit-entry").size(), "create, edit, archive, restore");
        assertTrue(audit.text().contains("放在最前") && audit.text().contains("重新展示"), "the reasons are kept");
    }

    @Test
    void aFormThatDoesNotValidateNamesEachFieldInTheUsersLanguageAndChangesNothing() {
        long before = auditCount();
        Map<String, String> form = newChart();
        form.put("slug", "Bad Slug");
        form.put("type", "pie");
        form.put("figures", "no-such-figure");
        form.put("title_en", "标题");
        form.put("reason", "");

        HttpResponse<String> zh = c.post("/admin/charts/new?lang=zh", form);
        assertEquals(422, zh.statusCode());
        Document page = Html.parse(zh);
        Map<String, String> summary = Html.errorSummary(page);
        assertEquals(List.of("slug", "type", "title_en", "reason"), List.copyOf(summary.keySet()));
        assertTrue(summary.get("slug").startsWith("网址标识"), summary.get("slug"));
        assertTrue(summary.get("title_en").startsWith("标题（英文）"), summary.get("title_en"));
        assertTrue(summary.get("reason").startsWith("修改原因"), summary.get("reason"));
        for (String field : summary.keySet()) Html.one(page, "#" + field + "-error");
        assertEquals("Bad Slug", Html.fields(page, "chart-form").get("slug"), "what was typed is kept");

        HttpResponse<String> en = c.post("/admin/charts/new?lang=en", form);
        assertEquals(422, en.statusCode());
        Map<String, String> english = Html.errorSummary(Html.parse(en));
        assertTrue(english.get("slug").startsWith("URL name (slug)"), english.get("slug"));
        assertTrue(english.get("type").startsWith("Chart type"), english.get("type"));
        assertTrue(english.get("title_en").startsWith("Title (English)"), english.get("title_en"));

        form.put("type", "hbar");
        HttpResponse<String> unknownFigure = c.post("/admin/charts/new?lang=en", form);
        assertTrue(Html.errorSummary(Html.parse(unknownFigure)).get("figures").contains("no-such-figure"));

        assertTrue(app.services().charts().find("bad-slug").isEmpty());
        assertEquals(4, app.services().charts().all().size());
        assertEquals(before, auditCount());
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        Map<String, String> form = newChart();
        form.put("title_zh", "讲座{ai-debate-classes}");
        HttpResponse<String> r = c.post("/admin/charts/new?lang=zh", form);
        assertEquals(422, r.statusCode());
        String message = Html.errorSummary(Html.parse(r)).get("title_zh");
        assertTrue(message.contains("{ai-debate-classes}"), message);
        assertTrue(app.services().charts().find(SLUG).isEmpty());

        Map<String, String> edit = c.form("/admin/charts/timeline", "chart-form");
        edit.put("title_en", "{total} key dates");
        edit.put("reason", "try a new placeholder");
        HttpResponse<String> timeline = c.post("/admin/charts/timeline?lang=en", edit);
        assertEquals(422, timeline.statusCode());
        assertTrue(Html.errorSummary(Html.parse(timeline)).get("title_en").contains("{total}"));
        assertEquals("{count} key dates of AI learning in 2025, {first} to {last}",
                app.services().charts().find("timeline").orElseThrow().titleEn());
    }

    @Test
    void aStaleVersionIsRefusedWithTheConflictPage() {
        Map<String, String> mine = c.form("/admin/charts/reach", "chart-form");
        Map<String, String> theirs = c.form("/admin/charts/reach", "chart-form");
        theirs.put("caption_zh", "他们的说明");
        theirs.put("reason", "theirs");
        assertEquals(303, c.post("/admin/charts/reach", theirs).statusCode());
        mine.put("caption_zh", "我的说明");
        mine.put("reason", "mine");
        HttpResponse<String> r = c.post("/admin/charts/reach", mine);
        assertEquals(409, r.statusCode());
        Document page = Html.parse(r);
        Element row = page.select("table.conflict-table tr").stream()
                .filter(tr -> tr.text().contains("他们的说明")).findFirst().orElseThrow();
        assertTrue(row.text().contains("我的说明"));
        assertTrue(row.hasClass("yours-changed"));
        Html.one(page, "a[href=/admin/charts/reach]");
        assertEquals("他们的说明", app.services().charts().find("reach").orElseThrow().captionZh());
    }

    @Test
    void everyChangeIsAuditedAndCanBeReverted() {
        Map<String, String> edit = c.form("/admin/charts/capacity", "chart-form");
        String title = edit.get("title_en");
        edit.put("title_en", "Training capacity");
        edit.put("reason", "shorter title");
        assertEquals(303, c.post("/admin/charts/capacity", edit).statusCode());
        assertEquals("Training capacity", chartTitle(c.page("/?lang=en"), "capacity"));

        Element entry = Html.one(c.page("/admin/audit?entity=chart:capacity&lang=en"), ".audit-entry");
        assertTrue(entry.text().contains("shorter title") && entry.text().contains("Training capacity"), entry.text());
        String id = entry.id().substring("audit-".length());
        Map<String, String> revert = c.form("/admin/audit/" + id, "revert-form");
        revert.put("reason", "the old title stated the finding");
        assertEquals(303, c.post("/admin/audit/" + id + "/revert", revert).statusCode());
        assertEquals(title, app.services().charts().find("capacity").orElseThrow().titleEn());
        assertFalse(chartTitle(c.page("/?lang=en"), "capacity").equals("Training capacity"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Map<String, String> form = newChart();
        form.remove("_csrf");
        assertEquals(403, c.postAsIs("/admin/charts/new", form).statusCode());
        Map<String, String> archive = c.form("/admin/charts/reach/archive", "archive-form");
        archive.put("reason", "no token");
        archive.put("_csrf", "forged");
        assertEquals(403, c.postAsIs("/admin/charts/reach/archive", archive).statusCode());
        assertEquals(403, c.postAsIs("/admin/charts", Map.of("move", "up:reach", "reason", "x",
                "version", Html.fields(c.page("/admin/charts"), "chart-order").get("version"))).statusCode());
        assertTrue(app.services().charts().find(SLUG).isEmpty());
        Chart reach = app.services().charts().find("reach").orElseThrow();
        assertFalse(reach.archived());
        assertEquals(2, reach.position());
    }

    @Test
    void aPreviewDrawsTheUnsavedChartAndStoresNothing() {
        long before = auditCount();
        Map<String, String> form = newChart();
        form.put("reason", "");
        form.put("preview", "yes");
        HttpResponse<String> r = c.post("/admin/charts/new?lang=zh", form);
        assertEquals(200, r.statusCode());
        Document page = Html.parse(r);
        assertEquals("今年已举办AI专题辅导讲座6期", Html.one(page, "#chart-preview #preview-title").text());
        Element canvas = Html.one(page, "#chart-preview canvas[data-chart]");
        assertTrue(canvas.attr("data-chart").contains("\"type\":\"vbar\""), "drawn by the dashboard's chart script");
        assertEquals(2, page.select("#chart-preview table.chart-table tbody tr").size());
        assertEquals(SLUG, Html.fields(page, "chart-form").get("slug"), "the form is kept for saving");
        assertTrue(app.services().charts().find(SLUG).isEmpty(), "no chart stored");
        assertFalse(dashboardCharts("zh").contains("chart-" + SLUG));

        Map<String, String> edit = c.form("/admin/charts/reach", "chart-form");
        edit.put("type", "line");
        edit.put("title_en", "Reach over time");
        edit.put("preview", "yes");
        HttpResponse<String> changed = c.post("/admin/charts/reach?lang=en", edit);
        assertEquals(200, changed.statusCode());
        Document preview = Html.parse(changed);
        assertEquals("Reach over time", Html.one(preview, "#preview-title").text());
        assertTrue(Html.one(preview, "#chart-preview canvas").attr("data-chart").contains("\"type\":\"line\""));
        Chart reach = app.services().charts().find("reach").orElseThrow();
        assertEquals("hbar", reach.type());
        assertEquals(1, reach.version());
        assertEquals(before, auditCount(), "no audit entry either");

        form.put("figures", "no-such-figure");
        HttpResponse<String> bad = c.post("/admin/charts/new?lang=en", form);
        assertEquals(422, bad.statusCode(), "a preview checks the definition too");
        assertTrue(Html.parse(bad).select("#chart-preview").isEmpty());
    }

    @Test
    void chartsMoveUpAndDownWithAReason() {
        Map<String, String> order = c.form("/admin/charts", "chart-order");
        order.put("move", "up:reach");
        order.put("reason", "");
        HttpResponse<String> noReason = c.post("/admin/charts?lang=en", order);
        assertEquals(422, noReason.statusCode());
        assertTrue(Html.errorSummary(Html.parse(noReason)).containsKey("reason"));

        order.put("reason", "reach first");
        assertEquals(303, c.post("/admin/charts", order).statusCode());
        assertEquals(List.of("chart-reach", "chart-ai-learning", "chart-capacity", "chart-timeline"), dashboardCharts("en"));
        for (String moved : List.of("reach", "ai-learning")) {
            Element entry = Html.one(c.page("/admin/audit?entity=chart:" + moved), ".audit-entry");
            assertTrue(entry.text().contains("reach first"), "each chart that moved has its entry, with the reason");
        }

        order.put("move", "down:capacity");
        HttpResponse<String> stale = c.post("/admin/charts", order);
        assertEquals(409, stale.statusCode(), "the order moved on since the page was read");
        Html.one(Html.parse(stale), "#order-conflict");
        assertEquals(3, app.services().charts().find("capacity").orElseThrow().position());

        Map<String, String> fresh = c.form("/admin/charts", "chart-order");
        fresh.put("move", "down:timeline");
        fresh.put("reason", "last cannot go down");
        assertEquals(422, c.post("/admin/charts", fresh).statusCode());
    }

    @Test
    void anUnknownChartIs404() {
        assertEquals(404, c.get("/admin/charts/no-such-chart").statusCode());
        assertEquals(404, c.get("/admin/charts/no-such-chart/archive").statusCode());
        Map<String, String> form = newChart();
        assertEquals(404, c.post("/admin/charts/no-such-chart", form).statusCode());
    }
}
