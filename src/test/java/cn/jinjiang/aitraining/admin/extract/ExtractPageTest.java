package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extract page through the real server: find figures, pick targets, confirm through the figure forms. */
class ExtractPageTest {
    /** Two short excerpts of the seed page, with its OCR line break inside a figure. */
    static final String EXCERPT = "覆盖干部近9000人次，助力干部快速适应数字化转型。\n深入摸排应用场景，累计征集 48\n个场景项目，总投资达2.77亿元。";

    /** Most tests only read (extracting and reviewing save nothing): they share one server and session. */
    static TestApp shared;
    static WebClient sharedClient;
    TestApp app;
    WebClient c;

    @BeforeAll static void startShared() {
        shared = TestApp.start();
        sharedClient = shared.signedIn();
    }

    @AfterAll static void stopShared() { shared.close(); }

    @BeforeEach void useShared() {
        app = shared;
        c = sharedClient;
        c.get("/admin?lang=zh"); // a test that asked for English must not leave its language cookie to the next
    }

    @AfterEach void stopOwn() {
        if (app != shared) app.close();
    }

    /** For a test that saves: a server of its own, so no other test sees its writes. */
    private void ownServer() {
        app = TestApp.start();
        c = app.signedIn();
    }

    private HttpResponse<String> extract(String text, String date) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", text);
        form.put("date", date);
        form.put("source", "晋江经济报");
        return c.post("/admin/extract", form);
    }

    /** Rows counted in the tables an edit writes to. */
    private Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : List.of("figure", "observation", "source", "audit_entry", "event")) {
            out.put(table, app.database().jdbi().withHandle(h ->
                    h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one()));
        }
        return out;
    }

    /** The row of the candidate whose span is {@code span}. */
    private static Element row(String html, String span) {
        for (Element row : Html.parse(html).select("tr.candidate")) {
            if (row.select("label.candidate-span").text().equals(span)) return row;
        }
        throw new AssertionError("no candidate " + span + " in:\n" + html);
    }

    /** The value a candidate's checkbox submits when ticked. */
    private static String pick(Element row) {
        return Html.one(row, "input[type=checkbox][name=keep]").val();
    }

    /** The figure a candidate's target field suggests ("" for a new figure). */
    private static String suggested(Element row) {
        return Html.one(row, "input.target-input").val();
    }

    /** The quote cell as its three parts: before, the marked figure, after. */
    private static List<String> quoteParts(Element row) {
        return Html.one(row, "td.candidate-quote").children().stream().map(Element::text).toList();
    }

    @Test
    void signInIsRequired() {
        WebClient other = app.client();
        HttpResponse<String> page = other.get("/admin/extract");
        assertEquals(303, page.statusCode());
        assertEquals("/admin/login", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = other.get("/admin/extract", "Accept", "application/json");
        assertEquals(401, api.statusCode());
        HttpResponse<String> post = other.postAsIs("/admin/extract", Map.of("text", EXCERPT));
        assertEquals(403, post.statusCode(), "no session, so no valid token");
    }

    @Test
    void csrfTokenIsRequired() {
        assertEquals(403, c.postAsIs("/admin/extract", Map.of("text", EXCERPT)).statusCode());
        assertEquals(403, c.postAsIs("/admin/extract", Map.of("text", EXCERPT, "_csrf", "forged")).statusCode());
        assertEquals(403, c.postAsIs("/admin/extract/review", Map.of("keep", "i=0&prefill=1")).statusCode());
    }

    @Test
    void theAdminHomeLinksToThePage() {
        assertTrue(c.get("/admin").body().contains("href=\"/admin/extract\""));
        HttpResponse<String> page = c.get("/admin/extract");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("从文本提取数字"));
        Map<String, String> form = Html.fields(Html.parse(page), "extract-form");
        assertTrue(form.containsKey("text"));
        assertEquals("晋江经济报", form.get("source"), "publication name defaults to the seed paper");
        assertTrue(c.get("/admin/extract?lang=en").body().contains("Find figures in a text"));
    }

    @Test
    void listsTheCandidatesWithValueUnitQualifierAndTheSpanMarkedInItsQuote() {
        HttpResponse<String> r = extract(EXCERPT, "2025-05-31");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();

        Element attendance = row(html, "近9000人次");
        assertEquals("count", attendance.attr("data-kind"));
        assertEquals("9000", attendance.attr("data-value"));
        assertEquals("人次", attendance.attr("data-unit"));
        assertEquals("nearly", attendance.attr("data-qualifier"));
        List<String> quote = quoteParts(attendance);
        assertEquals("覆盖干部", quote.get(0), attendance.outerHtml());
        assertEquals("近9000人次", quote.get(1));
        assertTrue(quote.get(2).startsWith("，"), attendance.outerHtml());
        assertEquals("mark", Html.one(attendance, "td.candidate-quote").child(1).tagName(), "only the figure is marked");
        assertEquals("ai-training-attendance", suggested(attendance),
                "suggests the figure with the same unit whose quote states it");

        Element projects = row(html, "48个");
        assertEquals("48", projects.attr("data-value"));
        assertEquals("个", projects.attr("data-unit"));
        assertEquals("exact", projects.attr("data-qualifier"));
        assertEquals("48个", Html.one(projects, "td.candidate-quote mark").text(), "the OCR line break inside the figure is joined");
        assertTrue(projects.text().contains("场景项目"), "subject shown");
        assertEquals("ai-scenario-projects", suggested(projects));

        Element money = row(html, "2.77亿元");
        assertEquals("money", money.attr("data-kind"));
        assertEquals("277000000", money.attr("data-value"));
        assertEquals("元", money.attr("data-unit"));
        assertEquals("exact", money.attr("data-qualifier"));
        assertEquals("2.77亿元", Html.one(money, "td.candidate-quote mark").text());
        assertEquals("ai-scenario-investment", suggested(money));

        assertTrue(Html.parse(html).getElementById("candidates-main") != null);
        assertFalse(html.contains("checked"), "nothing is ticked until the admin ticks it");
        assertTrue(Html.fields(Html.parse(html), "extract-form").get("text").contains("覆盖干部近9000人次"), "typed text kept in the form");
    }

    @Test
    void otherKindsAreListedAfterCountsAndMoney() {
        String html = extract("2023年以来，举办39期“晋江干部学堂”，培训干部超2万人次。第三届论坛于5月18日举行，增长15%。", "2025-05-31").body();
        int main = html.indexOf("id=\"candidates-main\"");
        int other = html.indexOf("id=\"candidates-other\"");
        assertTrue(main > 0 && other > main, "counts first, the other kinds after them");
        assertTrue(html.indexOf("<details") < other);
        assertEquals("over", row(html, "超2万人次").attr("data-qualifier"));
        Element ordinal = row(html, "第三届");
        assertEquals("ordinal", ordinal.attr("data-kind"));
        assertTrue(html.indexOf(">第三届</label>") > other);
        assertTrue(ordinal.parents().stream().anyMatch(e -> e.id().equals("candidates-other")), "listed with the other kinds");
        assertTrue(row(html, "5月18日").text().contains("2025-05-18"), "a date without a year takes the publication year");
    }

    @Test
    void pastedMarkupIsShownEscaped() {
        String html = extract("<script>alert(1)</script><b>覆盖干部近9000人次</b>", "").body();
        assertFalse(html.contains("<script>alert(1)"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals("近9000人次", Html.one(row(html, "近9000人次"), "td.candidate-quote mark").text());
    }

    @Test
    void tooLongTextGetsAClearMessageKeepsTheTextAndSavesNothing() {
        Map<String, Integer> before = counts();
        String text = "字".repeat(ExtractForm.MAX_CHARS) + "近9000人次";
        HttpResponse<String> r = extract(text, "2025-05-31");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"text-error\""));
        assertTrue(r.body().contains("href=\"#text\""), "error summary links to the field");
        assertTrue(r.body().contains("上限200,000个字"), r.body().substring(0, 3000));
        assertTrue(r.body().contains(text), "what the admin pasted is kept");
        assertFalse(r.body().contains("class=\"candidate\""), "nothing extracted");
        assertEquals(before, counts());

        Map<String, String> en = new LinkedHashMap<>(Map.of("text", text, "source", ""));
        HttpResponse<String> english = c.post("/admin/extract?lang=en", en);
        assertEquals(422, english.statusCode());
        assertTrue(english.body().contains("the limit is 200,000"));

        assertEquals(200, extract("字".repeat(ExtractForm.MAX_CHARS - 7) + "近9000人次", "").statusCode(),
                "exactly the limit is fine");
    }

    @Test
    void farTooLargeABodyIs413WithTheSameAdvice() {
        HttpResponse<String> r = extract("字".repeat(500_000), "");
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("200,000"));
        assertEquals(200, c.get("/admin/extract").statusCode());
    }

    @Test
    void emptyTextAndABadDateAreRefusedBesideTheirFields() {
        HttpResponse<String> r = extract("  ", "2025-02-30");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"text-error\""));
        assertTrue(r.body().contains("id=\"date-error\""));
        HttpResponse<String> future = extract(EXCERPT, "2099-01-01");
        assertEquals(422, future.statusCode());
        assertTrue(future.body().contains("日期不能晚于明天"));
        assertTrue(future.body().contains("近9000人次"), "text kept");
    }

    @Test
    void extractingAndReviewingSaveNothing() {
        Map<String, Integer> before = counts();
        String html = extract(EXCERPT, "2025-05-31").body();
        Element attendance = row(html, "近9000人次");
        Element money = row(html, "2.77亿元");
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        pairs.add(Map.entry("_csrf", Html.csrf(Html.parse(html))));
        pairs.add(Map.entry("keep", pick(attendance)));
        pairs.add(Map.entry("target_" + attendance.attr("data-index"), "ai-training-attendance"));
        pairs.add(Map.entry("keep", pick(money)));
        pairs.add(Map.entry("target_" + money.attr("data-index"), ""));
        HttpResponse<String> review = c.postPairs("/admin/extract/review", pairs);
        assertEquals(200, review.statusCode(), review.body());
        assertEquals(before, counts());
        Document reviewed = Html.parse(review);
        assertEquals(2, reviewed.select(".review-item").size());
        List<String> links = reviewed.select("a.review-link").eachAttr("href");
        assertEquals(2, links.size(), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.startsWith("/admin/figures/ai-training-attendance?prefill=1&value=9000")), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.startsWith("/admin/figures/new?prefill=1&value=277000000")), links.toString());
    }

    @Test
    void reviewWithNothingTickedSaysSo() {
        String html = extract(EXCERPT, "").body();
        HttpResponse<String> r = c.postAsIs("/admin/extract/review", Map.of("_csrf", Html.csrf(Html.parse(html))));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"review-empty\""));
    }

    /** The review's link for a kept candidate, as the admin would follow it. */
    private String reviewLink(String span, String target) {
        String html = extract(EXCERPT, "2025-05-31").body();
        Element row = row(html, span);
        List<Map.Entry<String, String>> pairs = List.of(Map.entry("_csrf", Html.csrf(Html.parse(html))),
                Map.entry("keep", pick(row)), Map.entry("target_" + row.attr("data-index"), target));
        Document review = Html.parse(c.postPairs("/admin/extract/review", pairs));
        return Html.one(review, "a.review-link[target=_blank][href^=/admin/figures/]").attr("href");
    }

    @Test
    void thePrefilledReportFormCarriesTheValuesAndSavingItIsAnAuditedReport() {
        ownServer();
        String link = reviewLink("近9000人次", "ai-training-attendance");
        Map<String, Integer> before = counts();
        HttpResponse<String> page = c.get(link);
        assertEquals(200, page.statusCode());
        assertEquals(before, counts(), "GET with prefill parameters changes nothing");
        assertTrue(page.body().contains("id=\"prefill-notice\""));
        Map<String, String> form = Html.fields(Html.parse(page), "figure-form");
        assertEquals("report", form.get("mode"));
        assertEquals("9000", form.get("value"));
        assertEquals("人次", form.get("unit"));
        assertEquals("nearly", form.get("qualifier"));
        assertEquals("近", form.get("qualifier_word"));
        assertEquals("2025-05-31", form.get("as_of"));
        assertEquals("晋江经济报", form.get("source"));
        assertEquals("2025-05-31", form.get("source_date"));
        assertEquals("覆盖干部近9000人次，助力干部快速适应数字化转型。", form.get("quote"));
        assertEquals("AI学习培训覆盖干部", form.get("label_zh"), "the figure keeps its own name");
        assertEquals("", form.get("reason"), "the admin writes the reason");

        HttpResponse<String> noReason = c.post("/admin/figures/ai-training-attendance", form);
        assertEquals(422, noReason.statusCode(), "still validated");
        assertEquals(before, counts());

        form.put("reason", "新报道：晋江经济报5月31日");
        HttpResponse<String> saved = c.post("/admin/figures/ai-training-attendance", form);
        assertEquals(303, saved.statusCode(), saved.body());
        Map<String, Integer> after = counts();
        assertEquals(before.get("observation") + 1, after.get("observation"));
        assertEquals(before.get("audit_entry") + 1, after.get("audit_entry"));
        assertEquals(before.get("figure"), after.get("figure"));
        String action = app.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertEquals("report", action);
        assertTrue(c.get("/admin/audit").body().contains("新报道：晋江经济报5月31日"));
        assertTrue(c.get("/api/figures/ai-training-attendance").body().contains("2025-05-31"));
    }

    @Test
    void thePrefilledNewFigureFormCreatesAFigureOnceCompleted() {
        ownServer();
        String link = reviewLink("2.77亿元", "");
        assertTrue(link.startsWith("/admin/figures/new?"));
        Map<String, Integer> before = counts();
        HttpResponse<String> page = c.get(link);
        assertEquals(200, page.statusCode());
        assertEquals(before, counts());
        Map<String, String> form = Html.fields(Html.parse(page), "figure-form");
        assertEquals("277000000", form.get("value"));
        assertEquals("元", form.get("unit"));
        assertEquals("exact", form.get("qualifier"));
        assertEquals("总投资", form.get("label_zh"), "the subject is suggested as the name");
        assertEquals("深入摸排应用场景，累计征集48个场景项目，总投资达2.77亿元。", form.get("quote"));

        HttpResponse<String> incomplete = c.post("/admin/figures/new", form);
        assertEquals(422, incomplete.statusCode(), "key, English name, period and reason are the admin's");
        assertEquals(before, counts());

        form.put("key", "scenario-investment-may");
        form.put("label_en", "Total investment in the scenario projects (May)");
        form.put("period", "累计");
        form.put("reason", "从5月31日的报道新增");
        assertEquals(303, c.post("/admin/figures/new", form).statusCode());
        Map<String, Integer> after = counts();
        assertEquals(before.get("figure") + 1, after.get("figure"));
        assertEquals(before.get("observation") + 1, after.get("observation"));
        assertEquals(before.get("audit_entry") + 1, after.get("audit_entry"));
        assertTrue(c.get("/api/figures/scenario-investment-may").body().contains("\"value\":277000000"));
    }

    @Test
    void prefillParametersOnlyFillTheFormIn() {
        Map<String, Integer> before = counts();
        String api = c.get("/api/figures/ai-lectures").body();
        HttpResponse<String> page = c.get("/admin/figures/ai-lectures?prefill=1&value=999&mode=correction"
                + "&reason=x&version=0&label_zh=%3Cscript%3E&quote=%3Cb%3Ehi%3C%2Fb%3E");
        assertEquals(200, page.statusCode());
        Map<String, String> form = Html.fields(Html.parse(page), "figure-form");
        assertEquals("999", form.get("value"));
        assertEquals("report", form.get("mode"), "the mode is not taken from the address");
        assertEquals("", form.get("reason"));
        assertEquals("AI专题辅导讲座", form.get("label_zh"));
        assertNotNull(form.get("version"));
        assertFalse(form.get("version").equals("0"), "the version is the figure's own");
        assertTrue(page.body().contains("&lt;b&gt;hi&lt;/b&gt;"));
        assertFalse(page.body().contains("<b>hi</b>"));
        assertEquals(before, counts());
        assertEquals(api, c.get("/api/figures/ai-lectures").body());

        HttpResponse<String> plain = c.get("/admin/figures/ai-lectures?value=999");
        assertEquals("6", Html.fields(Html.parse(plain), "figure-form").get("value"),
                "without prefill=1 the address is ignored");
        assertFalse(plain.body().contains("id=\"prefill-notice\""));
    }
}
