package cn.jinjiang.aitraining.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public route against the real server on a temporary SQLite file. The tests only read, so
 * they share one server; the one that bumps the data version only changes ETags, which every test
 * reads afresh. The client keeps no cookies, so no test's language choice reaches another: tests
 * that need the language cookie send it themselves.
 */
class PublicRoutesTest {
    static TestApp server;
    static WebClient app;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TestApp.start();
        app = server.cookielessClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void dashboardIsChineseByDefaultWithFaithfulHeadlineFigures() {
        HttpResponse<String> r = app.get("/");
        assertEquals(200, r.statusCode());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        String html = r.body();
        assertTrue(html.contains("<html lang=\"zh-CN\""), "html lang");
        assertTrue(html.contains("近9,000人次"), "nearly 9,000 keeps its qualifier");
        assertTrue(html.contains("2.77亿元"), "money in 亿");
        assertTrue(html.contains("突破1万学时"), "the source's own word 突破");
        assertTrue(html.contains("40多名"), "plus qualifier");
        assertTrue(html.contains("2025年5月19日"), "Chinese date");
        assertTrue(html.contains("覆盖干部近9000人次"), "the quoted clause");
        assertFalse(html.contains(">9,000人次<"), "never a bare 9,000");
    }

    @Test
    void englishWithLangParameterIsRememberedInACookie() {
        HttpResponse<String> r = app.get("/?lang=en");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<html lang=\"en\""));
        assertTrue(html.contains("nearly 9,000 attendances"));
        assertTrue(html.contains("CNY 277 million"));
        assertTrue(html.contains("over 10,000 study hours"));
        assertTrue(html.contains("19 May 2025"));
        assertFalse(html.contains("2025年5月19日"), "no Chinese date on the English page");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("lang=en"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);

        HttpResponse<String> again = app.get("/", "Cookie", "lang=en");
        assertTrue(again.body().contains("<html lang=\"en\""), "the cookie keeps English");
        HttpResponse<String> back = app.get("/?lang=zh", "Cookie", "lang=en");
        assertTrue(back.body().contains("<html lang=\"zh-CN\""), "?lang=zh wins over the cookie");
    }

    @Test
    void acceptLanguageChoosesWhenNothingElseDoes() {
        assertTrue(app.get("/", "Accept-Language", "en-GB,en;q=0.9").body().contains("<html lang=\"en\""));
        assertTrue(app.get("/", "Accept-Language", "fr-FR,zh;q=0.5,en;q=0.4").body().contains("<html lang=\"zh-CN\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "", "xx-YY", "%3Cscript%3E", "en%00"})
    void anUnknownLangFallsBackToTheDefault(String lang) {
        HttpResponse<String> r = app.get("/?lang=" + lang);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<html lang=\"zh-CN\""));
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("lang=")));
    }

    @Test
    void dashboardHasChartsWithCaptionSourceDownloadAndTable() {
        String html = app.get("/").body();
        Document page = Html.parse(html);
        int count = page.select("figure.chart[id~=^chart-[a-z-]+$]").size();
        assertTrue(count >= 3, "at least three charts, found " + count);
        for (Element chart : page.select("figure.chart")) {
            String id = chart.id();
            assertEquals(1, chart.select("[data-chart]").size(), "chart data in " + id);
            assertEquals(1, chart.select(".chart-caption").size(), "caption in " + id);
            assertEquals(1, chart.select(".chart-source").size(), "source line in " + id);
            assertEquals(1, chart.select("[data-download^=chart-]").size(), "PNG button in " + id);
            assertEquals(1, chart.select("table.data-table.chart-table").size(), "table in " + id);
        }
        assertEquals(count, countOf(html, "data-chart="), "every chart has data");
        assertEquals(count, countOf(html, "class=\"chart-caption\""), "every chart has a caption");
        assertEquals(count, countOf(html, "class=\"chart-source\""), "every chart has a source line");
        assertEquals(count, countOf(html, "data-download=\"chart-"), "every chart has a PNG button");
        assertEquals(count, countOf(html, "class=\"data-table chart-table\""), "every chart has a table");
        assertTrue(html.contains("≈9,000人次"), "qualified value marked in the chart");
        assertTrue(html.contains("&gt;2万人次"), "over marked in the chart data");
    }

    @Test
    void dashboardLinksEveryFigureAndItsOwnExports() {
        String html = app.get("/").body();
        for (String key : List.of("ai-learning-activities", "ai-training-attendance", "ai-scenario-investment",
                "party-affairs-training-attendance", "jinjiang-longhua-classes")) {
            assertTrue(html.contains("href=\"/figures/" + key + "\""), key);
        }
        for (String link : List.of("/figures.csv", "/events.csv", "/api/figures", "/api/events")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
            assertEquals(200, app.get(link).statusCode(), link);
        }
    }

    @Test
    void undatedEventsSayUndatedNeverAMadeUpDate() {
        String zh = app.get("/").body();
        assertTrue(zh.contains("日期未载明"));
        assertTrue(zh.contains("2025年2月28日"));
        String en = app.get("/?lang=en").body();
        assertTrue(en.contains("undated (shortly before 19 May 2025)"));
        assertTrue(en.contains("28 February 2025"));
    }

    @Test
    void figurePageShowsLabelsValueQuoteSourceAndHistory() {
        HttpResponse<String> r = app.get("/figures/ai-training-attendance");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("AI学习培训覆盖干部"));
        assertTrue(html.contains("Officials reached by AI training"), "the other language's label");
        assertTrue(html.contains("近9,000人次"));
        assertTrue(html.contains("覆盖干部近9000人次"));
        assertTrue(html.contains("晋江经济报"));
        assertTrue(html.contains("李诗怡"));
        assertTrue(html.contains("以“智变”促“质变”"));
        assertTrue(html.contains("class=\"data-table history-table\""));
        String en = app.get("/figures/ai-training-attendance?lang=en").body();
        assertTrue(en.contains("nearly 9,000 attendances"));
        assertTrue(en.contains("Jinjiang Economic News"));
    }

    @Test
    void figuresCsvIsExcelReadyUtf8WithBom() {
        HttpResponse<byte[]> r = app.getBytes("/figures.csv");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("attachment; filename=\"ai-training-figures.csv\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        byte[] b = r.body();
        assertEquals(0xEF, b[0] & 0xFF);
        assertEquals(0xBB, b[1] & 0xFF);
        assertEquals(0xBF, b[2] & 0xFF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertFalse(text.startsWith("sep="));
        String[] lines = text.split("\r\n");
        assertEquals("\"key\",\"label_zh\",\"label_en\",\"category\",\"value\",\"unit\",\"qualifier\",\"display_zh\",\"display_en\","
                + "\"period\",\"as_of\",\"source\",\"source_date\",\"quote\",\"qualifier_word\",\"period_en\",\"unit_en\","
                + "\"source_en\",\"source_headline\",\"headline\"", lines[0]);
        String attendance = List.of(lines).stream().filter(l -> l.startsWith("\"ai-training-attendance\"")).findFirst().orElseThrow();
        assertTrue(attendance.startsWith("\"ai-training-attendance\",\"AI学习培训覆盖干部\",\"Officials reached by AI training\","
                + "\"ai-learning\",9000,\"人次\",\"nearly\",\"近9,000人次\",\"nearly 9,000 attendances\",\"2025年以来\","
                + "\"2025-05-19\",\"晋江经济报\",\"2025-05-19\",\"覆盖干部近9000人次，助力干部快速适应数字化转型\""), attendance);
        assertTrue(text.contains(",277000000,\"元\","), "money as a plain number of yuan");
        assertTrue(lines.length >= 13, "a row per figure");
    }

    @Test
    void eventsCsvHasAHeaderAndARowPerEvent() {
        HttpResponse<byte[]> r = app.getBytes("/events.csv");
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"ai-training-events.csv\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"key\",\"date\",\"date_note_zh\",\"date_note_en\",\"title_zh\",\"title_en\",\"kind\","));
        assertTrue(text.contains("\"lecture-2025-02-28\",\"2025-02-28\","));
        assertTrue(text.contains("\"jinkuaiban-deepseek\",\"\","), "undated: an empty date");
    }

    @Test
    void figuresJsonHasTheSameFieldsWithTheSourceAsAnObject() throws Exception {
        HttpResponse<String> r = app.get("/api/figures");
        assertEquals(200, r.statusCode());
        assertEquals("application/json;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        JsonNode figures = JSON.readTree(r.body()).get("figures");
        assertTrue(figures.size() >= 12);
        JsonNode investment = find(figures, "ai-scenario-investment");
        assertEquals(277000000L, investment.get("value").asLong());
        assertTrue(investment.get("value").isNumber());
        assertEquals("元", investment.get("unit").asText());
        assertEquals("2.77亿元", investment.get("display_zh").asText());
        assertEquals("CNY 277 million", investment.get("display_en").asText());
        assertEquals("晋江经济报", investment.get("source").get("publication").asText());
        assertEquals("2025-05-19", investment.get("source").get("date").asText());
        for (String field : List.of("key", "label_zh", "label_en", "category", "value", "unit", "qualifier", "display_zh",
                "display_en", "period", "as_of", "source", "quote")) {
            assertTrue(investment.has(field), field);
        }
        assertFalse(investment.has("observations"), "history only on a figure's own JSON");
    }

    @Test
    void aFiguresOwnJsonHasItsHistoryOldestFirst() throws Exception {
        JsonNode f = JSON.readTree(app.get("/api/figures/ai-training-attendance").body());
        assertEquals("nearly", f.get("qualifier").asText());
        JsonNode observations = f.get("observations");
        assertEquals(1, observations.size());
        JsonNode first = observations.get(0);
        assertEquals(9000, first.get("value").asInt());
        assertEquals("nearly", first.get("qualifier").asText());
        assertEquals("2025-05-19", first.get("as_of").asText());
        assertEquals("晋江经济报", first.get("source").get("publication").asText());
        assertEquals("覆盖干部近9000人次，助力干部快速适应数字化转型", first.get("quote").asText());
    }

    @Test
    void eventsJsonMarksUndatedEvents() throws Exception {
        JsonNode events = JSON.readTree(app.get("/api/events").body()).get("events");
        assertTrue(events.size() >= 8);
        JsonNode dated = find(events, "lecture-2025-04-16");
        assertEquals("2025-04-16", dated.get("date").asText());
        assertFalse(dated.get("undated").asBoolean());
        JsonNode undated = find(events, "study-trip-zhejiang-university");
        assertTrue(undated.get("date").isNull());
        assertTrue(undated.get("undated").asBoolean());
        assertEquals("晋江经济报", undated.get("source").get("publication").asText());
    }

    @Test
    void unknownFigureKeysAre404InJsonAndHtml() throws Exception {
        HttpResponse<String> api = app.get("/api/figures/no-such-figure");
        assertEquals(404, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals("figure_not_found", JSON.readTree(api.body()).get("error").asText());
        HttpResponse<String> page = app.get("/figures/no-such-figure?lang=en");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("Page not found"));
    }

    @Test
    void unknownPagesAre404InTheChosenLanguageWithoutTraces() {
        HttpResponse<String> zh = app.get("/no/such/page");
        assertEquals(404, zh.statusCode());
        assertTrue(zh.body().contains("页面不存在"));
        HttpResponse<String> en = app.get("/no/such/page", "Cookie", "lang=en");
        assertEquals(404, en.statusCode());
        assertTrue(en.body().contains("Page not found"));
        for (String body : List.of(zh.body(), en.body(), app.get("/api/nothing").body(), app.get("/figures/%00").body())) {
            assertFalse(body.contains("Exception"), body);
            assertFalse(body.contains("at cn.jinjiang"), body);
            assertFalse(body.contains("at io.javalin"), body);
        }
    }

    @Test
    void healthzAnswersWithSmallJson() throws Exception {
        HttpResponse<String> r = app.get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("ok", JSON.readTree(r.body()).get("status").asText());
    }

    @Test
    void securityHeadersOnEveryResponseAndNoServerName() {
        for (String path : List.of("/", "/figures.csv", "/api/figures", "/healthz", "/nothing")) {
            HttpResponse<String> r = app.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), csp);
            assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElseThrow());
            assertTrue(r.headers().firstValue("Server").isEmpty(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().toLowerCase().contains("charset=utf-8"), path);
        }
    }

    @Test
    void pagesAreNotModifiedUntilTheDataChanges() {
        for (String path : List.of("/", "/?lang=en", "/figures/ai-training-attendance", "/figures.csv", "/api/figures",
                "/api/figures/ai-lectures", "/api/events", "/events.csv")) {
            HttpResponse<String> first = app.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
            HttpResponse<String> second = app.get(path, "If-None-Match", etag);
            assertEquals(304, second.statusCode(), path);
            assertEquals("", second.body());
        }
        String zhTag = app.get("/").headers().firstValue("ETag").orElseThrow();
        String enTag = app.get("/?lang=en").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(zhTag, enTag, "the language is part of the ETag");

        server.database().jdbi().useTransaction(DataVersion::bump);
        assertEquals(200, app.get("/", "If-None-Match", zhTag).statusCode(), "a change invalidates the ETag");
    }

    @Test
    void aNotModifiedAnswerKeepsTheHeadersThatUpdateACacheAndNoBodyMetadata() {
        for (String encoding : List.of("identity", "gzip")) {
            HttpResponse<byte[]> full = app.send(app.request("/", "Accept-Encoding", encoding).GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String etag = full.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> notModified = app.send(app.request("/", "Accept-Encoding", encoding, "If-None-Match", etag).GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(304, notModified.statusCode(), encoding);
            assertEquals(0, notModified.body().length, encoding);
            var headers = notModified.headers();
            assertEquals(etag, headers.firstValue("ETag").orElseThrow(), encoding);
            assertEquals("no-cache", headers.firstValue("Cache-Control").orElseThrow(), encoding);
            assertEquals(full.headers().firstValue("Vary").orElseThrow(), headers.firstValue("Vary").orElseThrow(), encoding);
            assertEquals(csp(full), csp(notModified), encoding);
            assertTrue(headers.firstValue("Content-Type").isEmpty(), "no Content-Type on a 304 (" + encoding + ")");
            // Never the 200's length: clients that parse a 304 like any answer (wrk) would wait for that body.
            assertEquals("0", headers.firstValue("Content-Length").orElse("0"), encoding);
        }
        String chartJs = Html.parse(app.get("/").body()).select("script[src]").eachAttr("src").stream()
                .filter(src -> src.contains("chart.umd")).findFirst().orElseThrow();
        String assetTag = app.get(chartJs).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> asset = app.get(chartJs, "If-None-Match", assetTag);
        assertEquals(304, asset.statusCode());
        assertTrue(asset.headers().firstValue("Content-Type").isEmpty(), "no Content-Type on an asset's 304");
        assertEquals("0", asset.headers().firstValue("Content-Length").orElse("0"), "no body announced");
    }

    private static String csp(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }

    @Test
    void assetsHaveHashedUrlsAndAreCachedForAYear() {
        String html = app.get("/").body();
        List<String> scripts = Html.parse(html).select("script[src]").eachAttr("src");
        String chartJs = scripts.stream().filter(src -> src.matches("/assets/[0-9a-f]{12}/vendor/chart\\.umd\\.min\\.js"))
                .findFirst().orElseThrow(() -> new AssertionError("Chart.js served by the app itself: " + scripts));
        HttpResponse<String> chart = app.get(chartJs);
        assertEquals(200, chart.statusCode());
        assertEquals("public, max-age=31536000, immutable", chart.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(chart.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertTrue(chart.body().contains("Chart"));
        assertFalse(html.contains("//cdn") || html.contains("https://"), "nothing from another host");
    }

    @Test
    void largeResponsesAreCompressedWhenAccepted() {
        HttpResponse<byte[]> gzip = app.send(app.request("/", "Accept-Encoding", "gzip").GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
        HttpResponse<byte[]> plain = app.getBytes("/");
        assertTrue(gzip.body().length * 3 < plain.body().length, "gzip is much smaller");
        for (int i = 0; i < 2; i++) { // rendered, then from the cache
            HttpResponse<byte[]> events = app.send(app.request("/api/events", "Accept-Encoding", "br, gzip").GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", events.headers().firstValue("Content-Encoding").orElse(""), "gzip, try " + i);
        }
        HttpResponse<byte[]> small = app.send(app.request("/healthz", "Accept-Encoding", "gzip, br").GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(small.headers().firstValue("Content-Encoding").isEmpty(), "tiny bodies are sent as they are");
    }

    @Test
    void headRequestsAnswerWithoutBody() {
        HttpResponse<String> r = app.send(app.request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode());
    }

    private static int countOf(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) count++;
        return count;
    }

    private static JsonNode find(JsonNode array, String key) {
        for (JsonNode node : array) if (node.get("key").asText().equals(key)) return node;
        throw new AssertionError("no " + key);
    }
}
