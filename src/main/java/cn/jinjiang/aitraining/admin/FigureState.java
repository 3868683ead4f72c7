package cn.jinjiang.aitraining.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole state of a figure, as stored in the audit log before and after each change: its own
 * fields and every observation. Restoring a state is how a change is reverted.
 */
public record FigureState(
        String key, String labelZh, String labelEn, String category, String unitEn, boolean headline,
        int sortOrder, boolean archived, int version, List<ObservationState> observations) {

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
            String sourceHeadline, String quote) {

        /** Same reported content, whatever the row id. */
        public boolean sameContent(ObservationState o) {
            return value.compareTo(o.value) == 0 && unit.equals(o.unit) && qualifier.equals(o.qualifier)
                    && java.util.Objects.equals(qualifierWord, o.qualifierWord) && periodZh.equals(o.periodZh)
                    && periodEn.equals(o.periodEn) && asOf.equals(o.asOf) && sourceId == o.sourceId
                    && quote.equals(o.quote);
        }
    }
}
