package cn.jinjiang.aitraining.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.TestDatabase;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every past value streams in constant memory: a server process limited to a 32 MB heap
 * ({@code -Xmx32m}, and it exits on running out) serves {@code /observations.csv} and a filtered
 * {@code /api/observations} of 150,000 observations, each download more than twice its heap. If any
 * layer kept the rows or the bytes (a list built before writing, the response cache, the database
 * driver reading the whole result), the server would run out of heap and the download would end
 * short. The bench (src/bench/scale.sh) does the same at 1,000,000 observations.
 */
class ObservationsExportMemoryTest {
    static final int FIGURES = 1_500;
    static final int OBSERVATIONS_EACH = 100;
    static final int HEAP_MB = 32;

    @TempDir Path folder;

    @Test
    @Timeout(600) // fills a database and downloads about 200 MB from a small-heap server: slow on a busy machine
    void aServerWithA32MegabyteHeapStreamsEveryObservation() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "many.db");
        long expected;
        try (Database database = Database.open(db, Database.DEFAULT_CONNECT_WAIT)) {
            fill(database);
            // An account exists, so the server hashes no first password at start: one Argon2 hash
            // takes 19 MB of heap, more than half of this server's, and is not what is measured.
            TestAdmin.EDITOR.createIn(database);
            expected = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM observation o JOIN figure f ON f.id = o.figure_id WHERE f.archived = FALSE")
                    .mapTo(Long.class).one());
        }
        assertTrue(expected >= (long) FIGURES * OBSERVATIONS_EACH);
        try (ServerProcess server = ServerProcess.start(db, folder,
                List.of("-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            // The plain download goes through the response cache (which must give up keeping it).
            HttpResponse<InputStream> csv = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/observations.csv"))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, csv.statusCode());
            try (Counting bytes = new Counting(csv.body());
                 Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8)) {
                assertEquals('\uFEFF', reader.read(), "BOM");
                long rows = 0;
                CSVRecord last = null;
                try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    assertEquals(ObservationExport.COLUMNS, parser.getHeaderNames());
                    for (CSVRecord row : parser) {
                        rows++;
                        last = row;
                    }
                }
                assertEquals(expected, rows, "every observation, none cut off");
                assertEquals(String.format("memory-%05d", FIGURES), last.get("key"), "the last figure's rows came last");
                assertEquals("report", last.get("entry_kind"), "the last row is whole");
                assertTrue(bytes.count > 2L * HEAP_MB << 20, "the download (" + bytes.count + " bytes) is over twice the heap");
            }

            // A filtered download bypasses the cache and writes straight to the response.
            HttpResponse<InputStream> json = client.send(HttpRequest.newBuilder(URI.create(
                    server.baseUrl() + "/api/observations?qualifier=exact")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, json.statusCode());
            try (Counting bytes = new Counting(json.body());
                 JsonParser parser = new ObjectMapper().getFactory().createParser(bytes)) {
                assertEquals(JsonToken.START_OBJECT, parser.nextToken());
                assertEquals("observations", parser.nextFieldName());
                assertEquals(JsonToken.START_ARRAY, parser.nextToken());
                long items = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    items++;
                    parser.skipChildren();
                }
                assertEquals(JsonToken.END_ARRAY, parser.currentToken());
                assertEquals(JsonToken.END_OBJECT, parser.nextToken(), "the document is complete");
                assertTrue(items >= (long) FIGURES * OBSERVATIONS_EACH, items + " observations");
                assertTrue(bytes.count > 2L * HEAP_MB << 20, "the download (" + bytes.count + " bytes) is over twice the heap");
            }

            HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, health.statusCode(), "the server is still up");
        }
    }

    /** 1,500 figures with 100 observations each, in standard SQL (a recursive CTE) on either database. */
    private static void fill(Database database) {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        database.jdbi().useTransaction(h -> {
            PreparedBatch figures = h.prepareBatch("""
                    INSERT INTO figure (figure_key, label_zh, label_en, category, unit_en, headline, sort_order, created_at, updated_at)
                    VALUES (:key, :labelZh, :labelEn, 'ai-learning', 'attendances', FALSE, :sortOrder, :now, :now)""");
            for (int i = 1; i <= FIGURES; i++) {
                figures.bind("key", String.format("memory-%05d", i)).bind("labelZh", "内存测试指标第" + i + "项（参训人次）")
                        .bind("labelEn", "Memory test figure number " + i + " (attendances)")
                        .bind("sortOrder", 10_000 + i).bind("now", now).add();
            }
            figures.execute();
            h.createUpdate("""
                    WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :each)
                    INSERT INTO observation (figure_id, value, unit, qualifier, period_zh, period_en, as_of, source_id, quote, recorded_at)
                    SELECT f.id, f.id * 1000 + n.i, '人次', 'exact', '累计', 'cumulative', :asOf, 1, :quote, :now
                      FROM figure f CROSS JOIN n
                     WHERE f.figure_key LIKE 'memory-%'""")
                    .bind("each", OBSERVATIONS_EACH)
                    .bind("asOf", LocalDate.of(2025, 5, 19))
                    .bind("quote", "全市各级干部参加人工智能专题学习活动，累计参训人次持续增长，学习成效明显提升，" .repeat(2).substring(0, 70))
                    .bind("now", now)
                    .execute();
        });
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
