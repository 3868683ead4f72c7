package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.extract.Candidate;
import cn.jinjiang.aitraining.extract.FigureExtractor;
import cn.jinjiang.aitraining.extract.FigureSuggester;
import cn.jinjiang.aitraining.extract.KnownFigure;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one suggestion rule ({@link FigureSuggester}) on its own: unit family, subject, period, plans and rates. */
class SuggestionRuleTest {
    private static final LocalDate REPORT = LocalDate.of(2025, 9, 30);
    private static final KnownFigure ACTIVITIES = new KnownFigure("activities", "AI学习活动", "AI learning activities", "场",
            "2025年以来", "2025 year to date", "开展68场学习活动");
    private static final KnownFigure SCHOOL = new KnownFigure("school-attendance", "“晋江干部学堂”培训人次", "Cadre school attendances",
            "人次", "2023年以来", "since 2023", "培训干部超2万人次");
    private static final KnownFigure SECONDED = new KnownFigure("seconded", "赴上海、深圳跟班学习干部", "Officials seconded",
            "名", "三年", "three years", "三年选派62名干部赴上海、深圳取经");
    private static final KnownFigure DAILY = new KnownFigure("daily-users", "平台日均学习人数", "Daily learners", "人",
            "2025年9月", "September 2025", "日均学习人数");
    private static final FigureSuggester SUGGESTER = new FigureSuggester(List.of(ACTIVITIES, SCHOOL, SECONDED, DAILY));

    private static Candidate first(String text, String span) {
        return new FigureExtractor().analyse(text, REPORT).candidates().stream()
                .filter(c -> c.text().equals(span)).findFirst().orElseThrow();
    }

    private static FigureSuggester.Suggestion suggest(String text, String span) {
        return SUGGESTER.suggest(first(text, span), REPORT);
    }

    @Test
    void aMatchingUnitSubjectAndPeriodIsSuggestedWithItsReasonInBothLanguages() {
        var s = suggest("今年以来，开展112场AI学习活动。", "112场");
        assertEquals("activities", s.figureKey());
        assertEquals(100, s.confidence());
        assertEquals("单位“场”、主语“AI学习活动”与名称相符、统计期“2025年以来”一致", s.reasonZh());
        assertTrue(s.reasonEn().startsWith("unit 场, subject 'AI学习活动' matches the label"), s.reasonEn());
        assertEquals("2025年以来", s.period().zh());
        assertEquals("2025 year to date", s.period().en());
    }

    @Test
    void anotherPeriodNeverJoinsAFiguresHistoryLine() {
        // 今年以来 is 2025年以来: not the school's 2023年以来 line, even with the same unit and words
        var s = suggest("今年以来，“晋江干部学堂”培训干部3000人次。", "3000人次");
        assertNull(s.figureKey(), s.reasonEn());
        assertEquals("2025年以来", s.period().zh());
        var since2023 = suggest("2023年以来，“晋江干部学堂”培训干部2.5万人次。", "2.5万人次");
        assertEquals("school-attendance", since2023.figureKey(), since2023.reasonEn());
    }

    @Test
    void theIssuesTrapsAreNeverSuggestedForTheSecondedOfficials() {
        var test = suggest("9月，全市约3200名干部参加人工智能知识测试。", "约3200名");
        assertNull(test.figureKey());
        assertTrue(test.confidence() < FigureSuggester.THRESHOLD, test.reasonEn());
        assertTrue(test.reasonZh().contains("低于60%"), test.reasonZh());
        var trip = suggest("计划10月中旬再选派40名干部赴上海、深圳跟班学习。", "40名");
        assertNull(trip.figureKey(), "a plan, even one that names the same trip");
        assertEquals(List.of("future"), trip.flags());
        var done = suggest("三年选派70名干部赴上海、深圳跟班学习。", "70名");
        assertEquals("seconded", done.figureKey(), "the same trip reported as done is suggested");
        assertEquals(Set.of("period-unrecognised"), Set.copyOf(done.flags()));
        assertEquals("三年", done.period().zh());
        assertEquals("three years", done.period().en());
    }

    @Test
    void aRateIsNeverSuggestedForACumulativeFigure() {
        var rate = suggest("今年以来，日均开展12场AI学习活动。", "12场");
        assertTrue(rate.flags().contains("rate"), rate.flags().toString());
        assertNull(rate.figureKey(), rate.reasonEn());
    }

    @Test
    void otherUnitFamiliesAndKindsAreNeverSuggested() {
        assertNull(suggest("今年以来，开展112期AI学习活动培训，共9000人次。", "9000人次").figureKey(),
                "people are not the school's attendances since 2023, nor activities");
        var date = suggest("9月26日，晋江举办首届干部AI应用技能大赛。", "9月26日");
        assertNull(date.figureKey());
        assertEquals(0, date.confidence());
    }

    @Test
    void theEnglishPeriodIsNeverChinese() {
        for (String text : List.of("今年以来，开展112场AI学习活动。", "目前，累计开展112场AI学习活动。", "上半年，开展50场AI学习活动。",
                "1—9月，开展112场AI学习活动。", "近三年，开展112场AI学习活动。")) {
            Candidate c = new FigureExtractor().analyse(text, REPORT).candidates().stream()
                    .filter(x -> x.unit().equals("场")).findFirst().orElseThrow();
            var s = SUGGESTER.suggest(c, REPORT);
            String en = s.period().en();
            assertTrue(en == null || !en.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    text + " → " + en);
        }
    }
}
