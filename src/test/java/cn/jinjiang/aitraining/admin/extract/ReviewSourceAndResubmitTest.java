package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jsoup.Connection;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What issue 10 left open on the review path: the source's headline and author captured once and
 * shown on the figure page, a review that saves once however often it is sent, English units for
 * new figures from the rule table, and new events with the source's author.
 */
@Timeout(120)
class ReviewSourceAndResubmitTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final ObjectMapper JSON = new ObjectMapper();

    TestApp app;
    WebClient c;
    /** What the last {@link #review} posted to /admin/extract/review. */
    List<Map.Entry<String, String>> reviewPosted;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private int count(String table) {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String t : List.of("figure", "observation", "event", "audit_entry", "source")) out.put(t, count(t));
        return out;
    }

    /** The follow-up report extracted, these spans ticked with their suggested targets, and the review form. */
    private Document review(String... spans) {
        Document page = Html.parse(c.post("/admin/extract",
                Map.of("text", FollowUpReportTest.REPORT, "date", "2025-09-30", "source", "晋江经济报")));
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        pairs.add(Map.entry("_csrf", Html.csrf(page)));
        pairs.add(Map.entry("submission", Html.fields(page, "extract-pick-form").get("submission")));
        for (String span : spans) {
            Element row = page.select("tr.candidate").stream()
                    .filter(r -> r.select("label.candidate-span").text().equals(span)).findFirst().orElseThrow();
            pairs.add(Map.entry("keep", Html.one(row, "input[name=keep]").val()));
            pairs.add(Map.entry("target_" + row.attr("data-index"), Html.one(row, "input.target-input").val()));
        }
        HttpResponse<String> r = c.postPairs("/admin/extract/review", pairs);
        assertEquals(200, r.statusCode(), r.body());
        reviewPosted = pairs;
        return Html.parse(r);
    }

    private static String id(Document review, String span, String field) {
        for (Element f : review.select("fieldset.review-item")) {
            if (Html.one(f, "legend strong").text().equals(span)) return field + "_" + f.attr("data-index");
        }
        throw new AssertionError("no review row " + span);
    }

    /** The review form as a browser sends it, with these fields changed or added. */
    private static List<Map.Entry<String, String>> formData(Document review, Map<String, String> changes) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>(changes);
        for (Connection.KeyVal kv : Html.form(review, "extract-apply-form").formData()) {
            pairs.add(Map.entry(kv.key(), left.containsKey(kv.key()) ? left.remove(kv.key()) : kv.value()));
        }
        left.forEach((k, v) -> pairs.add(Map.entry(k, v)));
        return pairs;
    }

    /** The three rows every test here saves: a report, a new figure and a new event. */
    private Map<String, String> typed(Document review) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("source_headline", "晋江AI赋能干部培训再上新台阶");
        typed.put("source_author", "陈晓梅");
        typed.put("reason", "9月30日晋江经济报的后续报道");
        typed.put(id(review, "约3200名", "label_zh"), "参加AI知识测试的干部");
        typed.put(id(review, "约3200名", "label_en"), "Officials who sat the AI knowledge test");
        typed.put(id(review, "约3200名", "period"), "2025年9月");
        typed.put(id(review, "约3200名", "period_en"), "September 2025");
        if (!review.select("fieldset.review-item[data-type=event]").isEmpty()) {
            typed.put(id(review, "9月26日", "title_en"), "Jinjiang holds its first AI skills contest for officials");
        }
        return typed;
    }

    private static Map<String, String> sourceRows(Document figurePage) {
        Element list = Html.one(figurePage, "dl.source-list");
        Map<String, String> rows = new LinkedHashMap<>();
        List<Element> terms = list.select("dt");
        for (int i = 0; i < terms.size(); i++) rows.put(terms.get(i).text(), list.select("dd").get(i).text());
        return rows;
    }

    @Test
    void headlineAndAuthorAreCapturedOnceAndShownOnTheFigurePagesAndKeptForTheEvent() throws Exception {
        Document review = review("112场", "约3200名", "9月26日");
        Map<String, String> shared = Html.fields(review, "extract-apply-form");
        assertTrue(shared.containsKey("source_author"), "the review asks for the author once: " + shared.keySet());
        assertEquals(1, review.select("#review-source input[name=source_author]").size());

        HttpResponse<String> saved = c.postPairs("/admin/extract/apply", formData(review, typed(review)));
        assertEquals(303, saved.statusCode(), Html.errorSummary(Html.parse(saved)).toString());

        for (String key : List.of("ai-learning-activities", "officials-who-sat-the-ai-knowledge-test")) {
            Map<String, String> zh = sourceRows(c.page("/figures/" + key + "?lang=zh"));
            assertEquals("晋江AI赋能干部培训再上新台阶", zh.get("标题"), key + " " + zh);
            assertEquals("陈晓梅", zh.get("作者"), key + " " + zh);
            Map<String, String> en = sourceRows(c.page("/figures/" + key + "?lang=en"));
            assertEquals("陈晓梅", en.get("Author"), key + " " + en);
        }
        JsonNode figure = JSON.readTree(c.get("/api/figures/officials-who-sat-the-ai-knowledge-test").body());
        assertEquals("陈晓梅", figure.get("source").get("author").asText());
        // the event's source is the same article, with its author
        String eventAuthor = app.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.author FROM event e JOIN source s ON s.id = e.source_id
                         WHERE e.event_key = 'jinjiang-holds-its-first-ai-skills-contest-for-officials'""")
                .mapTo(String.class).one());
        assertEquals("陈晓梅", eventAuthor);
    }

    @Test
    void theSameReviewSentAgainSavesNothingAndShowsWhatTheFirstSaved() {
        Document review = review("112场", "约3200名", "9月26日");
        assertEquals(1, review.select("#extract-apply-form input[name=submission]").size(), "a one-time token");
        assertEquals(reviewPosted.get(1).getValue(), Html.fields(review, "extract-apply-form").get("submission"),
                "the token the extract page was rendered with");
        Map<String, Integer> before = counts();
        List<Map.Entry<String, String>> form = formData(review, typed(review));

        HttpResponse<String> first = c.postPairs("/admin/extract/apply", form);
        assertEquals(303, first.statusCode(), Html.errorSummary(Html.parse(first)).toString());
        String savedUrl = first.headers().firstValue("Location").orElseThrow();
        Map<String, Integer> after = counts();
        assertEquals(before.get("figure") + 1, after.get("figure"));
        assertEquals(before.get("event") + 1, after.get("event"));
        Document savedPage = c.page(savedUrl);
        assertNull(savedPage.getElementById("saved-already"));
        List<String> links = savedPage.select("#saved-list a").eachAttr("href");
        assertEquals(3, links.size(), links.toString());

        // browser back and submit again: post/redirect/get lands on the first save, nothing is written
        HttpResponse<String> again = c.postPairs("/admin/extract/apply", form);
        assertEquals(303, again.statusCode());
        String againUrl = again.headers().firstValue("Location").orElseThrow();
        assertEquals(savedUrl + "?again=yes", againUrl);
        assertEquals(after, counts());
        Document againPage = c.page(againUrl);
        assertTrue(Html.one(againPage, "#saved-already").text().contains("已经保存过"), againPage.text());
        assertEquals(links, againPage.select("#saved-list a").eachAttr("href"));
        // the review itself sent again (the browser's "resubmit the form" after going back to it)
        HttpResponse<String> reviewAgain = c.postPairs("/admin/extract/review", reviewPosted);
        assertEquals(303, reviewAgain.statusCode());
        assertEquals(againUrl, reviewAgain.headers().firstValue("Location").orElseThrow());
        Document english = c.page(againUrl + "&lang=en");
        assertTrue(Html.one(english, "#saved-already").text().contains("already saved"), english.text());
        assertEquals(links, english.select("#saved-list a").eachAttr("href"));
        c.get("/?lang=zh");

        // a token never issued by a saved review is no page; a form without one saves nothing
        assertEquals(404, c.get("/admin/extract/saved/0123456789abcdef0123456789abcdef").statusCode());
        List<Map.Entry<String, String>> noToken = new ArrayList<>(formData(review("60个"), Map.of("reason", "x")));
        noToken.removeIf(e -> e.getKey().equals("submission"));
        Map<String, Integer> now = counts();
        HttpResponse<String> refused = c.postPairs("/admin/extract/apply", noToken);
        assertEquals(422, refused.statusCode());
        assertEquals(now, counts());
        Document shownAgain = Html.parse(refused);
        assertTrue(Html.one(shownAgain, "#review-conflict").text().contains("一次性校验码"));
        assertTrue(Html.fields(shownAgain, "extract-apply-form").get("submission").matches("[0-9a-f]{32}"));
    }

    @Test
    void aDoubleClickSendsTheFormTwiceAtOnceAndItIsSavedOnce() throws Exception {
        Document review = review("112场", "约3200名", "9月26日");
        Map<String, Integer> before = counts();
        List<Map.Entry<String, String>> form = formData(review, typed(review));
        int senders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Callable<HttpResponse<String>> send = () -> {
                    go.await();
                    return c.postPairs("/admin/extract/apply", form);
                };
                answers.add(pool.submit(send));
            }
            go.countDown();
            int first = 0;
            int repeats = 0;
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertEquals(303, r.statusCode(), r.body());
                if (r.headers().firstValue("Location").orElseThrow().endsWith("?again=yes")) repeats++;
                else first++;
            }
            assertEquals(1, first, "exactly one request saved");
            assertEquals(senders - 1, repeats);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> after = counts();
        assertEquals(before.get("figure") + 1, after.get("figure"));
        assertEquals(before.get("observation") + 2, after.get("observation"));
        assertEquals(before.get("event") + 1, after.get("event"));
        assertEquals(before.get("audit_entry") + 3, after.get("audit_entry"));
    }

    @Test
    void aNewFigureGetsItsEnglishUnitFromTheRuleTableAndNeverChinese() throws Exception {
        Document review = review("约3200名", "60个");
        assertEquals("people", Html.fields(review, "extract-apply-form").get(id(review, "约3200名", "unit_en")));
        // 60个 is suggested for the scenario projects: a report keeps that figure's own English unit
        assertEquals(0, review.select("[name=" + id(review, "60个", "unit_en") + "]").size());

        Map<String, String> typed = typed(review);
        // an unknown unit has no automatic English: asked for, nothing saved
        typed.put(id(review, "约3200名", "unit"), "座");
        typed.put(id(review, "约3200名", "unit_en"), "");
        Map<String, Integer> before = counts();
        HttpResponse<String> refused = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(422, refused.statusCode());
        assertEquals(before, counts());
        Map<String, String> summary = Html.errorSummary(Html.parse(refused));
        assertTrue(summary.get(id(review, "约3200名", "unit_en")).contains("单位（英文）"), summary.toString());
        // Chinese typed into the English unit is refused
        typed.put(id(review, "约3200名", "unit_en"), "名");
        refused = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(422, refused.statusCode());
        assertTrue(Html.errorSummary(Html.parse(refused)).get(id(review, "约3200名", "unit_en")).contains("不要含汉字"));
        assertEquals(before, counts());

        // the recognised unit, left blank, is filled from the rule table
        typed.put(id(review, "约3200名", "unit"), "名");
        typed.put(id(review, "约3200名", "unit_en"), "");
        HttpResponse<String> saved = c.postPairs("/admin/extract/apply", formData(review, typed));
        assertEquals(303, saved.statusCode(), Html.errorSummary(Html.parse(saved)).toString());
        String unitEn = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT unit_en FROM figure WHERE figure_key = 'officials-who-sat-the-ai-knowledge-test'")
                .mapTo(String.class).one());
        assertEquals("people", unitEn);
        JsonNode f = JSON.readTree(c.get("/api/figures/officials-who-sat-the-ai-knowledge-test").body());
        assertEquals("about 3,200 people", f.get("display_en").asText());
        JsonNode all = JSON.readTree(c.get("/api/figures").body());
        for (JsonNode figure : all.get("figures")) {
            assertFalse(HAN.matcher(figure.get("display_en").asText()).find(), figure.toString());
        }
        assertFalse(HAN.matcher(c.page("/?lang=en").select(".card-value").text()).find());
    }

    @Test
    void theEventFormDerivesAMissingKeyAndKeepsTheSourcesAuthor() {
        Map<String, String> form = c.form("/admin/events/new", "event-form");
        assertTrue(form.containsKey("source_author"), form.keySet().toString());
        form.put("key", "");
        form.put("date", "2025-09-26");
        form.put("title_zh", "晋江举办首届干部AI应用技能大赛");
        form.put("title_en", "First AI skills contest for officials");
        form.put("kind", "debate");
        form.put("source", "晋江经济报");
        form.put("source_date", "2025-09-30");
        form.put("source_headline", "晋江AI赋能干部培训再上新台阶");
        form.put("source_author", "陈晓梅");
        form.put("quote", "晋江举办首届干部AI应用技能大赛");
        form.put("reason", "后续报道");
        HttpResponse<String> created = c.post("/admin/events/new", form);
        assertEquals(303, created.statusCode(), Html.errorSummary(Html.parse(created)).toString());
        Map<String, String> edit = c.form("/admin/events/first-ai-skills-contest-for-officials", "event-form");
        assertEquals("陈晓梅", edit.get("source_author"));
        assertEquals("晋江AI赋能干部培训再上新台阶", edit.get("source_headline"));

        // the same title again gets the next free key; a title with no Latin letters gets event-N
        assertEquals(303, c.post("/admin/events/new", form).statusCode());
        assertNotNull(c.form("/admin/events/first-ai-skills-contest-for-officials-2", "event-form"));
        form.put("title_en", "—");
        HttpResponse<String> noLatin = c.post("/admin/events/new", form);
        assertEquals(303, noLatin.statusCode(), Html.errorSummary(Html.parse(noLatin)).toString());
        String key = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT event_key FROM event ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertTrue(key.matches("event-\\d+"), key);
    }

    @Test
    void theImportReadsAnAuthorColumn() {
        String csv = "key,label_zh,label_en,category,value,unit,qualifier,period,as_of,source,source_date,quote,"
                + "source_headline,source_author\r\n"
                + "ai-agents-built,自建智能体,AI agents built,ai-application,120,个,over,2025年以来,2025/9/30,泉州晚报,"
                + "2025/9/30,自建智能体超过120个,晋江干部自建智能体超百个,林志远\r\n";
        HttpResponse<String> preview = c.upload("/admin/import", "figures.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, preview.statusCode(), preview.body());
        Document page = Html.parse(preview);
        Map<String, String> form = Html.fields(page, "import-apply-form");
        form.put("reason", "import with an author");
        assertEquals(303, c.postAsIs(Html.form(page, "import-apply-form").attr("action"), form).statusCode());
        Map<String, String> zh = sourceRows(c.page("/figures/ai-agents-built?lang=zh"));
        assertEquals("林志远", zh.get("作者"), zh.toString());
        assertEquals("晋江干部自建智能体超百个", zh.get("标题"), zh.toString());
    }
}
