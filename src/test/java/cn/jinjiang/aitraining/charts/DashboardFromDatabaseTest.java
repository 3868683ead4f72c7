package cn.jinjiang.aitraining.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard reads its charts, titles and texts from the database now. What it shows must be what
 * it showed when they were Java constants and bundle texts: the pages in {@code dashboard-before/}
 * were saved from the server at the commit before this change, and every visible text of them is
 * compared, in both languages, with what the server says today.
 */
class DashboardFromDatabaseTest {
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
    void theDashboardShowsWhatItShowedBeforeTheChartsMovedToTheDatabase(String lang) throws IOException {
        Document before = Html.parse(resource("/dashboard-before/" + lang + ".html"));
        Document after = app.page("/?lang=" + lang);
        assertEquals(before.title(), after.title(), "page title");
        assertEquals(texts(before, "header .brand"), texts(after, "header .brand"), "site title in the header");
        // The footer's link to the public record of changes came with issue 13, after the pages were saved.
        String footer = "footer p:not(:has(a[href=/changes]))";
        assertEquals(texts(before, footer), texts(after, footer), "footer");
        assertEquals(texts(before, "h1, .lede"), texts(after, "h1, .lede"), "title and subtitle");
        assertEquals(texts(before, ".card"), texts(after, ".card"), "headline cards, in order");
        assertEquals(attributes(before, "figure.chart", "id"), attributes(after, "figure.chart", "id"), "charts, in order");
        for (String part : List.of(".chart-title", ".chart-caption", ".chart-marks", ".chart-source", "table.chart-table")) {
            assertEquals(texts(before, "figure.chart " + part), texts(after, "figure.chart " + part), part);
        }
        assertEquals(attributes(before, "canvas[data-chart]", "aria-label"),
                attributes(after, "canvas[data-chart]", "aria-label"), "the charts' accessible names");
        Element mainAfter = after.selectFirst("main").clone();
        mainAfter.select(".last-updated, .chart-updated").remove();
        assertEquals(before.selectFirst("main").text(), mainAfter.text(), "every other text of the page");
        assertEquals(before.select("meta[name=description]").attr("content"),
                after.select("meta[name=description]").attr("content"), "description");
    }

    @Test
    void theDashboardSaysWhenItsDataWasLastUpdated() {
        assertEquals("最近更新：2025年5月19日", Html.one(app.page("/?lang=zh"), ".last-updated").text());
        assertEquals("Last updated 19 May 2025", Html.one(app.page("/?lang=en"), ".last-updated").text());
    }

    @Test
    void eachChartOnTheDashboardLinksToItsOwnPage() {
        Document page = app.page("/");
        for (String slug : List.of("ai-learning", "reach", "capacity", "timeline")) {
            Element title = Html.one(page, "#chart-" + slug + " .chart-title a");
            assertEquals("/charts/" + slug, title.attr("href"), slug);
        }
    }

    private static List<String> texts(Document page, String css) {
        List<String> out = new ArrayList<>();
        page.select(css).forEach(e -> out.add(e.text()));
        assertTrue(!out.isEmpty(), "nothing matched " + css);
        return out;
    }

    private static List<String> attributes(Document page, String css, String attribute) {
        List<String> out = new ArrayList<>();
        page.select(css).forEach(e -> out.add(e.attr(attribute)));
        assertTrue(!out.isEmpty(), "nothing matched " + css);
        return out;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DashboardFromDatabaseTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
