package cn.jinjiang.aitraining.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /observations.csv and /api/observations: every past value, its byte-level CSV rules, report vs correction. */
class ObservationsExportTest {
    TestApp app;
    WebClient admin;
    WebClient viewer;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach void start() {
        app = TestApp.start();
        admin = app.signedIn();
        viewer = app.cookielessClient();
    }

    @AfterEach void stop() { app.close(); }

    private void change(String key, String mode, Map<String, String> fields) {
        Map<String, String> form = admin.form("/admin/figures/" + key, "figure-form");
        form.put("mode", mode);
        form.put("reason", "test " + mode);
        form.putAll(fields);
        HttpResponse<String> r = admin.post("/admin/figures/" + key, form);
        assertEquals(303, r.statusCode(), r.body());
    }

    private List<CSVRecord> records(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(body.substring(1))).getRecords();
    }

    @Test
    void everyObservationOnceWithReportOrCorrectionAndTheCsvRules() throws Exception {
        change("ai-lectures", "report", Map.of("value", "8", "as_of", "2025-06-30", "source", "晋江新闻网",
                "source_date", "2025-07-01", "quote", "=HYPERLINK(1) 专题辅导讲座8期"));
        change("ai-lectures", "correction", Map.of("value", "9", "quote", "=HYPERLINK(1) 专题辅导讲座9期"));

        HttpResponse<byte[]> r = viewer.getBytes("/observations.csv");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv;charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        byte[] bytes = r.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        String body = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = body.substring(1).split("\r\n", -1);
        assertEquals("\"key\",\"label_zh\",\"label_en\",\"category\",\"value\",\"unit\",\"qualifier\",\"qualifier_word\","
                + "\"display_zh\",\"display_en\",\"period\",\"period_en\",\"as_of\",\"source\",\"source_en\",\"source_date\","
                + "\"source_headline\",\"source_author\",\"quote\",\"entry_kind\"", lines[0]);
        assertEquals("", lines[lines.length - 1], "CRLF after the last row too");

        List<CSVRecord> rows = records(body);
        assertEquals(16, rows.size(), "15 curated observations and one report (the correction rewrote it)");
        List<CSVRecord> lectures = rows.stream().filter(x -> x.get("key").equals("ai-lectures")).toList();
        assertEquals(List.of("2025-05-19", "2025-06-30"), lectures.stream().map(x -> x.get("as_of")).toList(), "oldest first");
        assertEquals("report", lectures.get(0).get("entry_kind"));
        assertEquals("correction", lectures.get(1).get("entry_kind"));
        assertEquals("9", lectures.get(1).get("value"));
        assertEquals("'=HYPERLINK(1) 专题辅导讲座9期", lectures.get(1).get("quote"), "formula neutralised");
        assertTrue(body.contains(",\"ai-learning\",9,\"期\","), "numbers plain and unquoted");
        assertTrue(body.contains(",277000000,\"元\","), "money in plain yuan, no exponent");
        CSVRecord attendance = rows.stream().filter(x -> x.get("key").equals("ai-training-attendance")).findFirst().orElseThrow();
        assertEquals("nearly", attendance.get("qualifier"));
        assertEquals("近", attendance.get("qualifier_word"));
        assertEquals("近9,000人次", attendance.get("display_zh"));
        assertEquals("nearly 9,000 attendances", attendance.get("display_en"));
        assertEquals("晋江经济报", attendance.get("source"));
        assertEquals("李诗怡", attendance.get("source_author"), "the source table's author column");
        assertTrue(rows.stream().allMatch(x -> x.get("entry_kind").equals("report") || x.get("entry_kind").equals("correction")));
    }

    @Test
    void oneFiguresHistoryIsLinkedFromItsPageAndFiltersApply() throws Exception {
        change("ai-lectures", "report", Map.of("value", "12", "as_of", "2025-08-01", "source", "晋江新闻网",
                "source_date", "2025-08-01", "quote", "专题辅导讲座12期"));
        String link = Html.one(viewer.page("/figures/ai-lectures"), "a.history-csv").attr("href");
        assertEquals("/observations.csv?key=ai-lectures", link);
        HttpResponse<String> r = viewer.get(link);
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains("ai-training-observations-ai-lectures.csv"));
        List<CSVRecord> rows = records(r.body());
        assertEquals(List.of("6", "12"), rows.stream().map(x -> x.get("value")).toList());

        assertEquals(1, records(viewer.get("/observations.csv?key=ai-lectures&q=12").body()).size(),
                "the search applies to each observation's own quote");
        assertEquals(List.of("12", "6"), records(viewer.get("/observations.csv?key=ai-lectures&sort=-as_of").body())
                .stream().map(x -> x.get("value")).toList(), "sorted as asked");

        JsonNode json = JSON.readTree(viewer.get("/api/observations?key=ai-lectures").body());
        assertEquals(2, json.get("observations").size());
        JsonNode latest = json.get("observations").get(1);
        assertEquals(12, latest.get("value").asInt());
        assertEquals("2025-08-01", latest.get("as_of").asText());
        assertEquals("report", latest.get("entry_kind").asText());
        assertEquals("晋江新闻网", latest.get("source").get("publication").asText());
        assertEquals("/figures/ai-lectures", latest.get("url").asText());
        assertEquals(16, JSON.readTree(viewer.get("/api/observations").body()).get("observations").size());
    }

    @Test
    void unknownOrArchivedFigureIs404AndPlainDownloadsKeepTheirEtag() {
        HttpResponse<String> missing = viewer.get("/observations.csv?key=no-such-figure");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("找不到该指标"));
        HttpResponse<String> api = viewer.get("/api/observations?key=no-such-figure");
        assertEquals(404, api.statusCode());
        assertTrue(api.body().contains("\"error\":\"figure_not_found\""));
        HttpResponse<String> plain = viewer.get("/observations.csv");
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, viewer.get("/observations.csv", "If-None-Match", etag).statusCode());
    }
}
