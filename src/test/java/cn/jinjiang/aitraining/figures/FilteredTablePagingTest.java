package cn.jinjiang.aitraining.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A filtered view longer than one page: the page query counts the filtered rows itself
 * ({@code COUNT(*) OVER ()}), so the caption's total, the page count and the last page must agree
 * with the rows there are, and a page number past the end shows the last page. 120 figures whose
 * label holds 分页测试, each with an older observation and a newer (latest) one.
 */
class FilteredTablePagingTest {
    static final int FIGURES = 120;
    static final String WORD = "分页测试";
    static TestApp server;
    static WebClient app;

    @BeforeAll
    static void start() {
        server = TestApp.start();
        app = server.cookielessClient();
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        server.database().jdbi().useTransaction(h -> {
            PreparedBatch figures = h.prepareBatch("""
                    INSERT INTO figure (figure_key, label_zh, label_en, category, unit_en, headline, sort_order, created_at, updated_at)
                    VALUES (:key, :labelZh, :labelEn, 'related-course', 'items', FALSE, :sortOrder, :now, :now)""");
            for (int i = 1; i <= FIGURES; i++) {
                figures.bind("key", key(i)).bind("labelZh", WORD + i).bind("labelEn", "Paging test " + i)
                        .bind("sortOrder", 5000 + i).bind("now", now).add();
            }
            figures.execute();
            PreparedBatch observations = h.prepareBatch("""
                    INSERT INTO observation (figure_id, value, unit, qualifier, period_zh, period_en, as_of, source_id, quote, recorded_at)
                    VALUES ((SELECT id FROM figure WHERE figure_key = :key), :value, '个', 'exact', '累计', 'cumulative',
                            :asOf, 1, :quote, :now)""");
            for (int i = 1; i <= FIGURES; i++) {
                // the older report ranks the figures the other way round, so a sort on it would show
                observations.bind("key", key(i)).bind("value", 100_000 - i).bind("asOf", LocalDate.of(2024, 1, 1))
                        .bind("quote", "旧报道" + i).bind("now", now).add();
                observations.bind("key", key(i)).bind("value", i).bind("asOf", LocalDate.of(2025, 1, 1))
                        .bind("quote", "新报道" + i).bind("now", now).add();
            }
            observations.execute();
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String key(int i) { return "paging-test-" + i; }

    private static String view(String extra) {
        return "/figures?q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8) + "&sort=-value" + extra;
    }

    private static List<String> shownKeys(Document page) {
        return Html.one(page, "table.figures-table").select("tbody tr[data-key]").eachAttr("data-key");
    }

    private static String caption(Document page) {
        return Html.one(page, "table.figures-table caption").text();
    }

    @Test
    void everyPageCarriesTheWholeFilteredTotalAndThePagesHoldEveryRowOnce() {
        List<String> all = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            Document page = app.page(view("&page=" + number));
            assertEquals("全部数据（120项）", caption(page), "page " + number);
            assertTrue(Html.one(page, "nav.pager").text().contains("第" + number + "页，共3页"), "page " + number);
            all.addAll(shownKeys(page));
        }
        assertEquals(FIGURES, all.size());
        assertEquals(FIGURES, new HashSet<>(all).size(), "no row twice");
        assertEquals(key(FIGURES), all.get(0), "sorted by the latest value, not the older one");
        assertEquals(key(1), all.get(FIGURES - 1));
    }

    @Test
    void aPageNumberPastTheEndShowsTheLastPageWithTheTotal() {
        Document past = app.page(view("&page=9"));
        assertEquals("全部数据（120项）", caption(past));
        assertTrue(Html.one(past, "nav.pager").text().contains("第3页，共3页"));
        assertEquals(shownKeys(app.page(view("&page=3"))), shownKeys(past));
        assertEquals(20, shownKeys(past).size());
    }

    @Test
    void aFilterThatNarrowsCountsOnlyWhatItLetsThrough() {
        // labels 分页测试1, 10–19 and 100–120 contain 分页测试1: 32 figures, one page
        long expected = java.util.stream.IntStream.rangeClosed(1, FIGURES).filter(i -> Integer.toString(i).startsWith("1")).count();
        assertEquals(32, expected);
        Document page = app.page("/figures?q=" + URLEncoder.encode(WORD + "1", StandardCharsets.UTF_8) + "&category=related-course");
        assertEquals("全部数据（32项）", caption(page));
        assertEquals(32, shownKeys(page).size());
        Document none = app.page("/figures?q=" + URLEncoder.encode(WORD + "999", StandardCharsets.UTF_8) + "&page=2");
        assertEquals("全部数据（0项）", caption(none));
        assertTrue(shownKeys(none).isEmpty());
    }
}
