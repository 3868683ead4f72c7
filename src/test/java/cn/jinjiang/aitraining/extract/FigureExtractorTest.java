package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Forms the seed page does not contain, one short sentence each. */
class FigureExtractorTest {

    private static final LocalDate ISSUE = LocalDate.of(2025, 5, 19);
    private final FigureExtractor extractor = new FigureExtractor();

    private Candidate only(String text, LocalDate date) {
        List<Candidate> all = extractor.extract(text, date);
        assertEquals(1, all.size(), "one figure expected in " + text + " but got " + all);
        return all.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // sentence | text | kind | value | unit | qualifier
        "共培训干部9,000人次。|9,000人次|count|9000|人次|exact",
        "举办６８场讲座。|68场|count|68|场|exact",
        "吸引三千余名群众参与。|三千余名|count|3000|名|plus",
        "全年培训1.2万人次。|1.2万人次|count|12000|人次|exact",
        "开设二十三个专题班。|二十三个|count|23|个|exact",
        "共有一百零五名学员。|一百零五名|count|105|名|exact",
        "受益群众达1万人。|1万人|count|10000|人|exact",
        "覆盖十多万人。|十多万人|count|100000|人|plus",
        "投入资金两千元。|两千元|money|2000|元|exact",
        "总投资达2.77亿元。|2.77亿元|money|277000000|元|exact",
        "捐赠200万元。|200万元|money|2000000|元|exact",
        "发放补贴3.5万元。|3.5万元|money|35000|元|exact",
        "约300人参加。|约300人|count|300|人|about",
        "大约50家企业。|大约50家|count|50|家|about",
        "参与人数300人左右。|300人左右|count|300|人|about",
        "服务企业500家以上。|500家以上|count|500|家|over",
        "逾百家企业入驻。|逾百家|count|100|家|over",
        "超过1000名志愿者。|超过1000名|count|1000|名|over",
        "将近200所学校。|将近200所|count|200|所|nearly",
        "接近80项成果。|接近80项|count|80|项|nearly",
        "累计完成60项改造。|60项|count|60|项|exact",
        "共计完成15个项目。|15个|count|15|个|exact",
        "增长15%。|15%|percent|15|%|exact",
        "增长１５％。|15%|percent|15|%|exact",
        "占比百分之十五。|百分之十五|percent|15|%|exact",
        "提高3个百分点。|3个百分点|percent|3|个百分点|exact",
        "培训持续3个月。|3个月|duration|3|个月|exact",
        "连续工作24小时。|24小时|duration|24|小时|exact",
        "为期两天的培训。|两天|duration|2|天|exact",
        "历时三年多。|三年多|duration|3|年|plus",
        "在第三届大会上。|第三届|ordinal|3|届|exact",
        "今年是第35个助残日。|第35个|ordinal|35|个|exact",
        "2022年启动。|2022年|year|2022|年|exact",
        "列入2025年度计划。|2025年度|year|2025|年|exact",
        "二〇二五年工作要点。|二〇二五年|year|2025|年|exact",
        "地铁5号线开通。|5号线|other|5|号线|exact",
        "占比百分之二十五点五。|百分之二十五点五|percent|25.5|%|exact",
        "上午9时30分开幕。|9时30分|other|9|时|exact",
        "中央资金300万元左右。|300万元左右|money|3000000|元|about",
        "全市5000余人参训。|5000余人|count|5000|人|plus",
    })
    void recognises(String sentence, String text, String kind, String value, String unit, String qualifier) {
        Candidate c = only(sentence, ISSUE);
        assertEquals(text, c.text());
        assertEquals(kind, c.kind().label());
        assertEquals(0, new BigDecimal(value).compareTo(c.value()), "value " + c.value());
        assertEquals(unit, c.unit());
        assertEquals(qualifier, c.qualifier().code());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "2025年5月18日举行。|2025年5月18日|2025-05-18",
        "2024年12月开工。|2024年12月|2024-12",
        "5月18日是助残日。|5月18日|2025-05-18",
        "五月十八日举行。|五月十八日|2025-05-18",
        "16日晚举行。|16日|2025-05-16",
        "3月开工。|3月|2025-03",
        "日期为2025-05-19。|2025-05-19|2025-05-19",
    })
    void datesTakeThePublicationYear(String sentence, String text, String iso) {
        Candidate c = only(sentence, ISSUE);
        assertEquals(Kind.DATE, c.kind());
        assertEquals(text, c.text());
        assertEquals(iso, c.date());
        assertNull(c.value());
    }

    @Test
    void datesWithoutPublicationDateUseIsoPartialForms() {
        assertEquals("--02-28", only("2月28日开讲。", null).date());
        assertEquals("---16", only("16日晚举行。", null).date());
        assertEquals("2025-05-18", only("2025年5月18日举行。", null).date());
    }

    @ParameterizedTest(name = "no figure in {0}")
    @ValueSource(strings = {"每到一个困难家庭。", "一名干部说。", "千家万户都受益。", "数十名群众围观。",
        "十分重要。", "第一书记到村。", "开展“三区联动”。", "五一假期。", "三三两两的游客。", "", "近年来，发展很快。",
        "签约仪式举行。", "万万没想到。", "十四五规划。", "初三学生。"})
    void ignoresNonFigures(String sentence) {
        List<Candidate> all = extractor.extract(sentence, ISSUE);
        assertTrue(all.isEmpty(), "unexpected " + all);
    }

    @Test
    void aNumeralPeriodBeforeTheFigureIsItsScope() {
        Candidate c = extractor.extract("近两年来，晋江累计培训干部3万余人次。", ISSUE).get(1);
        assertEquals("3万余人次", c.text());
        assertEquals("近两年来", c.scope());
        assertEquals("干部", c.subject());
    }

    @Test
    void namesAreOther() {
        Candidate bus = only("乘坐Z12路公交。", ISSUE);
        assertEquals(Kind.OTHER, bus.kind());
        assertEquals("Z12路", bus.text());
        Candidate circle = only("打造“15分钟生活圈”。", ISSUE);
        assertEquals(Kind.OTHER, circle.kind());
        assertEquals("15分钟生活圈", circle.text());
    }

    @Test
    void joinsOcrLinesInsideNumbersAndWords() {
        List<Candidate> all = extractor.extract("来自陈埭镇的12支小学代表队、700\n多名学生参加比赛。举办 39\n期讲座。", ISSUE);
        assertEquals(List.of("12支", "700多名", "39期"), all.stream().map(Candidate::text).toList());
        assertEquals(Qualifier.PLUS, all.get(1).qualifier());
        assertEquals("来自陈埭镇的12支小学代表队、700多名学生参加比赛。", all.get(1).quote());
    }

    @Test
    void subjectAndScopeAreFilledWhereTheTextSaysSo() {
        List<Candidate> all = extractor.extract(
                "今年以来，晋江开展68场学习活动，覆盖干部近9000人次。自2022年起，晋江先后开设23个专题研修班；"
                        + "三年选派62名干部赴上海取经。", ISSUE);
        Candidate activities = all.get(0);
        assertEquals("学习活动", activities.subject());
        assertEquals("今年以来", activities.scope());
        Candidate cadres = all.get(1);
        assertEquals("近9000人次", cadres.text());
        assertEquals("干部", cadres.subject());
        assertEquals("今年以来", cadres.scope());
        Candidate classes = all.stream().filter(c -> c.text().equals("23个")).findFirst().orElseThrow();
        assertEquals("专题研修班", classes.subject());
        assertEquals("自2022年起", classes.scope());
        Candidate sent = all.stream().filter(c -> c.text().equals("62名")).findFirst().orElseThrow();
        assertEquals("三年", sent.scope());
        assertEquals("干部", sent.subject());
    }

    @Test
    void quoteIsAtMost80CharsAndContainsTheSpan() {
        String longSentence = "晋江紧跟时代脉搏、主动作为，将人工智能纳入干部能力素质提升的核心板块，列入年度干部教育培训计划与"
                + "主体班次必修课，在泉州率先开展全域干部人工智能学习培训，通过分层分类、点面结合的模式，开展集中培训、"
                + "主题沙龙、理论研讨等68场丰富多样的学习活动，覆盖干部近9000人次，助力干部快速适应数字化转型。";
        for (Candidate c : extractor.extract(longSentence, ISSUE)) {
            assertTrue(c.quote().length() <= FigureExtractor.MAX_QUOTE, c.quote());
            assertEquals(c.text(), c.quote().substring(c.spanStartInQuote(), c.spanEndInQuote()));
            assertTrue(!c.quote().contains("\n"));
        }
    }

    @Test
    void resultGivesHighlightOffsetsAndSourceOffsets() {
        String raw = "覆盖干部\n近9000人\n次，助力干部。";
        ExtractionResult r = extractor.analyse(raw, ISSUE);
        Candidate c = r.candidates().get(0);
        assertEquals("近9000人次", c.text());
        assertEquals("覆盖干部<b>近9000人次</b>，助力干部。", ExtractionResult.highlight(c, "<b>", "</b>"));
        assertEquals("近9000人\n次", raw.substring(c.sourceStart(), c.sourceEnd()));
        assertEquals(c.text(), r.normalizedText().substring(c.start(), c.end()));
    }
}
