package cn.jinjiang.aitraining.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The figures table on /figures and on the dashboard: sorting, each filter, search in both languages,
 * the state in the URL, and downloads that hold exactly the rows shown in the order shown. The tests
 * only read the curated data, so they share one server.
 */
class FiguresTableTest {
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

    private static List<String> shownKeys(Document page) {
        return Html.one(page, "table.figures-table").select("tbody tr[data-key]").eachAttr("data-key");
    }

    private static List<CSVRecord> csv(String path) {
        HttpResponse<String> r = app.get(path);
        assertEquals(200, r.statusCode(), path);
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(r.body().substring(1))).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void plainListPageShowsEveryFigureInCuratedOrderAndIsCached() {
        HttpResponse<String> r = app.get("/figures");
        assertEquals(200, r.statusCode());
        List<String> keys = shownKeys(Html.parse(r));
        assertEquals(15, keys.size());
        assertEquals("ai-learning-activities", keys.get(0));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, app.get("/figures", "If-None-Match", etag).statusCode(), "the plain table keeps its ETag");
    }

    @Test
    void sortsByValueBothWays() {
        List<String> ascending = shownKeys(app.page("/figures?sort=value"));
        List<String> descending = shownKeys(app.page("/figures?sort=-value"));
        assertEquals("ai-scenario-investment", descending.get(0), "277,000,000 yuan is the largest value");
        assertEquals(15, ascending.size());
        List<BigDecimal> values = new ArrayList<>();
        for (String key : ascending) {
            values.add(new BigDecimal(csv("/figures.csv?key=" + key).get(0).get("value")));
        }
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i - 1).compareTo(values.get(i)) <= 0, "ascending by value: " + values);
        }
        // Ties keep the curated order, so descending is not simply the reverse: compare the values.
        assertEquals(ascending.get(ascending.size() - 1), descending.get(0));
    }

    @Test
    void sortsByLabelInTheViewersLanguage() {
        List<String> en = shownKeys(app.page("/figures?sort=label&lang=en"));
        List<String> labels = new ArrayList<>();
        for (Element row : Html.one(app.page("/figures?sort=label&lang=en"), "table.figures-table").select("tbody tr th a")) {
            labels.add(row.text());
        }
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(null);
        assertEquals(sorted, labels, "English labels in order");
        assertEquals(15, en.size());
    }

    @Test
    void columnHeadersLinkToTheirSortAndSayWhichIsActive() {
        Document page = app.page("/figures?category=ai-learning&sort=as_of");
        Element asOf = Html.one(page, "table.figures-table thead th[aria-sort=ascending]");
        assertEquals("/figures?category=ai-learning&sort=-as_of#figures", asOf.selectFirst("a").attr("href"),
                "the active column's link sorts the other way and keeps the filter");
        Element label = page.select("table.figures-table thead th a").first();
        assertEquals("/figures?category=ai-learning&sort=label#figures", label.attr("href"));
    }

    @Test
    void filtersByCategoryQualifierAndPeriod() {
        List<String> learning = shownKeys(app.page("/figures?category=ai-learning"));
        assertEquals(List.of("ai-learning-activities", "ai-training-attendance", "ai-lectures",
                "ai-headline-lectures-2025", "ai-debate-classes", "ai-online-study-hours"), learning, "in the curated order");
        assertEquals(List.of("ai-online-study-hours", "cadre-school-attendance-since-2023"),
                shownKeys(app.page("/figures?qualifier=over")));
        List<String> cumulative = shownKeys(app.page("/figures?period=" + enc("累计")));
        assertEquals(List.of("ai-online-study-hours", "ai-scenario-projects", "ai-scenario-investment", "jinjiang-longhua-classes"),
                cumulative);
        assertEquals(cumulative, shownKeys(app.page("/figures?period=cumulative")), "the English period matches too");
        assertEquals(List.of("ai-online-study-hours"), shownKeys(app.page("/figures?period=" + enc("累计") + "&qualifier=over")),
                "filters combine");
        Document none = app.page("/figures?period=" + enc("1999年"));
        assertTrue(shownKeys(none).isEmpty());
        assertTrue(Html.one(none, "p.table-empty").text().contains("没有符合条件"));
    }

    @Test
    void searchesLabelsInBothLanguagesAndTheQuote() {
        List<String> zh = shownKeys(app.page("/figures?q=" + enc("讲座")));
        assertTrue(zh.contains("ai-lectures") && zh.contains("ai-headline-lectures-2025"), zh.toString());
        assertEquals(List.of("ai-lectures"), shownKeys(app.page("/figures?q=LECTURES")), "English, any case");
        assertEquals(List.of("ai-online-study-hours"), shownKeys(app.page("/figures?q=" + enc("突破万学时"))),
                "words that only the quote holds");
        assertTrue(shownKeys(app.page("/figures?q=" + enc("%"))).isEmpty(), "LIKE wildcards are plain text");
        assertTrue(shownKeys(app.page("/figures?q=" + enc("' OR 1=1 --"))).isEmpty(), "bound, never SQL");
    }

    @Test
    void urlStateRoundTripsThroughTheForm() {
        String path = "/figures?category=ai-learning&sort=-as_of&q=" + enc("讲座");
        Document page = app.page(path);
        Map<String, String> fields = Html.fields(page, "figure-filter");
        assertEquals("ai-learning", fields.get("category"));
        assertEquals("-as_of", fields.get("sort"));
        assertEquals("讲座", fields.get("q"));
        assertEquals("", fields.get("qualifier"));
        // Submitting the form as a browser without JavaScript would (a GET with its fields) shows the same rows.
        String submitted = "/figures?" + WebClient.encode(fields);
        assertEquals(shownKeys(page), shownKeys(app.page(submitted)));
        assertFalse(shownKeys(page).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/figures?category=ai-learning&sort=-value", "/figures?q=%E8%AE%B2%E5%BA%A7&sort=label",
            "/figures?qualifier=exact&sort=-category", "/figures?period=2025&sort=period"})
    void downloadLinksHoldExactlyTheRowsShownInOrder(String path) throws Exception {
        Document page = app.page(path);
        List<String> shown = shownKeys(page);
        String csvLink = Html.one(page, "a.download-view-csv").attr("href");
        assertTrue(csvLink.startsWith("/figures.csv?"), csvLink);
        assertEquals(shown, csv(csvLink).stream().map(r -> r.get("key")).toList());
        String jsonLink = Html.one(page, "a.download-view-json").attr("href");
        JsonNode json = JSON.readTree(app.get(jsonLink).body());
        List<String> jsonKeys = new ArrayList<>();
        json.get("figures").forEach(f -> jsonKeys.add(f.get("key").asText()));
        assertEquals(shown, jsonKeys);
        String history = Html.one(page, "a.download-view-observations").attr("href");
        assertEquals(shown, csv(history).stream().map(r -> r.get("key")).distinct().toList(),
                "every past value of the same figures, in the same order");
    }

    @Test
    void dashboardTableFiltersAndKeepsTheEventsState() {
        Document page = app.page("/?category=related-course&kind=lecture&ep=1");
        assertEquals(List.of("party-affairs-training-attendance", "party-affairs-course-segments"), shownKeys(page));
        Map<String, String> figureForm = Html.fields(page, "figure-filter");
        assertEquals("lecture", figureForm.get("kind"), "the figures form carries the events filter");
        Map<String, String> eventForm = Html.fields(page, "event-filter");
        assertEquals("related-course", eventForm.get("category"), "the events form carries the figures filter");
        assertEquals("no-cache", app.get("/?category=related-course").headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(app.get("/?category=related-course").headers().firstValue("ETag").isEmpty(),
                "a filtered view is rendered per request, never kept");
        assertEquals("/figures.csv?category=related-course", Html.one(page, "a.download-view-csv").attr("href"));
    }

    @Test
    void eventsTableFiltersByKindDatedAndSearch() {
        Document lectures = app.page("/?kind=lecture");
        List<String> kinds = lectures.select("ol.timeline > li .timeline-kind").eachText();
        assertFalse(kinds.isEmpty());
        assertTrue(kinds.stream().allMatch("讲座"::equals) || kinds.stream().distinct().count() == 1, kinds.toString());
        Document undated = app.page("/?dated=no");
        assertTrue(undated.select("ol.timeline > li.dated").isEmpty());
        assertFalse(undated.select("ol.timeline > li.undated").isEmpty());
        Document dated = app.page("/?dated=yes");
        assertTrue(dated.select("ol.timeline > li.undated").isEmpty());
        Document search = app.page("/?eq=" + enc("年度首讲"));
        assertEquals(List.of("event-lecture-2025-02-28"), search.select("ol.timeline > li").eachAttr("id"));
        String link = Html.one(search, "a.download-events-view").attr("href");
        assertEquals("/events.csv?eq=%E5%B9%B4%E5%BA%A6%E9%A6%96%E8%AE%B2", link);
        assertEquals(2, app.page("/?eq=deepseek").select("ol.timeline > li").size(), "English titles, any case");
        assertEquals(List.of("lecture-2025-02-28"), csv(link).stream().map(r -> r.get("key")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/figures?category=nonsense", "/figures?qualifier=roughly", "/figures?sort=-password",
            "/?kind=party", "/?dated=maybe", "/figures.csv?sort=id;drop", "/api/figures?category=x", "/api/events?kind=x",
            "/observations.csv?qualifier=x"})
    void unknownFilterValuesAreRefusedWithAClearMessage(String path) {
        HttpResponse<String> r = app.get(path);
        assertEquals(400, r.statusCode(), path);
        assertFalse(r.body().contains("Exception"), "no stack trace");
        if (path.startsWith("/api/")) {
            assertTrue(r.body().contains("\"error\":\"bad_"), r.body());
        } else {
            assertTrue(r.body().contains("可选") || r.body().contains("只能"), "says what is allowed: " + r.body());
        }
        HttpResponse<String> en = app.get(path + "&lang=en");
        assertEquals(400, en.statusCode());
        assertTrue(en.body().contains("Use ") || en.body().contains("is yes"), en.body());
    }

    @Test
    void emptyParametersAreNoFilterAndOverlongSearchIsRefused() {
        assertEquals(15, shownKeys(app.page("/figures?category=&qualifier=&period=&q=&sort=")).size());
        assertEquals(400, app.get("/figures?q=" + "长".repeat(101)).statusCode());
    }

    @Test
    void listPageInEnglishAndPastTheLastPageRedirects() {
        Document en = app.page("/figures?lang=en");
        assertEquals("en", en.selectFirst("html").attr("lang"));
        assertEquals("Search", Html.one(en, "label[for=figure-q]").text());
        HttpResponse<String> past = app.get("/figures?page=9");
        assertEquals(302, past.statusCode());
        assertEquals("/figures?page=1", past.headers().firstValue("Location").orElseThrow());
    }
}
