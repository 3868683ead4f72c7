package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chart model the admin pages build on, against a real database: checking a definition (field
 * errors with message keys), saving with optimistic locking, archiving, the audit entries and their
 * revert, and what line charts and number cards show from a figure's history.
 */
class ChartServiceTest {
    TestApp server;
    ChartService charts;

    @BeforeEach
    void start() {
        server = TestApp.start();
        charts = server.services().charts();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Map<String, String> form(String slug, String type, String figures, String titleZh, String titleEn) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("slug", slug);
        f.put("type", type);
        f.put("figures", figures);
        f.put("title_zh", titleZh);
        f.put("title_en", titleEn);
        f.put("caption_zh", "说明");
        f.put("caption_en", "Caption");
        f.put("position", "");
        return f;
    }

    private ChartService.Validation check(Map<String, String> f, String editing) {
        return charts.validate(ChartForm.read(f::get), Optional.ofNullable(editing));
    }

    private static String errorKey(ChartService.Validation v, String field) {
        FieldErrors.FieldError e = v.errors().all().get(field);
        return e == null ? null : e.key();
    }

    @Test
    void aGoodDefinitionPasses() {
        var v = check(form("lectures", "vbar", "ai-lectures, ai-learning-activities", "讲座{ai-lectures}", "{ai-lectures}"), null);
        assertTrue(v.ok(), v.errors().messages(Lang.EN).toString());
        assertEquals(List.of("ai-lectures", "ai-learning-activities"), v.definition().figures());
        assertEquals(ChartType.VBAR, v.definition().type());
    }

    @Test
    void badDefinitionsAreRefusedFieldByFieldWithMessagesInBothLanguages() {
        Map<String, String> bad = form("Bad Slug", "pie", "no-such-figure", "标题{nope", "Title 标题");
        bad.put("position", "0");
        var v = check(bad, null);
        assertFalse(v.ok());
        assertEquals("chart.error.slug", errorKey(v, "slug"));
        assertEquals("chart.error.type", errorKey(v, "type"));
        assertEquals("chart.error.placeholder_malformed", errorKey(v, "title_zh"));
        assertEquals("validation.no_han", errorKey(v, "title_en"));
        assertEquals("chart.error.position", errorKey(v, "position"));
        for (Lang lang : Lang.values()) {
            v.errors().labelledMessages(lang).values().forEach(m -> assertFalse(m.contains("chart.error") || m.contains("admin.field"), m));
        }

        assertEquals("chart.error.slug_taken", errorKey(check(form("reach", "hbar", "ai-lectures", "t", "t"), null), "slug"));
        assertTrue(check(form("reach", "hbar", "ai-lectures", "t", "t"), "reach").ok(), "keeping its own slug");
        var unknown = check(form("x", "hbar", "ai-lectures, no-such-figure", "t", "t"), null);
        assertEquals("chart.error.unknown_figure", errorKey(unknown, "figures"));
        assertEquals("没有已发布的指标“no-such-figure”。请填写指标的标识，如 ai-lectures。", unknown.errors().messages(Lang.ZH).get("figures"));
        assertEquals("chart.error.placeholder_unknown",
                errorKey(check(form("x", "hbar", "ai-lectures", "{ai-training-attendance}", "t"), null), "title_zh"),
                "a placeholder must be one of the chart's figures");
        assertEquals("chart.error.placeholder_timeline",
                errorKey(check(form("x", "timeline", "", "{count} {ai-lectures}", "t"), null), "title_zh"));
        assertTrue(check(form("x", "timeline", "", "{count}个：{first}至{last}", "{count}: {first} to {last}"), null).ok());
        assertEquals("chart.error.timeline_no_figures", errorKey(check(form("x", "timeline", "ai-lectures", "t", "t"), null), "figures"));
        assertEquals("chart.error.number_one_figure", errorKey(check(form("x", "number", "ai-lectures,ai-learning-activities", "t", "t"), null), "figures"));
        assertEquals("chart.error.figures_required", errorKey(check(form("x", "line", " , ", "t", "t"), null), "figures"));
        assertEquals("chart.error.figure_twice", errorKey(check(form("x", "line", "ai-lectures,ai-lectures", "t", "t"), null), "figures"));
        Map<String, String> kinds = form("x", "timeline", "", "t", "t");
        kinds.put("event_kinds", "lecture, party");
        assertEquals("chart.error.unknown_kind", errorKey(check(kinds, null), "event_kinds"));
    }

    @Test
    void createSaveArchiveAreAuditedAndRevertible() {
        ChartDefinition d = check(form("lectures", "vbar", "ai-lectures,ai-learning-activities", "讲座{ai-lectures}",
                "{ai-lectures} so far"), null).definition();
        Chart created = charts.create(d, "new chart", "editor");
        assertEquals(5, created.position(), "goes last");
        assertEquals(1, created.version());
        WebClient c = server.cookielessClient();
        Document page = c.page("/charts/lectures");
        assertEquals("讲座6期", Html.one(page, "h1").text());
        assertEquals("/charts/lectures", Html.one(c.page("/"), "#chart-lectures .chart-title a").attr("href"));

        ChartDefinition edited = check(form("lectures", "hbar", "ai-lectures", "专题讲座{ai-lectures}", "{ai-lectures}"),
                "lectures").definition();
        Chart saved = charts.save("lectures", edited, 1, "fewer bars", "editor").orElseThrow();
        assertEquals(2, saved.version());
        assertEquals(5, saved.position(), "an empty position keeps its place");
        ChartConflict conflict = assertThrows(ChartConflict.class, () -> charts.save("lectures", d, 1, "stale", "editor"));
        assertEquals(2, conflict.current().version());
        assertEquals("hbar", charts.find("lectures").orElseThrow().type(), "nothing written by the stale save");

        charts.archive("lectures", 2, "not needed", "editor").orElseThrow();
        assertEquals(404, c.get("/charts/lectures").statusCode());
        assertTrue(c.page("/").select("#chart-lectures").isEmpty());
        String audit = server.signedIn().get("/admin/audit?entity=chart:lectures").body();
        assertTrue(audit.contains("not needed") && audit.contains("fewer bars") && audit.contains("new chart"), audit);

        long archiveEntry = latestAuditId("lectures");
        server.services().audit().revert(archiveEntry, "editor", "archived by mistake");
        assertEquals(200, c.get("/charts/lectures").statusCode(), "the revert put it back");
        assertEquals(4, charts.find("lectures").orElseThrow().version());
    }

    @Test
    void siteTextsAreRowsThatSaveWithAVersionAndShowOnTheDashboard() {
        SiteSettings s = charts.siteSettings();
        assertEquals("晋江干部“AI赋能”培训数据看板", s.titleZh());
        assertEquals("AI training for officials", s.programmeEn());
        SiteSettings changed = new SiteSettings("新标题", s.titleEn(), s.subtitleZh(), s.subtitleEn(), "新页脚", s.footerEn(),
                s.programmeZh(), s.programmeEn(), s.version());
        SiteSettings after = charts.saveSiteSettings(changed, "rename", "editor");
        assertEquals(s.version() + 1, after.version());
        assertThrows(SiteSettingsConflict.class, () -> charts.saveSiteSettings(changed, "stale", "editor"));
        Document page = server.cookielessClient().page("/");
        assertEquals("新标题", Html.one(page, "h1").text());
        assertEquals("新标题", Html.one(page, "header .brand").text());
        assertEquals("新页脚", page.select("footer p").first().text());
        server.services().audit().revert(latestAuditId(ChartService.SITE_KEY), "editor", "undo");
        assertEquals("晋江干部“AI赋能”培训数据看板", charts.siteSettings().titleZh());
    }

    @Test
    void aLineChartBreaksWherePeriodsDifferAndANumberCardIsHonestAboutChange() {
        WebClient admin = server.signedIn();
        report(admin, "ai-lectures", "9", "2025-06-30", "累计", "cumulative");
        report(admin, "ai-learning-activities", "80", "2025-06-30", "2025年以来", "2025 year to date");
        ChartDefinition line = check(form("history", "line", "ai-lectures,ai-learning-activities",
                "讲座{ai-lectures}", "{ai-lectures}"), null).definition();
        charts.create(line, "history", "editor");
        charts.create(check(form("lectures-now", "number", "ai-lectures", "讲座", "Lectures"), null).definition(), "n", "editor");
        charts.create(check(form("activities-now", "number", "ai-learning-activities", "活动", "Activities"), null).definition(), "n", "editor");

        WebClient c = server.cookielessClient();
        Document page = c.page("/charts/history");
        String json = Html.one(page, "canvas[data-chart]").attr("data-chart");
        assertTrue(json.contains("\"y\":null"), "a gap between the two periods of ai-lectures: " + json);
        assertTrue(json.contains("AI专题辅导讲座（统计期不同处断开）"), "the legend says why");
        assertFalse(json.contains("AI学习活动（统计期不同处断开）"), "the other line is whole");
        assertEquals("统计期不同的报道之间不连线：它们不能直接比较。", Html.one(page, ".chart-break").text());
        assertEquals(4, page.select("table.chart-table tbody tr").size(), "every observation in the table");
        String csv = new String(c.getBytes("/charts/history.csv").body(), StandardCharsets.UTF_8);
        assertEquals(5, csv.split("\r\n").length, "one row per observation");
        assertTrue(csv.contains("\"ai-lectures\",\"AI专题辅导讲座\",\"AI lectures\",9,\"期\",\"exact\",\"9期\",\"9 lectures\",\"累计\",\"cumulative\",\"2025-06-30\""), csv);

        assertEquals("前次：6期 (2025年5月19日)", Html.one(c.page("/charts/lectures-now"), ".number-change").text(),
                "another period: the previous value, not a made-up change");
        assertEquals("比前次（2025年5月19日）增加12场", Html.one(c.page("/charts/activities-now"), ".number-change").text());
        assertEquals("Up 12 learning activities since the previous report (19 May 2025)",
                Html.one(c.page("/charts/activities-now?lang=en"), ".number-change").text());
        assertEquals("80场", Html.one(c.page("/"), "#chart-activities-now .number-value").text(), "number cards on the dashboard");
    }

    private void report(WebClient admin, String key, String value, String asOf, String periodZh, String periodEn) {
        Map<String, String> f = admin.form("/admin/figures/" + key, "figure-form");
        f.put("mode", "report");
        f.put("value", value);
        f.put("as_of", asOf);
        f.put("period", periodZh);
        f.put("period_en", periodEn);
        f.put("source", "晋江新闻网");
        f.put("source_date", asOf);
        f.put("quote", "数值" + value);
        f.put("reason", "new report");
        f.put("confirm_unusual", "yes");
        var r = admin.post("/admin/figures/" + key, f);
        assertEquals(303, r.statusCode(), r.body());
    }

    private long latestAuditId(String key) {
        return server.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT MAX(id) FROM audit_entry WHERE entity_key = :key").bind("key", key).mapTo(Long.class).one());
    }

    @Test
    void reorderMovesChartsAndAuditsEachMove() {
        List<Chart> moved = charts.reorder(List.of("timeline", "ai-learning"), "timeline first", "editor");
        assertEquals(2, moved.size());
        List<String> order = charts.published().stream().map(Chart::slug).toList();
        assertEquals(List.of("timeline", "ai-learning"), order.subList(0, 2));
        assertEquals(4, order.size());
        List<String> ids = server.cookielessClient().page("/").select("figure.chart").eachAttr("id");
        assertEquals("chart-timeline", ids.get(0));
        assertNotEquals("chart-timeline", ids.get(ids.size() - 1));
    }
}
