package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import cn.jinjiang.aitraining.values.UnusualChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated change to a figure, from the form or from one row of an import. {@code unitEn} and
 * {@code headline} may be null: keep what the figure has. {@code key} may be null for a new figure
 * from the form: the service derives one. {@code sourceAuthor} may be null (not stated). {@code reason}
 * is for staff only; {@code publicNote} (null: none) is published with the change at /changes.
 */
public record FigureChange(
        Mode mode, String key, String category, String labelZh, String labelEn, String unitEn, Boolean headline,
        BigDecimal value, String unit, String qualifier, String qualifierWord, String periodZh, String periodEn,
        LocalDate asOf, String source, String sourceEn, LocalDate sourceDate, String sourceHeadline,
        String sourceAuthor, String quote, String reason, int version, String publicNote) {

    /** A change without a note for readers. */
    public FigureChange(
            Mode mode, String key, String category, String labelZh, String labelEn, String unitEn, Boolean headline,
            BigDecimal value, String unit, String qualifier, String qualifierWord, String periodZh, String periodEn,
            LocalDate asOf, String source, String sourceEn, LocalDate sourceDate, String sourceHeadline,
            String sourceAuthor, String quote, String reason, int version) {
        this(mode, key, category, labelZh, labelEn, unitEn, headline, value, unit, qualifier, qualifierWord, periodZh,
                periodEn, asOf, source, sourceEn, sourceDate, sourceHeadline, sourceAuthor, quote, reason, version, null);
    }

    /** A change whose source names no author (the import's rows). */
    public FigureChange(
            Mode mode, String key, String category, String labelZh, String labelEn, String unitEn, Boolean headline,
            BigDecimal value, String unit, String qualifier, String qualifierWord, String periodZh, String periodEn,
            LocalDate asOf, String source, String sourceEn, LocalDate sourceDate, String sourceHeadline, String quote,
            String reason, int version) {
        this(mode, key, category, labelZh, labelEn, unitEn, headline, value, unit, qualifier, qualifierWord, periodZh,
                periodEn, asOf, source, sourceEn, sourceDate, sourceHeadline, null, quote, reason, version);
    }

    /** The value as proposed. */
    public Quantity quantity() {
        return new Quantity(value, unit, Qualifier.fromCode(qualifier), qualifierWord);
    }

    /**
     * What is unusual about writing this value over {@code current} (null: a new figure), by the
     * one rule for it; a correction is not checked for going backwards.
     */
    public List<UnusualChange.Warning> unusualOver(FigureState current) {
        FigureState.ObservationState now = current == null ? null : current.latest();
        return UnusualChange.check(now == null ? null : now.quantity(), now == null ? null : now.periodZh(), quantity(),
                periodZh, mode == Mode.REPORT);
    }

    /** The same change for a figure with this key. */
    public FigureChange withKey(String newKey) {
        return new FigureChange(mode, newKey, category, labelZh, labelEn, unitEn, headline, value, unit, qualifier,
                qualifierWord, periodZh, periodEn, asOf, source, sourceEn, sourceDate, sourceHeadline, sourceAuthor, quote,
                reason, version, publicNote);
    }

    /** The same change with this note for readers (null: none). */
    public FigureChange withPublicNote(String note) {
        return new FigureChange(mode, key, category, labelZh, labelEn, unitEn, headline, value, unit, qualifier,
                qualifierWord, periodZh, periodEn, asOf, source, sourceEn, sourceDate, sourceHeadline, sourceAuthor, quote,
                reason, version, note);
    }

    /** A report adds an observation (the history grows); a correction fixes the latest one. */
    public enum Mode {
        REPORT("report"), CORRECTION("correction");

        private final String code;

        Mode(String code) { this.code = code; }

        public String code() { return code; }

        public static Mode parse(String code) {
            for (Mode m : values()) if (m.code.equals(code)) return m;
            return null;
        }
    }
}
