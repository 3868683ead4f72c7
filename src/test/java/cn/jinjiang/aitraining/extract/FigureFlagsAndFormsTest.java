package cn.jinjiang.aitraining.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.values.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forms seen in reports from other regions (成 percentages, bare counts, durations), the unit
 * family of each figure, the future/rate flags, and sentence-bounded scope.
 */
class FigureFlagsAndFormsTest {

    private static final LocalDate REPORT = LocalDate.of(2025, 9, 30);
    private final FigureExtractor extractor = new FigureExtractor();

    private Candidate find(String sentence, String figure) {
        List<Candidate> all = extractor.extract(sentence, REPORT);
        return all.stream().filter(c -> c.text().equals(figure)).findFirst()
                .orElseThrow(() -> new AssertionError(figure + " not found in " + sentence + ": " + all));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // sentence | text | kind | value | unit | qualifier | family
        "全国已有近六成的县级党校开设课程。|近六成|percent|60|%|nearly|percent",
        "三成受访干部每周使用AI工具。|三成|percent|30|%|exact|percent",
        "九成以上的学员表示满意。|九成以上|percent|90|%|over|percent",
        "超七成干部认为很有帮助。|超七成|percent|70|%|over|percent",
        "已有7成以上单位使用大模型。|7成以上|percent|70|%|over|percent",
        "近30万干部参加了专题学习。|近30万|count|300000|\"\"|nearly|people",
        "全省有5000余党员干部参加答题。|5000余|count|5000|\"\"|plus|people",
        "注册用户超过45万。|超过45万|count|450000|\"\"|over|people",
        "选派百名干部赴东部学习。|百名|count|100|名|exact|people",
        "已有千名干部报名。|千名|count|1000|名|exact|people",
        "全镇百余名干部参加了学习。|百余名|count|100|名|plus|people",
        "培训班为期一周。|一周|duration|1|周|exact|duration",
        "跟岗学习两个月。|两个月|duration|2|个月|exact|duration",
        "课程连续开设三年。|三年|duration|3|年|exact|duration",
        "学员需在5天内完成。|5天|duration|5|天|exact|duration",
        "每期学习10小时。|10小时|duration|10|小时|exact|hours",
        "讨论进行了一个多小时。|一个多小时|duration|1|小时|plus|hours",
        "近三年培训干部。|三年|duration|3|年|exact|duration",
        "共举办112场。|112场|count|112|场|exact|events",
        "开设AI实训班6个班次。|6个|count|6|个|exact|events",
        "新增场景项目60个。|60个|count|60|个|exact|projects",
        "征集案例512项。|512项|count|512|项|exact|projects",
        "覆盖干部1.5万余人次。|1.5万余人次|count|15000|人次|plus|people",
        "线上学习突破2万学时。|突破2万学时|count|20000|学时|over|hours",
        "总投资3.1亿元。|3.1亿元|money|310000000|元|exact|money",
        "开设“周末课堂”48堂。|48堂|count|48|堂|exact|events",
        "组建12支代表队。|12支|count|12|支|exact|other",
        "合格率98%。|98%|percent|98|%|exact|percent",
        "每批次学员不超过60人。|60人|count|60|人|exact|people",
        "费用不足5000元。|5000元|money|5000|元|exact|money",
        "每个环节约两小时。|约两小时|duration|2|小时|about|hours",
    })
    void formsAndFamilies(String sentence, String text, String kind, String value, String unit, String qualifier,
                          String family) {
        Candidate c = find(sentence, text);
        assertEquals(Kind.fromLabel(kind), c.kind());
        assertEquals(0, new BigDecimal(value).compareTo(c.value()), "value of " + text);
        assertEquals(unit.equals("\"\"") ? "" : unit, c.unit());
        assertEquals(Qualifier.fromCode(qualifier), c.qualifier());
        assertEquals(UnitFamily.valueOf(family.toUpperCase(java.util.Locale.ROOT)), c.unitFamily());
    }

    @ParameterizedTest(name = "no figure in {0}")
    @ValueSource(strings = {"他们成为了好朋友。", "一成不变。", "开展“千名干部学AI”活动。", "二期工程预计明年完工。",
        "上百名干部参加。", "一年来工作扎实。", "一年一度的评选。", "十成员国。", "千人计划入选者。", "市委党校一年来完成课题。"})
    void notFigures(String sentence) {
        List<Candidate> all = extractor.extract(sentence, REPORT).stream()
                .filter(c -> c.kind() != Kind.OTHER).toList();
        assertTrue(all.isEmpty(), "unexpected " + all);
    }

    @ParameterizedTest(name = "future: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "市委组织部计划10月中旬选派40名干部赴深圳跟班学习。|40名",
        "市委组织部计划10月中旬选派40名干部赴深圳跟班学习。|10月",
        "甘肃省将于10月中旬组织40名干部赴上海学习。|40名",
        "选派40名干部，将于10月中旬赴上海跟班学习。|40名",
        "省委组织部今年拟新增培训项目15项。|15项",
        "预计全年培训干部将突破10万人次。|突破10万人次",
        "即将开班的第二期培训班有学员50名。|50名",
        "下一步，将在全国遴选100个场景开展试点。|100个",
        "今年以来已举办112场，下一步将继续举办20场。|20场",
        "10月中旬，40名干部将赴上海跟班学习。|40名",
        "10月中旬，40名干部将赴上海跟班学习。|10月",
        "第三期培训班将举行，学员60名。|60名",
    })
    void plansAndForecastsAreFlaggedFuture(String sentence, String figure) {
        Candidate c = find(sentence, figure);
        assertTrue(c.future(), figure + " should be future in " + sentence);
        assertTrue(c.flags().contains("future"));
    }

    @ParameterizedTest(name = "not future: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "今年以来已举办112场，下一步将继续举办20场。|112场",
        "今年以来，晋江共举办AI学习活动112场。|112场",
        "9月20日，约3200名干部参加了测试。|约3200名",
        "将近300名干部参加了测试。|将近300名",
        "学员参加了模拟测试，共120名。|120名",
        "计划举办培训班60期，目前已完成48期。|48期",
        "晋江将AI课程纳入干部培训，已举办112场。|112场",
    })
    void resultsAreNotFuture(String sentence, String figure) {
        Candidate c = find(sentence, figure);
        assertTrue(!c.future(), figure + " should not be future in " + sentence);
    }

    @ParameterizedTest(name = "rate: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "日均访问量约84万人次。|约84万人次",
        "学员每天学习8小时。|8小时",
        "人均学习时长36学时。|36学时",
        "每年选派干部20名。|20名",
        "每月举办讲座2场。|2场",
        "合格率98%。|98%",
        "参训率达96%。|96%",
        "同比增长18%。|18%",
        "按照每人每天200元的标准发放补贴。|200元",
    })
    void ratesAreFlagged(String sentence, String figure) {
        Candidate c = find(sentence, figure);
        assertTrue(c.rate(), figure + " should be a rate in " + sentence);
        assertTrue(c.flags().contains("rate"));
    }

    @ParameterizedTest(name = "total: {0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "今年以来共举办112场。|112场",
        "覆盖干部1.5万余人次。|1.5万余人次",
        "全国已有近六成的县级党校开设课程。|近六成",
        "总投资3.1亿元。|3.1亿元",
    })
    void totalsAreNotRates(String sentence, String figure) {
        Candidate c = find(sentence, figure);
        assertTrue(!c.rate() && !c.future(), figure + " flagged in " + sentence);
        assertEquals(List.of(), c.flags());
    }

    @Test
    void scopeIsNeverTakenFromThePreviousSentence() {
        List<Candidate> all = extractor.extract("今年以来举办培训28场。去年同期共培训干部2100人次。全市共有干部3000余人；"
                + "其中年轻干部800名。", REPORT);
        assertEquals("今年以来", all.get(0).scope());
        assertEquals("2100人次", all.get(1).text());
        assertEquals("去年", all.get(1).scope()); // its own sentence says 去年
        assertEquals("3000余人", all.get(2).text());
        assertNull(all.get(2).scope());
        assertEquals("800名", all.get(3).text());
        assertNull(all.get(3).scope(), "the clause after ； is a new sentence");
        assertEquals("年轻干部", all.get(3).subject());
    }

    @Test
    void aParagraphBreakEndsTheScopeToo() {
        List<Candidate> all = extractor.extract("今年以来成效明显\n\n共培训干部2100人次", REPORT);
        assertEquals(1, all.size());
        assertNull(all.get(0).scope());
    }

    @Test
    void theOldConstructorDerivesTheFamilyAndLeavesFlagsOff() {
        Candidate c = new Candidate("62名", BigDecimal.valueOf(62), "名", Qualifier.EXACT, Kind.COUNT, "选派62名干部。",
                "干部", null, null, 2, 5, 0, 2, 5);
        assertEquals(UnitFamily.PEOPLE, c.unitFamily());
        assertEquals(List.of(), c.flags());
        assertNull(c.statedPeriod());
    }
}
