package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every chart route against the real server, in both languages: the chart's page (chart, table,
 * sources, downloads, citation, permalink, share, embed), the embed page and its framing policy, the
 * CSV byte for byte, the PNG, the JSON, the 404s, and the cache's ETag and 304. The tests only read,
 * so they share one server (the framing test starts its own, with --embed-origins).
 */
class ChartRoutesTest {
    static final List<String> SLUGS = List.of("ai-learning", "reach", "capacity", "timeline");
    static final ObjectMapper JSON = new ObjectMapper();
    static TestApp server;
    static WebClient app;

    @BeforeAll
    static void start() {
        server = TestApp.start();
        app = server.cookielessClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void everyMigratedChartHasAPageWhoseTitleIsTheDashboards(String lang) {
        Document dashboard = app.page("/?lang=" + lang);
        for (String slug : SLUGS) {
            HttpResponse<String> r = app.get("/charts/" + slug + "?lang=" + lang);
            assertEquals(200, r.statusCode(), slug);
            Document page = Html.parse(r);
            assertEquals(Html.one(dashboard, "#chart-" + slug + " .chart-title").text(), Html.one(page, "h1").text(), slug);
            assertEquals(Html.one(dashboard, "#chart-" + slug + " .chart-caption").text(),
                    Html.one(page, ".chart-page-caption").text(), slug);
            assertEquals(Html.one(dashboard, "#chart-" + slug + " table.chart-table tbody").text(),
                    Html.one(page, "table.chart-table tbody").text(), "the same table as on the dashboard: " + slug);
            assertEquals(1, page.select("#view-chart canvas[data-chart]").size(), slug);
        }
    }

    @Test
    void aChartPageHasItsViewsCitationPermalinkShareAndEmbedInChinese() {
        Document page = app.page("/charts/reach");
        assertEquals("AI学习培训今年覆盖干部近9,000人次；“晋江干部学堂”2023年以来培训超2万人次", Html.one(page, "h1").text());
        assertEquals("最近更新：2025年5月19日", Html.one(page, ".chart-updated").text());
        assertEquals(List.of("#view-chart", "#view-table", "#view-sources", "#view-download"), hrefs(page, ".chart-views a"));
        for (String id : List.of("view-chart", "view-table", "view-sources", "view-download")) {
            assertEquals(1, page.select("#" + id).size(), id);
        }
        assertEquals("≈ 约数或接近　> 超过　+ 多于", Html.one(page, ".chart-marks").text());
        assertEquals("晋江经济报", Html.one(page, "table.chart-sources tbody th").text());
        String permalink = server.baseUrl() + "/charts/reach";
        assertEquals(permalink, Html.one(page, "input#permalink").val());
        assertEquals(permalink, Html.one(page, "#share").attr("data-share"));
        String citation = Html.one(page, ".chart-citation").text();
        assertTrue(citation.contains("晋江干部“AI赋能”培训数据看板"), citation);
        assertTrue(citation.contains(permalink), citation);
        assertTrue(citation.contains("2025年5月19日"), citation);
        assertTrue(citation.contains("晋江经济报"), citation);
        String embed = Html.one(page, "#embed-code").text();
        assertTrue(embed.startsWith("<iframe src=\"" + permalink + "/embed?lang=zh\""), embed);
        assertEquals(List.of("/charts/reach.png?lang=zh", "/charts/reach.csv", "/api/charts/reach"),
                hrefs(page, ".chart-downloads a"));
        for (String link : hrefs(page, ".chart-downloads a")) assertEquals(200, app.getBytes(link).statusCode(), link);
        assertEquals("/charts/reach", Html.one(page, "meta[property=og:url]").attr("content").replace(server.baseUrl(), ""));
    }

    @Test
    void aChartPageInEnglish() {
        Document page = app.page("/charts/timeline?lang=en");
        assertEquals("3 key dates of AI learning in 2025, 28 February 2025 to 22 April 2025", Html.one(page, "h1").text());
        assertEquals("Last updated 19 May 2025", Html.one(page, ".chart-updated").text());
        assertEquals(List.of("Chart", "Table", "Sources", "Download"), texts(page, ".chart-views a"));
        assertEquals(3, page.select("table.chart-table tbody tr").size(), "the table lists every event");
        assertTrue(Html.one(page, ".chart-citation").text().startsWith("Cite as: Jinjiang AI Training for Officials — Dashboard"));
        assertEquals("Jinjiang Economic News", Html.one(page, "table.chart-sources tbody th").text());
    }

    @Test
    void theEmbedPageIsTheChartAloneAndRefusesFramingByDefault() {
        for (String lang : List.of("zh", "en")) {
            HttpResponse<String> r = app.get("/charts/capacity/embed?lang=" + lang);
            assertEquals(200, r.statusCode());
            Document page = Html.parse(r);
            assertEquals(0, page.select("header, footer, .chart-views").size(), "no site header, footer or views");
            assertEquals(1, page.select("canvas[data-chart]").size());
            assertEquals(server.baseUrl() + "/charts/capacity", Html.one(page, "h1 a").attr("href"));
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void embedOriginsLetThoseSitesFrameTheEmbedPageAndNothingElse() {
        try (TestApp framed = TestApp.builder().embedOrigins(List.of("https://intranet.example", "http://oa.example:8080")).start()) {
            WebClient c = framed.cookielessClient();
            HttpResponse<String> embed = c.get("/charts/reach/embed");
            assertEquals(200, embed.statusCode());
            String csp = embed.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("frame-ancestors https://intranet.example http://oa.example:8080"), csp);
            assertFalse(csp.contains("'none'; form-action") && csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'self'"), "otherwise strict: " + csp);
            assertTrue(embed.headers().firstValue("X-Frame-Options").isEmpty(), "no DENY beside the allow list");
            String etag = embed.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = c.get("/charts/reach/embed", "If-None-Match", etag);
            assertEquals(304, again.statusCode());
            for (String other : List.of("/", "/charts/reach", "/figures")) {
                HttpResponse<String> r = c.get(other);
                assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"), other);
                assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow(), other);
            }
        }
    }

    @Test
    void theCsvIsExactlyWhatTheChartShows() {
        HttpResponse<byte[]> r = app.getBytes("/charts/reach.csv");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("attachment; filename=\"reach.csv\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        String expected = "\uFEFF"
                + "\"key\",\"label_zh\",\"label_en\",\"value\",\"unit\",\"qualifier\",\"display_zh\",\"display_en\","
                + "\"period\",\"period_en\",\"as_of\",\"source\",\"source_en\",\"source_date\"\r\n"
                + "\"ai-training-attendance\",\"AI学习培训覆盖干部\",\"Officials reached by AI training\",9000,\"人次\","
                + "\"nearly\",\"近9,000人次\",\"nearly 9,000 attendances\",\"2025年以来\",\"2025 year to date\","
                + "\"2025-05-19\",\"晋江经济报\",\"Jinjiang Economic News\",\"2025-05-19\"\r\n"
                + "\"cadre-school-attendance-since-2023\",\"“晋江干部学堂”培训人次（2023年以来）\","
                + "\"Jinjiang Cadre School attendances (since 2023)\",20000,\"人次\",\"over\",\"超2万人次\","
                + "\"over 20,000 attendances\",\"2023年以来\",\"since 2023\",\"2025-05-19\",\"晋江经济报\","
                + "\"Jinjiang Economic News\",\"2025-05-19\"\r\n";
        assertEquals(expected, new String(r.body(), StandardCharsets.UTF_8));
        String timeline = new String(app.getBytes("/charts/timeline.csv").body(), StandardCharsets.UTF_8);
        assertTrue(timeline.startsWith("\uFEFF\"key\",\"date\",\"title_zh\",\"title_en\",\"kind\",\"source\",\"source_en\",\"source_date\"\r\n"), timeline);
        assertEquals(4, timeline.split("\r\n").length, "header and the three dated events");
    }

    @Test
    void theApiListsTheChartsAndGivesEachOnesFiguresAndData() throws IOException {
        JsonNode list = JSON.readTree(app.get("/api/charts").body()).get("charts");
        List<String> slugs = new ArrayList<>();
        list.forEach(c -> slugs.add(c.get("slug").asText()));
        assertEquals(SLUGS, slugs);
        JsonNode reach = list.get(1);
        List<String> fields = new ArrayList<>();
        reach.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("slug", "type", "title_zh", "title_en", "url"), fields);
        assertEquals("hbar", reach.get("type").asText());
        assertEquals("/charts/reach", reach.get("url").asText());
        assertEquals("AI training reached nearly 9,000 attendances this year; the Jinjiang Cadre School over 20,000 attendances since 2023",
                reach.get("title_en").asText());

        JsonNode one = JSON.readTree(app.get("/api/charts/reach").body());
        assertEquals("reach", one.get("slug").asText());
        assertEquals("[\"ai-training-attendance\",\"cadre-school-attendance-since-2023\"]", one.get("figures").toString());
        assertEquals(2, one.get("data").size());
        assertEquals(9000, one.get("data").get(0).get("value").asInt());
        assertEquals("nearly", one.get("data").get(0).get("qualifier").asText());
        assertEquals("2025-05-19", one.get("last_updated").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void anUnknownChartIsA404InThePagesLanguage(String lang) throws IOException {
        String message = lang.equals("zh") ? "找不到该图表。" : "There is no such chart.";
        for (String path : List.of("/charts/no-such-chart", "/charts/no-such-chart/embed", "/charts/no-such-chart.csv",
                "/charts/no-such-chart.png", "/charts/Bad%20Slug", "/charts/a..b")) {
            HttpResponse<String> r = app.get(path + "?lang=" + lang);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains(message), path + ": " + r.body());
            assertTrue(r.headers().firstValue("ETag").isEmpty(), "no ETag on a 404: " + path);
        }
        HttpResponse<String> api = app.get("/api/charts/no-such-chart?lang=" + lang);
        assertEquals(404, api.statusCode());
        JsonNode error = JSON.readTree(api.body());
        assertEquals("chart_not_found", error.get("error").asText());
        assertEquals(message, error.get("message").asText());
    }

    @Test
    void chartPagesAndDownloadsComeFromTheCacheWithTheirETag() {
        for (String path : List.of("/charts/reach", "/charts/reach/embed", "/charts/reach.csv", "/charts/reach.png",
                "/api/charts", "/api/charts/reach")) {
            HttpResponse<byte[]> first = app.getBytes(path);
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            HttpResponse<byte[]> second = app.getBytes(path, "If-None-Match", etag);
            assertEquals(304, second.statusCode(), path);
            assertEquals(0, second.body().length, path);
        }
        String zh = app.getBytes("/charts/reach?lang=zh").headers().firstValue("ETag").orElseThrow();
        String en = app.getBytes("/charts/reach?lang=en").headers().firstValue("ETag").orElseThrow();
        assertNotEquals(zh, en, "one representation per language");
    }

    @Test
    void thePngIsDrawnAtTwiceItsSizeWithTheTitleAndSourcesInIt() throws IOException {
        for (String lang : List.of("zh", "en")) {
            HttpResponse<byte[]> r = app.getBytes("/charts/reach.png?lang=" + lang);
            assertEquals(200, r.statusCode());
            assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.body()));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "chart-reach-" + lang + ".png"), r.body());
            assertEquals(ChartImage.WIDTH * ChartImage.SCALE, png.getWidth(), "drawn at 2x");
            assertTrue(png.getHeight() > 500 * ChartImage.SCALE / 2, "room for title, chart and sources: " + png.getHeight());
            int titleRow = ChartImage.TITLE_BASELINE * ChartImage.SCALE - 10;
            assertTrue(darkPixels(png, titleRow - 20, titleRow) > 200, "the title is drawn where it belongs (" + lang + ")");
            assertTrue(darkPixels(png, png.getHeight() - 120, png.getHeight() - 40) > 200, "the sources line at the foot");
        }
    }

    static int darkPixels(BufferedImage png, int fromRow, int toRow) {
        int dark = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(png.getHeight(), toRow); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (luminance < 3 * 120) dark++;
            }
        }
        return dark;
    }

    private static List<String> hrefs(Document page, String css) {
        List<String> out = new ArrayList<>();
        page.select(css).forEach(a -> out.add(a.attr("href")));
        return out;
    }

    private static List<String> texts(Document page, String css) {
        List<String> out = new ArrayList<>();
        page.select(css).forEach(a -> out.add(a.text()));
        return out;
    }
}
