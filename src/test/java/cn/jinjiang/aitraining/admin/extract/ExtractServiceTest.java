package cn.jinjiang.aitraining.admin.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.admin.figures.FigureForm;
import cn.jinjiang.aitraining.admin.figures.FigurePrefill;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.extract.Candidate;
import cn.jinjiang.aitraining.extract.FigureExtractor;
import cn.jinjiang.aitraining.extract.Kind;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extract page's rules without the server: prefills, qualifier words, suggestions, messages. */
class ExtractServiceTest {
    private static final ExtractForm.Valid FORM = new ExtractForm.Valid("", LocalDate.of(2025, 5, 31), "晋江经济报");

    private static Candidate first(String text, Kind kind) {
        return new FigureExtractor().analyse(text, LocalDate.of(2025, 5, 31)).candidates().stream()
                .filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private static FigureState figure(String key, String labelZh, String unit, String quote) {
        var o = new FigureState.ObservationState(1, BigDecimal.TEN, unit, "exact", null, "累计", "cumulative",
                LocalDate.of(2025, 5, 19), 1, "晋江经济报", null, LocalDate.of(2025, 5, 19), null, quote);
        return new FigureState(key, labelZh, key, "ai-learning", null, false, 10, false, 1, List.of(o));
    }

    @Test
    void aPrefillSurvivesItsOwnAddress() {
        FigurePrefill p = new FigurePrefill("9000", "人次", "nearly", "近", "今年以来", "2025-05-31", "晋江经济报",
                "2025-05-31", "覆盖干部近9000人次&a=b", "干部");
        assertEquals(p, FigurePrefill.parse(p.query()).orElseThrow());
        assertTrue(FigurePrefill.parse("value=9000").isEmpty(), "no prefill=1, no prefill");
        FigurePrefill sparse = FigurePrefill.parse("prefill=1&value=%20&unit=%E4%BA%BA%E6%AC%A1&bad=%zz").orElseThrow();
        assertEquals(null, sparse.value(), "blank values are left out");
        assertEquals("人次", sparse.unit());
    }

    @Test
    void applyingAPrefillMakesAReportAndLeavesTheReasonAndTheNamesToTheAdmin() {
        FigureForm current = new FigureForm("correction", "k", "ai-learning", "AI学习培训覆盖干部", "Officials", "8000",
                "人次", "exact", "", "2025年以来", "2025 year to date", "2025-05-19", "晋江经济报", "2025-05-19",
                "Old headline", "old quote", "old reason", "3");
        FigurePrefill p = new FigurePrefill("9000", "人次", "nearly", "近", "今年以来", "2025-05-31", "晋江经济报",
                "2025-05-31", "覆盖干部近9000人次", "干部");
        FigureForm f = p.applyTo(current);
        assertEquals("report", f.mode());
        assertEquals("AI学习培训覆盖干部", f.labelZh());
        assertEquals("Officials", f.labelEn());
        assertEquals("9000", f.value());
        assertEquals("nearly", f.qualifier());
        assertEquals("近", f.qualifierWord());
        assertEquals("今年以来", f.period());
        assertEquals("", f.periodEn(), "the old English period no longer fits");
        assertEquals("", f.sourceHeadline(), "the old headline belongs to another article");
        assertEquals("覆盖干部近9000人次", f.quote());
        assertEquals("", f.reason());
        assertEquals("3", f.version());

        FigureForm keepsPeriod = new FigurePrefill("9000", null, null, null, null, null, null, null, null, null).applyTo(current);
        assertEquals("2025年以来", keepsPeriod.period());
        assertEquals("2025 year to date", keepsPeriod.periodEn());
        assertEquals("干部", p.applyTo(FigureForm.blank()).labelZh(), "a new figure gets the subject as its name");
    }

    @Test
    void theQualifierWordIsTheOneInTheSpan() {
        assertEquals("近", ExtractService.qualifierWord(first("覆盖干部近9000人次", Kind.COUNT)));
        assertEquals("超", ExtractService.qualifierWord(first("培训干部超2万人次", Kind.COUNT)));
        assertEquals("超过", ExtractService.qualifierWord(first("培训干部超过2万人次", Kind.COUNT)));
        assertEquals("多", ExtractService.qualifierWord(first("共计40多名党务干部参加", Kind.COUNT)));
        assertEquals("", ExtractService.qualifierWord(first("举办39期", Kind.COUNT)));
    }

    @Test
    void suggestsTheFigureWithTheSameUnitWhoseNameOrQuoteFits() {
        List<FigureState> figures = List.of(
                figure("debates", "辩论赛班次", "个", "两个主体班次"),
                figure("projects", "人工智能应用场景项目", "个", "累计征集48个场景项目"),
                figure("investment", "场景项目总投资", "元", "总投资达2.77亿元"));
        assertEquals("projects", ExtractService.suggest(first("累计征集50个场景项目", Kind.COUNT), figures));
        assertEquals("investment", ExtractService.suggest(first("总投资达3亿元", Kind.MONEY), figures));
        assertEquals("", ExtractService.suggest(first("选派62名干部", Kind.COUNT), figures), "no figure counts 名");
        assertEquals("", ExtractService.suggest(first("建成12个驿站", Kind.COUNT), figures), "same unit is not enough");
    }

    @Test
    void aRowCutsTheQuoteAroundTheSpanAndItsPickCarriesThePrefill() {
        Candidate c = first("深入摸排应用场景，累计征集 48\n个场景项目，总投资达2.77亿元。", Kind.MONEY);
        ExtractService.Row row = ExtractService.row(4, c, FORM, "investment");
        assertEquals(c.quote(), row.before() + row.mark() + row.after());
        assertEquals("2.77亿元", row.mark());
        assertEquals("277000000", row.value());
        ExtractService.Pick pick = ExtractService.Pick.parse(row.pick()).orElseThrow();
        assertEquals(4, pick.index());
        assertEquals("money", pick.kind());
        assertEquals("277000000", pick.prefill().value());
        assertEquals("元", pick.prefill().unit());
        assertEquals("2025-05-31", pick.prefill().asOf());
        assertEquals("晋江经济报", pick.prefill().source());
    }

    @ParameterizedTest
    @ValueSource(strings = {"templates/admin/extract.html", "templates/admin/extract-table.html",
            "templates/admin/extract-review.html"})
    void everyMessageTheExtractPagesUseExistsInBothLanguages(String template) throws IOException {
        String html;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(template)) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("#\\{([a-z_.]+)[}(]").matcher(html);
        int found = 0;
        while (m.find()) {
            found++;
            for (Lang lang : Lang.values()) {
                assertTrue(Messages.bundle(lang).containsKey(m.group(1)), lang + " lacks " + m.group(1));
            }
        }
        assertTrue(found > 0);
        for (Kind k : Kind.values()) {
            for (Lang lang : Lang.values()) assertTrue(Messages.bundle(lang).containsKey("extract.kind." + k.label()));
        }
        for (String key : List.of("extract.validation.too_long", "error.extract_too_large", "error.extract_too_large.title",
                "admin.nav.extract", "extract.prefill_notice")) {
            for (Lang lang : Lang.values()) assertTrue(Messages.bundle(lang).containsKey(key), lang + " lacks " + key);
        }
        assertEquals("文本有200,001个字，超过了上限200,000个字。请分成几段，逐段提取。",
                Messages.get(Lang.ZH, "extract.validation.too_long", 200_000, 200_001));
    }
}
