package cn.jinjiang.aitraining.changes;

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
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public record of changes over HTTP: staff make a correction, a report, an event edit, an
 * archive and an undo through the forms, with a distinctive reason and user name; /changes (both
 * languages), /api/changes, /changes.atom and the figure page tell them with their public notes,
 * and no public route shows the reason or the user name. The changes are made once; the tests read.
 */
class PublicChangesTest {
    static final String USER = "ledger-keeper-q7";
    static final String PASSWORD = "a long passphrase for the ledger";
    /** Internal: must never appear on a public route. */
    static final String REASON = "internal-reason-Zx81 (typo spotted by Wang)";
    static final String CORRECTION_NOTE = "更正：原录入有误";
    static final String REPORT_NOTE = "据2025年9月30日报道更新";
    static final String EVENT_NOTE = "更正：活动日期";

    static TestApp app;
    static WebClient admin;
    static WebClient reader;

    @BeforeAll
    static void makeChanges() {
        app = TestApp.builder().admin(USER, PASSWORD).start();
        admin = app.signedIn();
        reader = app.cookielessClient();

        // 1. a correction: 6期 → 7期
        Map<String, String> correction = admin.form("/admin/figures/ai-lectures", "figure-form");
        correction.put("mode", "correction");
        correction.put("value", "7");
        correction.put("reason", REASON);
        correction.put("public_note", CORRECTION_NOTE);
        assertEquals(303, admin.post("/admin/figures/ai-lectures", correction).statusCode());

        // 2. a new report of another figure
        Map<String, String> report = admin.form("/admin/figures/ai-training-attendance", "figure-form");
        report.put("mode", "report");
        report.put("value", "9500");
        report.put("as_of", "2025-09-30");
        report.put("source", "晋江新闻网");
        report.put("source_date", "2025-09-30");
        report.put("quote", "覆盖干部9500人次");
        report.put("reason", REASON);
        report.put("public_note", REPORT_NOTE);
        HttpResponse<String> reported = admin.post("/admin/figures/ai-training-attendance", report);
        assertEquals(303, reported.statusCode(), reported.body());

        // 3. an event edit, 4. an archived figure (without a note)
        Map<String, String> event = admin.form("/admin/events/lecture-2025-02-28", "event-form");
        event.put("date", "2025-03-01");
        event.put("reason", REASON);
        event.put("public_note", EVENT_NOTE);
        assertEquals(303, admin.post("/admin/events/lecture-2025-02-28", event).statusCode());
        Map<String, String> archive = admin.form("/admin/figures/ai-debate-classes/archive", "archive-form");
        archive.put("reason", REASON);
        assertEquals(303, admin.post("/admin/figures/ai-debate-classes/archive", archive).statusCode());

        // 5. a second correction, then its undo (with the same internal reason)
        Map<String, String> again = admin.form("/admin/figures/ai-lectures", "figure-form");
        again.put("mode", "correction");
        again.put("value", "8");
        again.put("reason", REASON);
        assertEquals(303, admin.post("/admin/figures/ai-lectures", again).statusCode());
        long last = lastAuditId();
        assertEquals(303, admin.post("/admin/audit/" + last + "/revert", Map.of("reason", REASON)).statusCode());
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    private static long lastAuditId() {
        return app.database().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit_entry").mapTo(Long.class).one());
    }

    @Test
    void theChangesPageListsEveryChangeNewestFirstInChinese() {
        Document page = reader.page("/changes?lang=zh");
        List<Element> items = page.select("ol.change-list > li");
        assertEquals(6, items.size(), page.select("ol.change-list").text());
        // newest first: the undo, the second correction, the archive, the event, the report, the first correction
        assertEquals(List.of("更正", "更正", "撤下", "更正", "新报道", "更正"),
                items.stream().map(li -> li.selectFirst(".change-kind").text()).toList());
        Element first = items.get(items.size() - 1);
        assertTrue(first.hasClass("change-correction"));
        assertEquals("7期", first.selectFirst(".change-value").text());
        assertTrue(first.selectFirst(".change-subject").text().startsWith("AI专题辅导讲座：7期"), first.text());
        assertEquals("（原为6期）", first.selectFirst(".change-replaced").text());
        assertEquals("说明：" + CORRECTION_NOTE, first.selectFirst(".change-note").text());
        assertEquals("/figures/ai-lectures", first.selectFirst(".change-subject a").attr("href"));
        assertTrue(first.selectFirst("time").hasAttr("datetime"));

        Element report = items.get(4);
        assertEquals("9,500人次", report.selectFirst(".change-value").text().replace("近", ""));
        assertNull(report.selectFirst(".change-replaced"), "a report replaces nothing");
        assertEquals("说明：" + REPORT_NOTE, report.selectFirst(".change-note").text());

        Element event = items.get(3);
        assertEquals("活动", event.selectFirst(".change-type").text());
        assertEquals("2025年3月1日", event.selectFirst(".change-value").text());
        assertEquals("（原为2025年2月28日）", event.selectFirst(".change-replaced").text());
        assertNull(event.selectFirst(".change-subject a"), "events have no page of their own");

        Element archived = items.get(2);
        assertNull(archived.selectFirst(".change-subject a"), "an archived figure's page is gone: no link");
        assertNull(archived.selectFirst(".change-note"), "no note was written");

        Element undo = items.get(0);
        assertEquals("7期", undo.selectFirst(".change-value").text());
        assertEquals("（原为8期）", undo.selectFirst(".change-replaced").text());
        assertFalse(page.select("p.changes-last time").isEmpty(), "the date of the last update");
    }

    @Test
    void theChangesPageInEnglish() {
        Document page = reader.page("/changes?lang=en");
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("Updates and corrections", page.selectFirst("h1").text());
        List<Element> items = page.select("ol.change-list > li");
        Element first = items.get(items.size() - 1);
        assertEquals("Correction", first.selectFirst(".change-kind").text());
        assertEquals("AI lectures", first.selectFirst(".change-subject a").text());
        assertTrue(first.selectFirst(".change-subject").text().startsWith("AI lectures: 7 lectures"), first.text());
        assertTrue(first.selectFirst(".change-replaced").text().startsWith("(was 6"), first.text());
        // the note is shown as written: staff write it once, in Chinese
        assertEquals("Note: " + CORRECTION_NOTE, first.selectFirst(".change-note").text());
        assertEquals("New report", items.get(4).selectFirst(".change-kind").text());
        assertEquals("1 March 2025", items.get(3).selectFirst(".change-value").text());
    }

    @Test
    void theJsonCarriesBothLanguagesAndNothingInternal() throws IOException {
        HttpResponse<String> response = reader.get("/api/changes");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertEquals(6, body.get("total").asInt());
        assertEquals(1, body.get("page").asInt());
        assertEquals(1, body.get("page_count").asInt());
        JsonNode first = body.get("changes").get(5);
        assertEquals("correction", first.get("kind").asText());
        assertEquals("figure", first.get("entity_type").asText());
        assertEquals("ai-lectures", first.get("key").asText());
        assertEquals("AI专题辅导讲座", first.get("label_zh").asText());
        assertEquals("AI lectures", first.get("label_en").asText());
        assertEquals("7期", first.get("value_zh").asText());
        assertEquals("6期", first.get("replaced_zh").asText());
        assertEquals(CORRECTION_NOTE, first.get("public_note").asText());
        assertEquals("/figures/ai-lectures", first.get("url").asText());
        assertTrue(first.get("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertFalse(fields.contains("reason") || fields.contains("username") || fields.contains("user"), fields.toString());
        assertEquals("archived", body.get("changes").get(2).get("kind").asText());
        assertTrue(body.get("changes").get(2).get("public_note").isNull());
        assertEquals(body.get("changes").get(0).get("occurred_at").asText(), body.get("last_published").asText());
    }

    @Test
    void theAtomFeedParsesWithRome() throws Exception {
        HttpResponse<String> response = reader.get("/changes.atom");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(response.body()));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("tag:127.0.0.1,2025:changes", feed.getId());
        assertEquals(6, feed.getEntries().size());
        assertNotNull(feed.getUpdated());
        assertEquals(feed.getEntries().get(0).getUpdated(), feed.getUpdated(), "the feed is as new as its newest entry");
        assertTrue(feed.getOtherLinks().stream().anyMatch(l -> l.getRel().equals("self")
                && l.getHref().equals(app.baseUrl() + "/changes.atom")));
        assertTrue(feed.getAlternateLinks().stream().anyMatch(l -> l.getHref().equals(app.baseUrl() + "/changes")));
        long expectedId = lastAuditId();
        for (Entry e : feed.getEntries()) {
            assertEquals("tag:127.0.0.1,2025:change-" + expectedId--, e.getId());
            assertNotNull(e.getUpdated());
            assertFalse(e.getAlternateLinks().isEmpty());
        }
        Entry first = feed.getEntries().get(5);
        assertEquals("更正：AI专题辅导讲座 7期", first.getTitle());
        Link link = first.getAlternateLinks().get(0);
        assertEquals(app.baseUrl() + "/figures/ai-lectures", link.getHref());
        assertTrue(first.getSummary().getValue().contains("原为6期"), first.getSummary().getValue());
        assertTrue(first.getSummary().getValue().contains(CORRECTION_NOTE));

        Feed en = (Feed) new WireFeedInput().build(new StringReader(reader.get("/changes.atom?lang=en").body()));
        assertEquals(feed.getEntries().get(0).getId(), en.getEntries().get(0).getId(), "one id whatever the language");
        assertTrue(en.getEntries().get(5).getTitle().startsWith("Correction: AI lectures"), en.getEntries().get(5).getTitle());
        assertTrue(en.getEntries().get(5).getAlternateLinks().get(0).getHref().endsWith("/figures/ai-lectures?lang=en"));
    }

    @Test
    void theFigurePageMarksItsCorrectionWithTheValueItReplaced() {
        Document page = reader.page("/figures/ai-lectures?lang=zh");
        List<Element> lines = page.select("ol.figure-record > li");
        // the curated report, the correction 6 → 7, the correction 7 → 8, the undo 8 → 7
        assertEquals(4, lines.size(), page.select("ol.figure-record").text());
        assertEquals(List.of("报道", "更正", "更正", "更正"), lines.stream().map(l -> l.selectFirst(".change-kind").text()).toList());
        assertEquals("7期", lines.get(0).selectFirst(".change-value").text(), "the report shows the value as it stands");
        Element correction = lines.get(1);
        assertTrue(correction.hasClass("change-correction"));
        assertEquals("7期", correction.selectFirst(".change-value").text());
        assertEquals("（原为6期）", correction.selectFirst(".change-replaced").text());
        assertEquals("说明：" + CORRECTION_NOTE, correction.selectFirst(".change-note").text());
        assertFalse(correction.selectFirst("time").text().isBlank());

        Document report = reader.page("/figures/ai-training-attendance?lang=en");
        List<Element> reportLines = report.select("ol.figure-record > li");
        assertEquals(2, reportLines.size());
        assertEquals("Report", reportLines.get(1).selectFirst(".change-kind").text());
        assertEquals("Note: " + REPORT_NOTE, reportLines.get(1).selectFirst(".change-note").text());
        assertNull(reportLines.get(0).selectFirst(".change-note"), "the curated value has no note");
    }

    @Test
    void thePublicPagesAreCachedWithETags() {
        for (String path : List.of("/changes", "/changes?lang=en", "/changes.atom", "/api/changes")) {
            HttpResponse<String> first = reader.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
            assertEquals(304, reader.get(path, "If-None-Match", etag).statusCode(), path);
        }
    }

    @Test
    void theDashboardsLastUpdatedDateIsTheOneTheChangesPageGives() {
        for (String lang : List.of("zh", "en")) {
            String changesDate = Html.one(reader.page("/changes?lang=" + lang), ".changes-last time").text();
            String dashboard = Html.one(reader.page("/?lang=" + lang), ".last-updated").text();
            assertTrue(dashboard.contains(changesDate), lang + ": dashboard says " + dashboard + ", /changes says " + changesDate);
        }
    }

    @Test
    void theLayoutAdvertisesTheFeedAndLinksTheRecord() {
        for (String path : List.of("/", "/figures", "/figures/ai-lectures", "/changes")) {
            Document page = reader.page(path + "?lang=zh");
            Element alternate = Html.one(page, "head link[rel=alternate][type=application/atom+xml]");
            assertEquals("/changes.atom", alternate.attr("href"), path);
            assertFalse(page.select("footer a[href=/changes]").isEmpty(), path);
        }
        assertEquals("/changes.atom?lang=en",
                Html.one(reader.page("/?lang=en"), "head link[rel=alternate][type=application/atom+xml]").attr("href"));
    }

    @Test
    void noPublicRouteShowsTheReasonOrTheUserName() throws IOException {
        List<String> routes = new ArrayList<>(List.of("/", "/?lang=en", "/figures", "/figures?lang=en", "/events",
                "/changes", "/changes?lang=en", "/changes.atom", "/changes.atom?lang=en", "/api/changes",
                "/api/figures", "/api/events", "/api/observations", "/figures.csv", "/events.csv", "/observations.csv",
                "/healthz"));
        JsonNode figures = new ObjectMapper().readTree(reader.get("/api/figures").body()).get("figures");
        assertTrue(figures.size() > 5);
        for (JsonNode f : figures) {
            String key = f.get("key").asText();
            routes.add("/figures/" + key);
            routes.add("/figures/" + key + "?lang=en");
            routes.add("/api/figures/" + key);
            routes.add("/observations.csv?key=" + key);
        }
        routes.add("/figures/ai-debate-classes"); // archived: a 404 page, which must not leak either
        int checked = 0;
        for (String route : routes) {
            HttpResponse<String> r = reader.get(route);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, route + " answered " + r.statusCode());
            if (r.statusCode() == 200) checked++;
            assertNoLeak(route, r.body());
        }
        assertTrue(checked >= routes.size() - 2, "most routes answered: " + checked + " of " + routes.size());
        // the workbook: every XML part of the zip, as text
        HttpResponse<byte[]> xlsx = reader.getBytes("/figures.xlsx");
        assertEquals(200, xlsx.statusCode());
        int parts = 0;
        Path file = Files.createTempFile("figures", ".xlsx");
        try {
            Files.write(file, xlsx.body());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        assertNoLeak("/figures.xlsx " + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                    parts++;
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(parts > 3);
        // and the admin's own audit log does show both: the marker is real
        String audit = admin.get("/admin/audit").body();
        assertTrue(audit.contains("internal-reason-Zx81") && audit.contains(USER));
        // staff see there what was published with each change
        assertTrue(Html.parse(audit).select(".audit-public-note").eachText().contains("公开说明：" + CORRECTION_NOTE));
    }

    private static void assertNoLeak(String route, String body) {
        assertFalse(body.contains("internal-reason-Zx81"), route + " shows the internal reason");
        assertFalse(body.contains("Wang"), route + " shows the internal reason");
        assertFalse(body.contains(USER), route + " shows the user name");
    }
}
