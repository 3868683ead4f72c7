package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.ValueParser;
import cn.jinjiang.aitraining.figures.Figure;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * The whole state of a figure, as stored in the audit log before and after each change: its own
 * fields and every observation. Restoring a state is how a change is reverted. The public pages
 * read the same rows as {@code figures.Figure} with its latest {@code Observation}; this is the
 * editable whole, with every observation and its source inline.
 */
public record FigureState(
        String key, String labelZh, String labelEn, String category, String unitEn, boolean headline,
        int sortOrder, boolean archived, int version, List<ObservationState> observations) {

    /** The figure row (as the public pages read it) with every observation. */
    public static FigureState of(Figure f, List<ObservationState> observations) {
        return new FigureState(f.key(), f.labelZh(), f.labelEn(), f.category(), f.unitEn(), f.headline(), f.sortOrder(),
                f.archived(), f.version(), observations);
    }

    public FigureState withArchived(boolean archived) {
        return new FigureState(key, labelZh, labelEn, category, unitEn, headline, sortOrder, archived, version,
                observations);
    }

    /** The latest value as the dashboard shows it (近9000名 / nearly 9,000 ...); "" without one. */
    public String display(Lang lang) {
        ObservationState o = latest();
        if (o == null) return "";
        return QuantityFormat.display(lang, o.quantity(), unitEn);
    }

    /** The observation the dashboard shows: newest as-of date, then newest row. */
    public ObservationState latest() {
        ObservationState best = null;
        for (ObservationState o : observations) {
            if (best == null || o.asOf().isAfter(best.asOf())
                    || (o.asOf().equals(best.asOf()) && o.id() > best.id())) best = o;
        }
        return best;
    }

    public record ObservationState(
            long id, BigDecimal value, String unit, String qualifier, String qualifierWord, String periodZh,
            String periodEn, LocalDate asOf, long sourceId, String source, String sourceEn, LocalDate sourceDate,
            String sourceHeadline, String sourceAuthor, String quote) {

        @JdbiConstructor
        public ObservationState {
            // Stored and compared as written: 9000, never 9.0E+3 or 9000.00.
            value = value == null ? null : ValueParser.plain(value);
        }

        /** An observation whose source names no author. */
        public ObservationState(
                long id, BigDecimal value, String unit, String qualifier, String qualifierWord, String periodZh,
                String periodEn, LocalDate asOf, long sourceId, String source, String sourceEn, LocalDate sourceDate,
                String sourceHeadline, String quote) {
            this(id, value, unit, qualifier, qualifierWord, periodZh, periodEn, asOf, sourceId, source, sourceEn,
                    sourceDate, sourceHeadline, null, quote);
        }

        public Quantity quantity() {
            return new Quantity(value, unit, Qualifier.fromCode(qualifier), qualifierWord);
        }

        /** Same reported content, whatever the row id. */
        public boolean sameContent(ObservationState o) {
            return value.compareTo(o.value) == 0 && unit.equals(o.unit) && qualifier.equals(o.qualifier)
                    && java.util.Objects.equals(qualifierWord, o.qualifierWord) && periodZh.equals(o.periodZh)
                    && periodEn.equals(o.periodEn) && asOf.equals(o.asOf) && sourceId == o.sourceId
                    && quote.equals(o.quote);
        }
    }
}
