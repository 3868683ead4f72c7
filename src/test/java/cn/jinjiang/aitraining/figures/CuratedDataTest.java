package cn.jinjiang.aitraining.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.events.EventDao;
import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.support.Seed;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The curated dataset, as migrated into a fresh database, against the table and the source page. */
class CuratedDataTest {
    @TempDir
    static Path folder;
    static Database database;
    static Map<String, FigureSnapshot> figures;
    static List<EventSnapshot> events;

    @BeforeAll
    static void open() {
        database = Database.open(folder.resolve("d.db"));
        List<FigureSnapshot> all = new ArrayList<>();
        new FigureDao(database.jdbi()).forEachCurrent(true, all::add);
        figures = all.stream().collect(Collectors.toMap(FigureSnapshot::key, f -> f));
        events = new ArrayList<>();
        new EventDao(database.jdbi()).forEach(events::add);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ai-learning-activities             | 68        | 场   | exact
            ai-training-attendance             | 9000      | 人次 | nearly
            ai-lectures                        | 6         | 期   | exact
            ai-online-study-hours              | 10000     | 学时 | over
            ai-scenario-projects               | 48        | 个   | exact
            ai-scenario-investment             | 277000000 | 元   | exact
            special-courses-since-2022         | 23        | 个   | exact
            cadre-school-sessions-since-2023   | 39        | 期   | exact
            cadre-school-attendance-since-2023 | 20000     | 人次 | over
            cadres-seconded-shanghai-shenzhen  | 62        | 名   | exact
            jinjiang-longhua-classes           | 2         | 期   | exact
            party-affairs-training-attendance  | 40        | 名   | plus
            """)
    void theRequiredFiguresHaveTheirValuesUnitsAndQualifiers(String key, String value, String unit, String qualifier) {
        FigureSnapshot f = figures.get(key);
        assertTrue(f != null, "missing figure " + key);
        assertEquals(0, new BigDecimal(value).compareTo(f.latest().value()), key);
        assertEquals(unit, f.latest().unit());
        assertEquals(qualifier, f.latest().qualifier());
        assertEquals("2025-05-19", f.source().publishedOn().toString());
    }

    @Test
    void everyQuoteIsShortAndEveryFigureHasBothLabels() {
        figures.values().forEach(f -> {
            assertTrue(f.latest().quote().length() <= 80, f.key());
            assertTrue(!f.figure().labelZh().isBlank() && !f.figure().labelEn().isBlank(), f.key());
            assertTrue(!f.latest().periodZh().isBlank() && !f.latest().periodEn().isBlank(), f.key());
        });
        events.forEach(e -> assertTrue(e.event().quote().length() <= 80, e.key()));
    }

    @Test
    void theStoryEventsAreThereWithDatesOnlyWhereTheReportGivesThem() {
        Map<String, EventSnapshot> byKey = events.stream().collect(Collectors.toMap(EventSnapshot::key, e -> e));
        assertEquals("2025-02-28", byKey.get("lecture-2025-02-28").event().date().toString());
        assertEquals("2025-04-16", byKey.get("lecture-2025-04-16").event().date().toString());
        assertEquals("2025-04-22", byKey.get("classes-open-2025-04-22").event().date().toString());
        for (String undated : List.of("debate-ai-vs-experience", "study-trip-zhejiang-university", "ai-industrial-base-signing",
                "ai-seminar-policy-report", "jinkuaiban-deepseek", "party-affairs-llm-lecture")) {
            assertTrue(byKey.containsKey(undated), undated);
            assertEquals(null, byKey.get(undated).event().date(), undated);
        }
        assertTrue(byKey.get("lecture-2025-02-28").event().peopleZh().contains("赖永炫"));
        assertTrue(byKey.get("lecture-2025-04-16").event().peopleZh().contains("杜兰"));
    }

    /**
     * Every quoted clause really is on the source page, read by {@link Seed} from {@code shared/seed}
     * beside the project (where CI puts it); line breaks and spaces of the OCR layout are ignored.
     */
    @Test
    void everyQuoteIsFoundOnTheSourcePage() {
        String page = normalise(Seed.text());
        List<String> quotes = new ArrayList<>();
        figures.values().forEach(f -> quotes.add(f.latest().quote()));
        events.forEach(e -> quotes.add(e.event().quote()));
        for (String quote : quotes) {
            assertTrue(page.contains(normalise(quote)), "not on the page: " + quote);
        }
    }

    private static String normalise(String s) {
        // The page writes DeepSeek as "Deepseek" too; case is not what a quote is checked for.
        return s.replaceAll("[\\s\u2043]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
