package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One report of a figure's value: what a source said, as of a date, in its own words. */
public record Observation(
        long id,
        long figureId,
        BigDecimal value,
        String unit,
        String qualifier,
        String qualifierWord,
        String periodZh,
        String periodEn,
        LocalDate asOf,
        long sourceId,
        String quote,
        Instant recordedAt) {

    public Quantity quantity() {
        return new Quantity(value, unit, Qualifier.fromCode(qualifier), qualifierWord);
    }

    public String period(Lang lang) { return lang.isZh() ? periodZh : periodEn; }

    public String asOfText(Lang lang) { return DateFormat.format(lang, asOf); }
}
