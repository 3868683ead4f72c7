package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The period rule table, row by row, against a report dated 2025-09-30. */
class PeriodRulesTest {

    private static final LocalDate REPORT = LocalDate.of(2025, 9, 30);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        // expression | zh | en
        "今年以来|2025年以来|2025 year to date",
        "今年来|2025年以来|2025 year to date",
        "年初以来|2025年以来|2025 year to date",
        "自今年起|2025年以来|2025 year to date",
        "今年以來|2025年以来|2025 year to date",
        "2025年以来|2025年以来|2025 year to date",
        "自2025年起|2025年以来|2025 year to date",
        "2023年以来|2023年以来|since 2023",
        "自2022年起|2022年以来|since 2022",
        "从2024年至今|2024年以来|since 2024",
        "２０２３年以来|2023年以来|since 2023",
        "去年以来|2024年以来|since 2024",
        "今年|2025年|2025",
        "本年度|2025年|2025",
        "全年|2025年|2025",
        "去年|2024年|2024",
        "上年|2024年|2024",
        "前年|2023年|2023",
        "明年|2026年|2026",
        "2024年|2024年|2024",
        "2024年度|2024年|2024",
        "2023-2027年|2023—2027年|2023–2027",
        "2023—2027年|2023—2027年|2023–2027",
        "上半年|2025年上半年|first half of 2025",
        "今年上半年|2025年上半年|first half of 2025",
        "下半年|2025年下半年|second half of 2025",
        "去年下半年|2024年下半年|second half of 2024",
        "2024年上半年|2024年上半年|first half of 2024",
        "前三季度|2025年前三季度|first three quarters of 2025",
        "今年前三季度|2025年前三季度|first three quarters of 2025",
        "前两季度|2025年前二季度|first two quarters of 2025",
        "一季度|2025年第一季度|Q1 2025",
        "第二季度|2025年第二季度|Q2 2025",
        "2024年第4季度|2024年第四季度|Q4 2024",
        "1—9月|2025年1—9月|January–September 2025",
        "1-9月|2025年1—9月|January–September 2025",
        "1～9月|2025年1—9月|January–September 2025",
        "1月至9月|2025年1—9月|January–September 2025",
        "一至九月|2025年1—9月|January–September 2025",
        "今年1—8月|2025年1—8月|January–August 2025",
        "2025年1-6月|2025年1—6月|January–June 2025",
        "去年1—12月|2024年1—12月|January–December 2024",
        "9月份|2025年9月|September 2025",
        "2025年8月|2025年8月|August 2025",
    })
    void recognisedExpressionsBecomeAbsolute(String expression, String zh, String en) {
        PeriodRules.Period p = PeriodRules.normalise(expression, REPORT);
        assertEquals(PeriodRules.Status.RECOGNISED, p.status(), expression);
        assertEquals(zh, p.zh());
        assertEquals(en, p.en());
        assertTrue(!HAN.matcher(p.en()).find(), "English period holds Han characters: " + p.en());
    }

    @ParameterizedTest(name = "{0} is the running total")
    @ValueSource(strings = {"目前", "截至目前", "截止目前", "累计", "总计", "共计", "至今", "迄今", "迄今为止",
        "截至今日", "当前", "截至9月底", "截至2025年9月", "截至9月30日", "累計", "截至目前，"})
    void runningTotalsKeepTheCumulativePeriod(String expression) {
        PeriodRules.Period p = PeriodRules.normalise(expression, REPORT);
        assertEquals(PeriodRules.Status.CUMULATIVE, p.status());
        assertEquals("累计", p.zh());
        assertEquals("cumulative", p.en());
        assertTrue(p.recognised());
    }

    @ParameterizedTest(name = "{0} is unrecognised")
    @ValueSource(strings = {"近三年", "三年来", "多年来", "近期", "本学期", "9—1月", "10月", "十四五期间", "当天"})
    void unknownExpressionsAreFlaggedAndKeptAsGiven(String expression) {
        PeriodRules.Period p = PeriodRules.normalise(expression, REPORT);
        assertEquals(PeriodRules.Status.UNRECOGNISED, p.status());
        assertEquals(expression, p.zh());
        assertNull(p.en());
        assertTrue(!p.recognised());
    }

    @ParameterizedTest(name = "blank {0}")
    @ValueSource(strings = {"", "  "})
    void nothingStatedIsNotUnrecognised(String expression) {
        assertEquals(PeriodRules.Status.NOT_STATED, PeriodRules.normalise(expression, REPORT).status());
        assertEquals(PeriodRules.Status.NOT_STATED, PeriodRules.normalise(null, REPORT).status());
    }

    @Test
    void relativeWordsCountFromTheReportYear() {
        LocalDate nextYear = LocalDate.of(2026, 3, 31);
        assertEquals("2026年以来", PeriodRules.normalise("今年以来", nextYear).zh());
        assertEquals("2026 year to date", PeriodRules.normalise("今年以来", nextYear).en());
        assertEquals("since 2025", PeriodRules.normalise("2025年以来", nextYear).en());
        assertEquals("2025年", PeriodRules.normalise("去年", nextYear).zh());
    }

    @Test
    void everyRowOfTheTableReadsItsOwnExample() {
        for (PeriodRules.Rule r : PeriodRules.RULES) {
            PeriodRules.Period p = PeriodRules.normalise(r.example(), REPORT);
            assertTrue(p.recognised(), "row " + r.example() + " does not read its own example");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // sentence | the figure | stated period ("-" for none)
        "今年以来，晋江共举办112场活动。|112场|今年以来",
        "今年以来，全市累计培训干部1.5万人次。|1.5万人次|累计",
        "1—9月，全省举办培训班320期。|320期|1—9月",
        "今年1-9月全市共培训干部9800人次。|9800人次|今年1-9月",
        "前三季度共开展实训活动186场。|186场|前三季度",
        "今年上半年投入经费1.6亿元。|1.6亿元|今年上半年",
        "截至目前，已建成基地23个。|23个|截至目前",
        "截至9月底，全省累计培训干部12万人次。|12万人次|累计",
        "2023年以来，累计培训骨干1.2万人。|1.2万人|累计",
        "2023年以来培训骨干1.2万人。|1.2万人|2023年以来",
        "去年共培训干部8600人次。|8600人次|去年",
        "今年以来举办28场。去年同期共培训干部2100人次。|2100人次|去年",
        "今年以来成效明显。共培训干部2100人次。|2100人次|-",
        "2025年5月18日，晋江举办讲座，120名干部参加。|120名|-",
        "晋江举办讲座，120名干部参加。|120名|-",
        "今年以來，晉江市共舉辦112場。|112場|今年以来",
    })
    void theNearestPeriodBeforeTheFigureInItsSentence(String sentence, String figure, String period) {
        ExtractionResult r = new FigureExtractor().analyse(sentence, REPORT);
        Candidate c = r.candidates().stream().filter(x -> x.text().equals(figure)).findFirst().orElseThrow();
        String expected = period.equals("-") ? null : period;
        assertEquals(expected, c.statedPeriod());
        assertEquals(expected, PeriodRules.findStated(r.simplifiedText(), c.start()));
    }
}
