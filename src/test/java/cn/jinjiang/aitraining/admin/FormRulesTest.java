package cn.jinjiang.aitraining.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the figure and event forms accept (issues 9 and 10): broken UTF-8, bidi controls, control
 * characters and long reasons, over-precise or fractional counts, Chinese in English fields are
 * refused with a message and change nothing; a new figure's key is optional; each error names its
 * field; the conflict page marks only what this form changed; unusual values need confirming; the
 * source's headline and author are kept.
 */
class FormRulesTest {
    TestApp app;
    WebClient c;

    @BeforeEach void start() {
        app = TestApp.start();
        c = app.signedIn();
    }

    @AfterEach void stop() { app.close(); }

    private String state() {
        int audit = app.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry")
                .mapTo(Integer.class).one());
        return c.get("/api/figures").body() + c.get("/api/events").body() + audit;
    }

    private Map<String, String> figureForm() {
        Map<String, String> f = c.form("/admin/figures/ai-lectures", "figure-form");
        f.put("reason", "checking the rules");
        return f;
    }

    private Map<String, String> eventForm() {
        Map<String, String> f = c.form("/admin/events/lecture-2025-02-28", "event-form");
        f.put("reason", "checking the rules");
        return f;
    }

    private Map<String, String> archiveForm() {
        return c.form("/admin/figures/ai-lectures/archive", "archive-form");
    }

    private Map<String, String> newFigure() {
        Map<String, String> form = c.form("/admin/figures/new", "figure-form");
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
        form.put("reason", "new figure");
        return form;
    }

    /** Posts the form; expects 422 with {@code field}'s message (in Chinese) containing {@code message}; nothing changed. */
    private Document refused(String path, Map<String, String> form, String field, String message) {
        String before = state();
        HttpResponse<String> r = c.post(path, form);
        assertEquals(422, r.statusCode(), path + " " + field + ": " + r.body());
        Document page = Html.parse(r);
        String shown = Html.errorSummary(page).get(field);
        assertTrue(shown != null && shown.contains(message), field + ": " + Html.errorSummary(page));
        assertEquals(before, state(), "nothing changed");
        return page;
    }

    /** A form body with one field's value given as raw, already-encoded bytes. */
    private HttpResponse<String> postRaw(String path, Map<String, String> form, String field, byte[] rawValue) {
        Map<String, String> rest = new LinkedHashMap<>(form);
        rest.remove(field);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(WebClient.encode(rest).getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(("&" + field + "=").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(rawValue);
        return c.send(c.request(path).header("Content-Type", WebClient.FORM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void brokenUtf8IsRefusedNotStoredAsReplacementCharacters() {
        String before = state();
        // a percent-encoded truncated character, and a raw byte that is not UTF-8
        for (byte[] broken : List.of("%E4%BA".getBytes(StandardCharsets.US_ASCII), new byte[] {'A', (byte) 0xFF, 'B'})) {
            HttpResponse<String> r = postRaw("/admin/figures/ai-lectures", figureForm(), "label_zh", broken);
            assertEquals(422, r.statusCode());
            assertTrue(Html.errorSummary(Html.parse(r)).get("label_zh").contains("编码错误"), r.body());
            HttpResponse<String> e = postRaw("/admin/events/lecture-2025-02-28", eventForm(), "title_zh", broken);
            assertEquals(422, e.statusCode());
            HttpResponse<String> a = postRaw("/admin/figures/ai-lectures/archive", archiveForm(), "reason", broken);
            assertEquals(422, a.statusCode());
        }
        assertEquals(before, state());
        assertFalse(c.get("/api/figures").body().contains("\uFFFD"));
    }

    @Test
    void bidiControlsAreRefusedInLabelsAndKeys() {
        for (char bidi : new char[] {'\u202A', '\u202E', '\u2066', '\u2069'}) {
            Map<String, String> f = figureForm();
            f.put("label_en", "AI lectures " + bidi + "lanif");
            refused("/admin/figures/ai-lectures", f, "label_en", "文字方向");
        }
        Map<String, String> n = newFigure();
        n.put("key", "agents\u202Ebad");
        refused("/admin/figures/new", n, "key", "文字方向");
        Map<String, String> e = eventForm();
        e.put("title_zh", "讲座\u2067");
        refused("/admin/events/lecture-2025-02-28", e, "title_zh", "文字方向");
    }

    @Test
    void reasonsAreAtMost500CharactersWithoutControlCharactersOnEveryForm() {
        List<String> paths = List.of("/admin/figures/ai-lectures", "/admin/events/lecture-2025-02-28",
                "/admin/figures/ai-lectures/archive", "/admin/events/lecture-2025-02-28/archive", "/admin/figures/new",
                "/admin/events/new");
        for (String path : paths) {
            Map<String, String> form = switch (path) {
                case "/admin/figures/ai-lectures" -> figureForm();
                case "/admin/events/lecture-2025-02-28" -> eventForm();
                case "/admin/figures/new" -> newFigure();
                case "/admin/events/new" -> c.form("/admin/events/new", "event-form");
                default -> c.form(path, "archive-form");
            };
            form.put("reason", "x".repeat(501));
            refused(path, form, "reason", "500");
            form.put("reason", "bell\u0007 and nul\u0000 inside");
            refused(path, form, "reason", "控制字符");
            form.put("reason", "C1\u0085control");
            refused(path, form, "reason", "控制字符");
        }
    }

    @Test
    void overPreciseValuesAndFractionalCountsAreRefused() {
        Map<String, String> f = figureForm();
        f.put("value", "0.000000000000001");
        refused("/admin/figures/ai-lectures", f, "value", "小数最多保留4位");
        f.put("value", "6.5");
        refused("/admin/figures/ai-lectures", f, "value", "整数");
        f.put("value", "6.0");
        f.put("mode", "correction");
        assertEquals(303, c.post("/admin/figures/ai-lectures", f).statusCode(), "6.0 is a whole number");
        Map<String, String> money = c.form("/admin/figures/ai-scenario-investment", "figure-form");
        money.put("mode", "correction");
        money.put("value", "2.77005亿");
        money.put("reason", "precise money is fine once multiplied out");
        assertEquals(303, c.post("/admin/figures/ai-scenario-investment", money).statusCode());
    }

    @Test
    void englishFieldsRefuseChineseAndTheMessageNamesTheField() {
        for (String field : List.of("label_en", "period_en")) {
            Map<String, String> f = figureForm();
            f.put(field, "AI 讲座");
            Document page = refused("/admin/figures/ai-lectures", f, field, "英文字段不能包含汉字");
            assertTrue(Html.errorSummary(page).get(field).startsWith(field.equals("label_en") ? "名称（英文）：" : "统计时段（英文）："),
                    Html.errorSummary(page).toString());
        }
        for (String field : List.of("title_en", "date_note_en", "place_en", "people_en")) {
            Map<String, String> e = eventForm();
            e.put(field, "Lecture 讲座");
            refused("/admin/events/lecture-2025-02-28", e, field, "英文字段不能包含汉字");
        }
        Map<String, String> en = figureForm();
        en.put("label_en", "讲座");
        HttpResponse<String> r = c.post("/admin/figures/ai-lectures?lang=en", en);
        assertEquals("Name (English): An English field cannot contain Chinese characters; enter the English.",
                Html.errorSummary(Html.parse(r)).get("label_en"));
    }

    @Test
    void theEnglishPeriodIsDerivedOrAskedForNeverCopiedFromTheChinese() {
        Map<String, String> f = newFigure();
        f.put("period_en", "");
        assertEquals(303, c.post("/admin/figures/new", f).statusCode());
        assertTrue(c.get("/api/figures/ai-agents-built").body().contains("2025 year to date"));
        Map<String, String> odd = newFigure();
        odd.put("label_en", "Agents again");
        odd.put("period", "春节前后");
        odd.put("period_en", "");
        refused("/admin/figures/new", odd, "period_en", "请填写英文统计期");
    }

    @Test
    void aNewFigureNeedsNoKeyAndEachErrorNamesItsField() {
        Map<String, String> f = newFigure();
        f.put("key", "");
        assertEquals(303, c.post("/admin/figures/new", f).statusCode());
        assertEquals(200, c.get("/figures/ai-agents-built").statusCode(), "key from the English name");
        assertEquals(303, c.post("/admin/figures/new", f).statusCode());
        assertEquals(200, c.get("/figures/ai-agents-built-2").statusCode(), "the next free one");
        Map<String, String> symbols = newFigure();
        symbols.put("key", "");
        symbols.put("label_en", "+++");
        assertEquals(303, c.post("/admin/figures/new", symbols).statusCode());
        assertTrue(c.get("/api/figures").body().matches("(?s).*\"figure-\\d+\".*"), "figure-N when the name has no letters");

        Map<String, String> empty = newFigure();
        empty.put("label_zh", "");
        empty.put("label_en", "");
        empty.put("unit", "");
        Map<String, String> summary = Html.errorSummary(Html.parse(c.post("/admin/figures/new", empty)));
        assertEquals("名称（中文）：请填写此项。", summary.get("label_zh"));
        assertEquals("名称（英文）：请填写此项。", summary.get("label_en"));
        assertEquals(3, summary.values().stream().distinct().count(), "no two identical lines: " + summary);
    }

    @Test
    void theConflictPageMarksOnlyWhatThisFormChanged() {
        Map<String, String> mine = figureForm();
        Map<String, String> theirs = figureForm();
        theirs.put("mode", "correction");
        theirs.put("value", "8");
        assertEquals(303, c.post("/admin/figures/ai-lectures", theirs).statusCode());
        mine.put("mode", "correction");
        mine.put("label_en", "AI lectures (renamed)");
        HttpResponse<String> r = c.post("/admin/figures/ai-lectures", mine);
        assertEquals(409, r.statusCode());
        Document page = Html.parse(r);
        Element value = rowOf(page, "数值");
        assertTrue(value.hasClass("yours-unchanged"), value.outerHtml());
        assertTrue(value.hasClass("differs"), "the saved value moved on: " + value.outerHtml());
        Element label = rowOf(page, "名称（英文）");
        assertTrue(label.hasClass("yours-changed"), label.outerHtml());
        assertEquals(1, page.select("tr.yours-changed").size(), "only the English name: " + page.select("tbody").outerHtml());

        Map<String, String> myEvent = eventForm();
        Map<String, String> theirEvent = eventForm();
        theirEvent.put("place_zh", "晋江市委党校");
        assertEquals(303, c.post("/admin/events/lecture-2025-02-28", theirEvent).statusCode());
        myEvent.put("title_en", "First talk of the year");
        Document eventPage = Html.parse(c.post("/admin/events/lecture-2025-02-28", myEvent));
        assertEquals(1, eventPage.select("tr.yours-changed").size(), eventPage.select("tbody").outerHtml());
        assertTrue(rowOf(eventPage, "地点或主办（中文）").hasClass("yours-unchanged"));
    }

    private static Element rowOf(Document page, String label) {
        for (Element row : page.select("tbody tr")) if (row.selectFirst("th").text().equals(label)) return row;
        throw new AssertionError("no row " + label + " in " + page.select("tbody").outerHtml());
    }

    @Test
    void anUnusualValueIsSavedOnlyWhenConfirmed() {
        Map<String, String> f = c.form("/admin/figures/ai-scenario-investment", "figure-form");
        f.put("mode", "correction");
        f.put("value", "3.1");
        f.put("reason", "new total");
        String before = state();
        HttpResponse<String> r = c.post("/admin/figures/ai-scenario-investment", f);
        assertEquals(422, r.statusCode());
        Document page = Html.parse(r);
        String warning = Html.one(page, "#unusual-warning").text();
        assertTrue(warning.contains("相差10倍以上"), warning);
        assertTrue(warning.contains("万元"), "names the small amount: " + warning);
        Element box = Html.one(page, "input[name=confirm_unusual]");
        assertEquals("yes", box.val());
        assertEquals(before, state(), "nothing saved yet");

        Map<String, String> again = Html.fields(page, "figure-form");
        assertEquals("3.1", again.get("value"), "typed value kept");
        again.put("confirm_unusual", "yes");
        assertEquals(303, c.post("/admin/figures/ai-scenario-investment", again).statusCode());
        assertTrue(c.get("/api/figures/ai-scenario-investment").body().contains("\"value\":3.1,"));

        Map<String, String> cumulative = figureForm();
        cumulative.put("mode", "correction");
        cumulative.put("period", "累计");
        cumulative.put("period_en", "cumulative");
        cumulative.put("confirm_unusual", "yes");
        assertEquals(303, c.post("/admin/figures/ai-lectures", cumulative).statusCode());
        Map<String, String> report = figureForm();
        report.put("mode", "report");
        report.put("value", "5");
        HttpResponse<String> lower = c.post("/admin/figures/ai-lectures?lang=en", report);
        assertEquals(422, lower.statusCode());
        assertTrue(Html.one(Html.parse(lower), "#unusual-warning").text().contains("cumulative"));
    }

    @Test
    void theSourcesHeadlineAndAuthorAreKept() {
        Map<String, String> f = figureForm();
        f.put("mode", "report");
        f.put("as_of", "2025-06-30");
        f.put("source", "泉州晚报");
        f.put("source_date", "2025-07-01");
        f.put("source_headline", "晋江：AI赋能干部培训再上新台阶");
        f.put("source_author", "记者 林晓");
        f.put("quote", "专题辅导讲座6期");
        assertEquals(303, c.post("/admin/figures/ai-lectures", f).statusCode());
        Map<String, Object> source = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT headline_zh, author FROM source WHERE publication_zh = '泉州晚报'").mapToMap().one());
        assertEquals("晋江：AI赋能干部培训再上新台阶", source.get("headline_zh"));
        assertEquals("记者 林晓", source.get("author"));
        Map<String, String> shown = figureForm();
        assertEquals("记者 林晓", shown.get("source_author"), "the edit form shows the author");
        assertEquals("晋江：AI赋能干部培训再上新台阶", shown.get("source_headline"));
        assertNotEquals("", shown.get("orig"));
    }
}
