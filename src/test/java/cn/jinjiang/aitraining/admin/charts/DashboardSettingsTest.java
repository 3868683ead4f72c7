package cn.jinjiang.aitraining.admin.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /admin/dashboard: the site's texts and the headline cards, changed, refused, audited and reverted over HTTP. */
class DashboardSettingsTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private List<String> cards(String lang) {
        return c.page("/?lang=" + lang).select("ul.cards li.card").eachAttr("data-key");
    }

    private String revert(String entity, String reason) {
        Element entry = Html.one(c.page("/admin/audit?entity=" + entity), ".audit-entry");
        String id = entry.id().substring("audit-".length());
        Map<String, String> form = c.form("/admin/audit/" + id, "revert-form");
        form.put("reason", reason);
        HttpResponse<String> r = c.post("/admin/audit/" + id + "/revert", form);
        assertEquals(303, r.statusCode(), r.body());
        return id;
    }

    @Test
    void changedSiteTextsShowOnTheDashboardInBothLanguagesAndRevert() {
        Map<String, String> form = c.form("/admin/dashboard", "site-form");
        String oldTitle = form.get("site_title_zh");
        form.put("site_title_zh", "晋江干部AI培训看板");
        form.put("site_title_en", "Jinjiang officials’ AI training");
        form.put("subtitle_en", "Every number cites its report.");
        form.put("footer_zh", "页脚：数据摘自公开报道。");
        form.put("reason", "更简短的标题");
        HttpResponse<String> r = c.post("/admin/dashboard", form);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/admin/dashboard", r.headers().firstValue("Location").orElseThrow());

        Document zh = c.page("/?lang=zh");
        assertEquals("晋江干部AI培训看板", Html.one(zh, "h1").text());
        assertEquals("晋江干部AI培训看板", Html.one(zh, "header .brand").text());
        assertEquals("页脚：数据摘自公开报道。", Html.one(zh, "footer p").text());
        Document en = c.page("/?lang=en");
        assertEquals("Jinjiang officials’ AI training", Html.one(en, "h1").text());
        assertEquals("Every number cites its report.", Html.one(en, ".lede").text());
        // every page's header and footer, not only the dashboard's
        for (String path : List.of("/figures", "/changes", "/figures/ai-lectures", "/no-such-page")) {
            Document other = Html.parse(c.get(path + (path.contains("?") ? "&" : "?") + "lang=zh"));
            assertEquals("晋江干部AI培训看板", Html.one(other, "header .brand").text(), path);
            assertEquals("页脚：数据摘自公开报道。", Html.one(other, "footer p").text(), path);
        }

        revert("site:site", "撤销标题修改");
        assertEquals(oldTitle, Html.one(c.page("/?lang=zh"), "h1").text());
        assertEquals(oldTitle, c.form("/admin/dashboard", "site-form").get("site_title_zh"));
    }

    @Test
    void siteTextsThatDoNotValidateAreRefusedInTheUsersLanguage() {
        String before = c.get("/?lang=en").body();
        Map<String, String> form = c.form("/admin/dashboard", "site-form");
        form.put("site_title_en", "看板");
        form.put("footer_zh", "");
        form.put("reason", "");
        HttpResponse<String> zh = c.post("/admin/dashboard?lang=zh", form);
        assertEquals(422, zh.statusCode());
        Map<String, String> summary = Html.errorSummary(Html.parse(zh));
        assertEquals(List.of("site_title_en", "footer_zh", "reason"), List.copyOf(summary.keySet()));
        assertTrue(summary.get("site_title_en").startsWith("看板标题（英文）"), summary.get("site_title_en"));
        assertEquals("看板", Html.fields(Html.parse(zh), "site-form").get("site_title_en"), "what was typed is kept");
        HttpResponse<String> en = c.post("/admin/dashboard?lang=en", form);
        assertTrue(Html.errorSummary(Html.parse(en)).get("footer_zh").startsWith("Footer note (Chinese)"));
        assertEquals(before, c.get("/?lang=en").body());
    }

    @Test
    void aStaleSiteFormIs409() {
        Map<String, String> mine = c.form("/admin/dashboard", "site-form");
        Map<String, String> theirs = c.form("/admin/dashboard", "site-form");
        theirs.put("programme_zh", "他们的项目名");
        theirs.put("reason", "theirs");
        assertEquals(303, c.post("/admin/dashboard", theirs).statusCode());
        mine.put("programme_zh", "我的项目名");
        mine.put("reason", "mine");
        HttpResponse<String> r = c.post("/admin/dashboard", mine);
        assertEquals(409, r.statusCode());
        Element row = Html.parse(r).select("table.conflict-table tr").stream()
                .filter(tr -> tr.text().contains("他们的项目名")).findFirst().orElseThrow();
        assertTrue(row.text().contains("我的项目名") && row.hasClass("yours-changed"), row.outerHtml());
        Element title = Html.parse(r).select("table.conflict-table tbody tr").first();
        assertTrue(title.hasClass("yours-unchanged"), "the title was not changed on this form: " + title.outerHtml());
        assertEquals("他们的项目名", app.services().charts().siteSettings().programmeZh());
    }

    @Test
    void theHeadlineOrderChangesTheDashboardsCardsAndReverts() {
        List<String> before = cards("zh");
        assertTrue(before.size() >= 3, before.toString());
        Map<String, String> form = c.form("/admin/dashboard", "headline-form");
        assertEquals(String.join(", ", before), form.get("headlines"), "the form shows the order now");

        List<String> reversed = new ArrayList<>(before);
        Collections.reverse(reversed);
        reversed.remove(reversed.size() - 1);
        reversed.add(1, "ai-debate-classes");
        form.put("headlines", String.join("，", reversed));
        form.put("headline_reason", "新的卡片顺序");
        HttpResponse<String> r = c.post("/admin/dashboard/headlines", form);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(reversed, cards("zh"));
        assertEquals(reversed, cards("en"));
        assertEquals(reversed, Html.one(c.page("/admin/dashboard"), "table.headline-now").select("tbody tr").eachAttr("data-key"));

        Element entry = Html.one(c.page("/admin/audit?entity=figure:" + before.get(0) + "&lang=zh"), ".audit-entry");
        assertTrue(entry.text().contains("新的卡片顺序"), "each figure that changed is audited with the reason");
        assertTrue(entry.select("ul.changes li").eachText().contains("重点指标卡片: 是 → 否"), entry.text());
        revert("figure:" + before.get(0), "put the first card back");
        assertTrue(cards("zh").contains(before.get(0)), "the revert makes it a headline card again");
    }

    @Test
    void headlineKeysThatAreUnknownOrRepeatedAreRefusedAndAStaleOrderIs409() {
        List<String> before = cards("zh");
        Map<String, String> form = c.form("/admin/dashboard", "headline-form");
        form.put("headlines", "ai-lectures, no-such-figure");
        form.put("headline_reason", "typo");
        HttpResponse<String> unknown = c.post("/admin/dashboard/headlines?lang=en", form);
        assertEquals(422, unknown.statusCode());
        String message = Html.errorSummary(Html.parse(unknown)).get("headlines");
        assertTrue(message.startsWith("Figures on the cards") && message.contains("no-such-figure"), message);
        form.put("headlines", "ai-lectures, ai-lectures");
        HttpResponse<String> twice = c.post("/admin/dashboard/headlines?lang=zh", form);
        assertEquals(422, twice.statusCode());
        assertTrue(Html.errorSummary(Html.parse(twice)).containsKey("headlines"));
        assertEquals(before, cards("zh"));

        Map<String, String> stale = c.form("/admin/dashboard", "headline-form");
        Map<String, String> first = c.form("/admin/dashboard", "headline-form");
        first.put("headlines", "ai-lectures");
        first.put("headline_reason", "one card");
        assertEquals(303, c.post("/admin/dashboard/headlines", first).statusCode());
        stale.put("headlines", "ai-debate-classes");
        stale.put("headline_reason", "another card");
        HttpResponse<String> r = c.post("/admin/dashboard/headlines", stale);
        assertEquals(409, r.statusCode());
        assertEquals(List.of("ai-lectures"), cards("zh"));
    }

    @Test
    void theFormsRefuseAPostWithoutTheCsrfToken() {
        Map<String, String> site = c.form("/admin/dashboard", "site-form");
        site.put("site_title_zh", "伪造");
        site.put("reason", "forged");
        site.remove("_csrf");
        assertEquals(403, c.postAsIs("/admin/dashboard", site).statusCode());
        Map<String, String> headlines = c.form("/admin/dashboard", "headline-form");
        headlines.put("headlines", "ai-lectures");
        headlines.put("headline_reason", "forged");
        headlines.put("_csrf", "forged");
        assertEquals(403, c.postAsIs("/admin/dashboard/headlines", headlines).statusCode());
        assertTrue(!app.services().charts().siteSettings().titleZh().equals("伪造"));
        assertTrue(cards("zh").size() > 1);
    }
}
