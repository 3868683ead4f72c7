package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.AdminTestClient;
import java.net.CookieManager;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extract page through the real server: find figures, pick targets, confirm through the figure forms. */
class ExtractPageTest {
    /** Two short excerpts of the seed page, with its OCR line break inside a figure. */
    static final String EXCERPT = "覆盖干部近9000人次，助力干部快速适应数字化转型。\n深入摸排应用场景，累计征集 48\n个场景项目，总投资达2.77亿元。";

    @TempDir Path dir;
    AdminTestClient c;

    @BeforeEach void start() {
        c = AdminTestClient.start(dir);
        c.login();
    }

    @AfterEach void stop() { c.close(); }

    private HttpResponse<String> extract(String text, String date) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("text", text);
        form.put("date", date);
        form.put("source", "晋江经济报");
        return c.postWithToken("/admin/extract", "/admin/extract", form);
    }

    /** Rows counted in the tables an edit writes to. */
    private Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : List.of("figure", "observation", "source", "audit_entry", "event")) {
            out.put(table, c.database().jdbi().withHandle(h ->
                    h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one()));
        }
        return out;
    }

    /** The tr of the candidate whose span is {@code span}. */
    private static String row(String html, String span) {
        Matcher m = Pattern.compile("<tr class=\"candidate\".*?</tr>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            if (m.group().contains(">" + span + "</label>")) return m.group();
        }
        throw new AssertionError("no candidate " + span + " in:\n" + html);
    }

    private static String attr(String html, String name) {
        Matcher m = Pattern.compile("(?<![-\\w])" + name + "=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in " + html);
        return AdminTestClient.unescape(m.group(1));
    }

    private HttpResponse<String> postPairs(String path, List<String[]> pairs) {
        StringBuilder body = new StringBuilder();
        for (String[] p : pairs) {
            if (body.length() > 0) body.append('&');
            body.append(AdminTestClient.encode(Map.of(p[0], p[1])));
        }
        return c.send(c.http, c.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Test
    void signInIsRequired() {
        var other = c.otherBrowser(new CookieManager());
        HttpResponse<String> page = c.send(other, c.request("/admin/extract").GET().build());
        assertEquals(303, page.statusCode());
        assertEquals("/admin/login", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = c.send(other, c.request("/admin/extract", "Accept", "application/json").GET().build());
        assertEquals(401, api.statusCode());
        HttpResponse<String> post = c.send(other, c.request("/admin/extract")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(AdminTestClient.encode(Map.of("text", EXCERPT)))).build());
        assertEquals(403, post.statusCode(), "no session, so no valid token");
    }

    @Test
    void csrfTokenIsRequired() {
        assertEquals(403, c.post("/admin/extract", Map.of("text", EXCERPT)).statusCode());
        assertEquals(403, c.post("/admin/extract", Map.of("text", EXCERPT, "_csrf", "forged")).statusCode());
        assertEquals(403, c.post("/admin/extract/review", Map.of("keep", "i=0&prefill=1")).statusCode());
    }

    @Test
    void theAdminHomeLinksToThePage() {
        assertTrue(c.get("/admin").body().contains("href=\"/admin/extract\""));
        HttpResponse<String> page = c.get("/admin/extract");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("从文本提取数字"));
        assertTrue(page.body().contains("name=\"text\""));
        assertTrue(page.body().contains("value=\"晋江经济报\""), "publication name defaults to the seed paper");
        assertTrue(c.get("/admin/extract?lang=en").body().contains("Find figures in a text"));
    }

    @Test
    void listsTheCandidatesWithValueUnitQualifierAndTheSpanMarkedInItsQuote() {
        HttpResponse<String> r = extract(EXCERPT, "2025-05-31");
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();

        String attendance = row(html, "近9000人次");
        assertTrue(attendance.contains("data-kind=\"count\""));
        assertTrue(attendance.contains("data-value=\"9000\""));
        assertTrue(attendance.contains("data-unit=\"人次\""));
        assertTrue(attendance.contains("data-qualifier=\"nearly\""));
        assertTrue(attendance.contains("<span>覆盖干部</span><mark>近9000人次</mark><span>，"), attendance);
        assertTrue(attendance.contains("<option value=\"ai-training-attendance\" selected"),
                "suggests the figure with the same unit whose quote states it");

        String projects = row(html, "48个");
        assertTrue(projects.contains("data-value=\"48\""));
        assertTrue(projects.contains("data-unit=\"个\""));
        assertTrue(projects.contains("data-qualifier=\"exact\""));
        assertTrue(projects.contains("<mark>48个</mark>"), "the OCR line break inside the figure is joined");
        assertTrue(projects.contains("场景项目"), "subject shown");
        assertTrue(projects.contains("<option value=\"ai-scenario-projects\" selected"));

        String money = row(html, "2.77亿元");
        assertTrue(money.contains("data-kind=\"money\""));
        assertTrue(money.contains("data-value=\"277000000\""));
        assertTrue(money.contains("data-unit=\"元\""));
        assertTrue(money.contains("data-qualifier=\"exact\""));
        assertTrue(money.contains("<mark>2.77亿元</mark>"));
        assertTrue(money.contains("<option value=\"ai-scenario-investment\" selected"));

        assertTrue(html.contains("id=\"candidates-main\""));
        assertFalse(html.contains("checked"), "nothing is ticked until the admin ticks it");
        assertTrue(html.contains(AdminTestClient.unescape("覆盖干部近9000人次")), "typed text kept in the form");
    }

    @Test
    void otherKindsAreListedAfterCountsAndMoney() {
        String html = extract("2023年以来，举办39期“晋江干部学堂”，培训干部超2万人次。第三届论坛于5月18日举行，增长15%。", "2025-05-31").body();
        int main = html.indexOf("id=\"candidates-main\"");
        int other = html.indexOf("id=\"candidates-other\"");
        assertTrue(main > 0 && other > main, "counts first, the other kinds after them");
        assertTrue(html.indexOf("<details") < other);
        assertTrue(row(html, "超2万人次").contains("data-qualifier=\"over\""));
        String ordinal = row(html, "第三届");
        assertTrue(ordinal.contains("data-kind=\"ordinal\""));
        assertTrue(html.indexOf(">第三届</label>") > other);
        assertTrue(row(html, "5月18日").contains("2025-05-18"), "a date without a year takes the publication year");
    }

    @Test
    void pastedMarkupIsShownEscaped() {
        String html = extract("<script>alert(1)</script><b>覆盖干部近9000人次</b>", "").body();
        assertFalse(html.contains("<script>alert(1)"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(row(html, "近9000人次").contains("<mark>近9000人次</mark>"));
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
        HttpResponse<String> english = c.postWithToken("/admin/extract", "/admin/extract?lang=en", en);
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
        String attendance = row(html, "近9000人次");
        String money = row(html, "2.77亿元");
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {"_csrf", AdminTestClient.csrf(html)});
        pairs.add(new String[] {"keep", attr(attendance, "value")});
        pairs.add(new String[] {"target_" + attr(attendance, "data-index"), "ai-training-attendance"});
        pairs.add(new String[] {"keep", attr(money, "value")});
        pairs.add(new String[] {"target_" + attr(money, "data-index"), ""});
        HttpResponse<String> review = postPairs("/admin/extract/review", pairs);
        assertEquals(200, review.statusCode(), review.body());
        assertEquals(before, counts());
        assertEquals(2, review.body().split("class=\"review-item\"", -1).length - 1);
        assertTrue(review.body().contains("href=\"/admin/figures/ai-training-attendance?prefill=1&amp;value=9000"));
        assertTrue(review.body().contains("href=\"/admin/figures/new?prefill=1&amp;value=277000000"));
    }

    @Test
    void reviewWithNothingTickedSaysSo() {
        String html = extract(EXCERPT, "").body();
        HttpResponse<String> r = c.post("/admin/extract/review", Map.of("_csrf", AdminTestClient.csrf(html)));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("id=\"review-empty\""));
    }

    /** The review's link for a kept candidate, as the admin would follow it. */
    private String reviewLink(String span, String target) {
        String html = extract(EXCERPT, "2025-05-31").body();
        String row = row(html, span);
        List<String[]> pairs = List.of(new String[] {"_csrf", AdminTestClient.csrf(html)},
                new String[] {"keep", attr(row, "value")}, new String[] {"target_" + attr(row, "data-index"), target});
        String review = postPairs("/admin/extract/review", pairs).body();
        Matcher m = Pattern.compile("href=\"(/admin/figures/[^\"]+)\" target=\"_blank\"").matcher(review);
        assertTrue(m.find(), review);
        return AdminTestClient.unescape(m.group(1));
    }

    @Test
    void thePrefilledReportFormCarriesTheValuesAndSavingItIsAnAuditedReport() {
        String link = reviewLink("近9000人次", "ai-training-attendance");
        Map<String, Integer> before = counts();
        HttpResponse<String> page = c.get(link);
        assertEquals(200, page.statusCode());
        assertEquals(before, counts(), "GET with prefill parameters changes nothing");
        assertTrue(page.body().contains("id=\"prefill-notice\""));
        Map<String, String> form = new LinkedHashMap<>(AdminTestClient.formFields(page.body(), "id=\"figure-form\""));
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
        String action = c.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertEquals("report", action);
        assertTrue(c.get("/admin/audit").body().contains("新报道：晋江经济报5月31日"));
        assertTrue(c.get("/api/figures/ai-training-attendance").body().contains("2025-05-31"));
    }

    @Test
    void thePrefilledNewFigureFormCreatesAFigureOnceCompleted() {
        String link = reviewLink("2.77亿元", "");
        assertTrue(link.startsWith("/admin/figures/new?"));
        Map<String, Integer> before = counts();
        HttpResponse<String> page = c.get(link);
        assertEquals(200, page.statusCode());
        assertEquals(before, counts());
        Map<String, String> form = new LinkedHashMap<>(AdminTestClient.formFields(page.body(), "id=\"figure-form\""));
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
        Map<String, String> form = AdminTestClient.formFields(page.body(), "id=\"figure-form\"");
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
        assertEquals("6", AdminTestClient.formFields(plain.body(), "id=\"figure-form\"").get("value"),
                "without prefill=1 the address is ignored");
        assertFalse(plain.body().contains("id=\"prefill-notice\""));
    }
}
