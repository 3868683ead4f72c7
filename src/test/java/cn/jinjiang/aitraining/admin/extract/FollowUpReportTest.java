package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10's whole path through the real server: a follow-up report of 2025-09-30 pasted at
 * /admin/extract, the suggestions ticked, checked once on the review form and saved in one
 * transaction; then the public JSON and pages in both languages.
 */
@Timeout(120)
public class FollowUpReportTest {
    /** Written for this test in the style of the seed page; the traps are the test, the plan and the rate. */
    public static final String REPORT = "今年以来，晋江市累计开展集中培训、主题沙龙、理论研讨等112场AI学习活动，覆盖干部1.5万余人次。"
            + "目前，晋江干部线上学习累计突破2万学时。深入摸排应用场景，累计征集60个场景项目，总投资达3.1亿元。"
            + "9月，全市约3200名干部参加人工智能知识测试，合格率达98%。"
            + "计划10月中旬再选派40名干部赴上海、深圳跟班学习。"
            + "9月26日，晋江举办首届干部AI应用技能大赛。";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final ObjectMapper JSON = new ObjectMapper();

    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : List.of("figure", "observation", "audit_entry", "event")) {
            out.put(table, app.database().jdbi().withHandle(h ->
                    h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one()));
        }
        return out;
    }

    private Document extract() {
        HttpResponse<String> r = c.post("/admin/extract", Map.of("text", REPORT, "date", "2025-09-30", "source", "晋江经济报"));
        assertEquals(200, r.statusCode());
        return Html.parse(r);
    }

    private static Element row(Document page, String span) {
        for (Element row : page.select("tr.candidate")) {
            if (row.select("label.candidate-span").text().equals(span)) return row;
        }
        throw new AssertionError("no candidate " + span);
    }

    /** Ticks these spans with the target each shows, and posts the review. */
    private Document review(Document page, List<String> spans) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        pairs.add(Map.entry("_csrf", Html.csrf(page)));
        for (String span : spans) {
            Element r = row(page, span);
            pairs.add(Map.entry("keep", Html.one(r, "input[name=keep]").val()));
            pairs.add(Map.entry("target_" + r.attr("data-index"), Html.one(r, "input.target-input").val()));
        }
        HttpResponse<String> response = c.postPairs("/admin/extract/review", pairs);
        assertEquals(200, response.statusCode(), response.body());
        return Html.parse(response);
    }

    /** The review form's fields as a browser would send them (the repeated "row" kept), with changes. */
    private static List<Map.Entry<String, String>> formData(Document review, Map<String, String> changes) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>(changes);
        for (Connection.KeyVal kv : Html.form(review, "extract-apply-form").formData()) {
            String v = left.containsKey(kv.key()) ? left.remove(kv.key()) : kv.value();
            pairs.add(Map.entry(kv.key(), v));
        }
        left.forEach((k, v) -> pairs.add(Map.entry(k, v)));
        return pairs;
    }

    private static Element reviewRow(Document review, String span) {
        for (Element f : review.select("fieldset.review-item")) {
            if (Html.one(f, "legend strong").text().equals(span)) return f;
        }
        throw new AssertionError("no review row " + span);
    }

    private static String field(Document review, String span, String name) {
        Element r = reviewRow(review, span);
        return Html.one(r, "[name=" + name + "_" + r.attr("data-index") + "]").val();
    }

    private static String id(Document review, String span, String name) {
        return name + "_" + reviewRow(review, span).attr("data-index");
    }

    @Test
    void suggestionsAreTrustworthyAndTheTrapsDefaultToNewFigures() {
        Document page = extract();
        Element activities = row(page, "112场");
        assertEquals("ai-learning-activities", activities.attr("data-suggested"));
        String why = Html.one(activities, ".suggestion-reason").text();
        assertTrue(why.contains("单位“场”") && why.contains("主语“AI学习活动”与名称相符"), why);
        assertTrue(why.contains("置信度"), why);
        assertEquals("2025年以来", activities.attr("data-period"));
        assertEquals("ai-training-attendance", row(page, "1.5万余人次").attr("data-suggested"));
        assertEquals("ai-online-study-hours", row(page, "突破2万学时").attr("data-suggested"));
        assertEquals("累计", row(page, "突破2万学时").attr("data-period"), "目前/累计 keeps the figure's cumulative period");
        assertEquals("ai-scenario-projects", row(page, "60个").attr("data-suggested"));
        assertEquals("ai-scenario-investment", row(page, "3.1亿元").attr("data-suggested"));

        Element test = row(page, "约3200名");
        assertEquals("", test.attr("data-suggested"), "officials who sat a test are not the seconded officials");
        assertEquals("", Html.one(test, "input.target-input").val());
        assertTrue(Html.one(test, ".suggestion-reason").text().contains("低于60%"));
        Element trip = row(page, "40名");
        assertEquals("", trip.attr("data-suggested"), "a planned trip is never suggested");
        assertEquals("future", trip.attr("data-flags"));
        assertTrue(trip.text().contains("计划或预计"));
        Element rate = row(page, "98%");
        assertEquals("rate", rate.attr("data-flags"));
        assertEquals("", rate.attr("data-suggested"));

        // one list of figures for the whole page, none per row
        assertEquals(1, page.select("datalist#figure-keys").size());
        assertEquals(0, page.select("tr.candidate select").size());

        Document en = Html.parse(c.post("/admin/extract?lang=en", Map.of("text", REPORT, "date", "2025-09-30", "source", "晋江经济报")));
        String whyEn = Html.one(row(en, "112场"), ".suggestion-reason").text();
        assertTrue(whyEn.contains("unit 场, subject 'AI学习活动' matches the label"), whyEn);
        assertTrue(row(en, "112场").text().contains("Period: 2025 year to date"));
    }

    @Test
    void oneReviewFormSavesEverythingTickedInOneTransactionAndThePublicPagesAreRight() throws Exception {
        Document page = extract();
        Map<String, Integer> before = counts();
        Document review = review(page, List.of("112场", "1.5万余人次", "突破2万学时", "60个", "3.1亿元", "98%", "约3200名", "9月26日"));
        assertEquals(before, counts(), "the review saves nothing");
        assertEquals(8, review.select("fieldset.review-item").size());
        assertEquals("2025年以来", field(review, "112场", "period"));
        assertEquals("2025 year to date", field(review, "112场", "period_en"));
        assertEquals("累计", field(review, "突破2万学时", "period"));
        assertEquals("cumulative", field(review, "突破2万学时", "period_en"));
        assertEquals("ai-learning-activities", reviewRow(review, "112场").attr("data-target"));
        assertEquals("event", reviewRow(review, "9月26日").attr("data-type"));
        assertEquals("2025-09-26", field(review, "9月26日", "date"));
        assertEquals("晋江举办首届干部AI应用技能大赛", field(review, "9月26日", "title_zh"));
        assertEquals("晋江经济报", Html.fields(review, "extract-apply-form").get("source"), "the source once for all");

        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("source_headline", "晋江AI赋能干部培训再上新台阶");
        typed.put("reason", "9月30日晋江经济报的后续报道");
        typed.put(id(review, "98%", "label_zh"), "AI知识测试合格率");
        typed.put(id(review, "98%", "label_en"), "Pass rate of the AI knowledge test");
        typed.put(id(review, "98%", "period"), "2025年9月");
        typed.put(id(review, "98%", "period_en"), "September 2025");
        typed.put(id(review, "约3200名", "label_zh"), "参加AI知识测试的干部");
        typed.put(id(review, "约3200名", "label_en"), "Officials who sat the AI knowledge test");
        typed.put(id(review, "约3200名", "period"), "2025年9月");
        typed.put(id(review, "约3200名", "period_en"), "September 2025");
        typed.put(id(review, "9月26日", "title_en"), "Jinjiang holds its first AI skills contest for officials");

        // one row wrong: nothing at all is saved, and the summary names the row and the field
        Map<String, String> missing = new LinkedHashMap<>(typed);
        missing.put(id(review, "约3200名", "label_en"), "");
        missing.put(id(review, "98%", "period_en"), "2025年9月");
        HttpResponse<String> refused = c.postPairs("/admin/extract/apply", formData(review, missing));
        assertEquals(422, refused.statusCode());
        assertEquals(before, counts());
        Map<String, String> summary = Html.errorSummary(Html.parse(refused));
        assertEquals("约3200名 · 名称（英文）：请填写此项。", summary.get(id(review, "约3200名", "label_en")), summary.toString());
        assertTrue(summary.get(id(review, "98%", "period_en")).contains("不要含汉字"), summary.toString());

        HttpResponse<String> posted = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(303, posted.statusCode(), Html.errorSummary(Html.parse(posted)).toString());
        String savedUrl = posted.headers().firstValue("Location").orElseThrow();
        assertTrue(savedUrl.matches("/admin/extract/saved/[0-9a-f]{32}"), savedUrl);
        HttpResponse<String> saved = c.get(savedUrl);
        assertEquals(200, saved.statusCode());
        Map<String, Integer> after = counts();
        assertEquals(before.get("figure") + 2, after.get("figure"));
        assertEquals(before.get("observation") + 7, after.get("observation"));
        assertEquals(before.get("event") + 1, after.get("event"));
        assertEquals(before.get("audit_entry") + 8, after.get("audit_entry"), "one audit entry per row");
        Document done = Html.parse(saved);
        List<String> links = done.select("#saved-list a").eachAttr("href");
        assertTrue(links.contains("/figures/ai-learning-activities"), links.toString());
        assertTrue(links.contains("/figures/pass-rate-of-the-ai-knowledge-test"), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.startsWith("/admin/events/jinjiang-holds-its-first-ai-skills-contest")), links.toString());

        // public JSON: normalised periods, one period per history line, no Chinese in English fields
        JsonNode activities = JSON.readTree(c.get("/api/figures/ai-learning-activities").body());
        assertEquals(112, activities.get("value").asInt());
        assertEquals("2025年以来", activities.get("period").asText());
        assertEquals("2025 year to date", activities.get("period_en").asText());
        assertEquals("晋江AI赋能干部培训再上新台阶", activities.get("source").get("headline").asText());
        for (JsonNode o : activities.get("observations")) assertEquals("2025年以来", o.get("period").asText(), "one period per line");
        JsonNode hours = JSON.readTree(c.get("/api/figures/ai-online-study-hours").body());
        for (JsonNode o : hours.get("observations")) assertEquals("累计", o.get("period").asText());
        assertEquals(20000, hours.get("value").asInt());
        JsonNode all = JSON.readTree(c.get("/api/figures").body());
        assertNoHanInEnglish(all);
        JsonNode rate = JSON.readTree(c.get("/api/figures/pass-rate-of-the-ai-knowledge-test").body());
        assertEquals(98, rate.get("value").asInt());
        assertEquals("September 2025", rate.get("period_en").asText());
        JsonNode seconded = JSON.readTree(c.get("/api/figures/cadres-seconded-shanghai-shenzhen").body());
        assertEquals(62, seconded.get("value").asInt(), "the trap numbers never reached this figure");
        JsonNode events = JSON.readTree(c.get("/api/events").body());
        assertNoHanInEnglish(events);
        JsonNode contest = null;
        for (JsonNode e : events.get("events")) if ("2025-09-26".equals(e.path("date").asText())) contest = e;
        assertNotNull(contest, events.toString());
        assertEquals("晋江举办首届干部AI应用技能大赛", contest.get("title_zh").asText());

        String zh = c.get("/?lang=zh").body();
        assertTrue(zh.contains("112场"), "the dashboard shows the new value");
        Document en = c.page("/?lang=en");
        List<String> periods = en.select(".card-period").eachText();
        assertFalse(periods.isEmpty());
        assertTrue(periods.contains("2025 year to date"), periods.toString());
        for (String p : periods) assertFalse(HAN.matcher(p).find(), "an English card reads " + p);
        assertTrue(c.get("/figures/pass-rate-of-the-ai-knowledge-test?lang=en").body().contains("September 2025"));

        // the same form again (browser back, submit): nothing saved twice, the first save is shown
        HttpResponse<String> again = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(303, again.statusCode());
        assertEquals(savedUrl + "?again=yes", again.headers().firstValue("Location").orElseThrow());
        assertEquals(after, counts(), "saved once");
        Document shown = c.page(savedUrl + "?again=yes");
        assertNotNull(shown.getElementById("saved-already"));
        assertEquals(links, shown.select("#saved-list a").eachAttr("href"));
    }

    @Test
    void anUnusualValueNeedsTheConfirmationAndSavesNothingWithoutIt() {
        Document page = extract();
        Document review = review(page, List.of("3.1亿元"));
        Map<String, Integer> before = counts();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("reason", "更正");
        typed.put(id(review, "3.1亿元", "value"), "3.1");
        HttpResponse<String> warned = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(422, warned.statusCode());
        assertEquals(before, counts());
        Document d = Html.parse(warned);
        String warnings = Html.one(d, "#unusual-summary").text();
        assertTrue(warnings.contains("不足1万元"), warnings);
        assertTrue(warnings.contains("10倍"), warnings);
        assertNotNull(d.getElementById("confirm_unusual"));

        typed.put("confirm_unusual", "yes");
        HttpResponse<String> confirmed = c.postPairs("/admin/extract/apply", formData(d, typed));
        assertEquals(303, confirmed.statusCode(), Html.errorSummary(Html.parse(confirmed)).toString());
        assertEquals(before.get("observation") + 1, counts().get("observation"));
    }

    private static void assertNoHanInEnglish(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().endsWith("_en") && e.getValue().isTextual()) {
                    assertFalse(HAN.matcher(e.getValue().asText()).find(), e.getKey() + " = " + e.getValue());
                }
                assertNoHanInEnglish(e.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(FollowUpReportTest::assertNoHanInEnglish);
        }
    }
}
