package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.ValueParser;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.values.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the figure form posts, exactly as typed (so it can be shown again); {@link #validate}
 * checks every field and builds the change. Fields the form does not know are never read.
 */
public record FigureForm(
        String mode, String key, String category, String labelZh, String labelEn, String value, String unit,
        String qualifier, String qualifierWord, String period, String periodEn, String asOf, String source,
        String sourceDate, String sourceHeadline, String quote, String reason, String version) {

    public static final List<String> CATEGORIES = List.of("ai-learning", "ai-application", "cadre-training", "related-course");
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,79}";

    /** The form prefilled from the figure's current state: a new report by default. */
    public static FigureForm of(FigureState f) {
        FigureState.ObservationState o = f.latest();
        return new FigureForm("report", f.key(), f.category(), f.labelZh(), f.labelEn(),
                o == null ? "" : QuantityFormat.plain(o.value()),
                o == null ? "" : o.unit(), o == null ? "exact" : o.qualifier(),
                o == null || o.qualifierWord() == null ? "" : o.qualifierWord(),
                o == null ? "" : o.periodZh(), o == null ? "" : o.periodEn(),
                o == null ? "" : o.asOf().toString(), o == null ? "" : o.source(),
                o == null ? "" : o.sourceDate().toString(),
                o == null || o.sourceHeadline() == null ? "" : o.sourceHeadline(),
                o == null ? "" : o.quote(), "", String.valueOf(f.version()));
    }

    /** The form that proposes {@code c}, written as the form shows saved values (for comparing with them). */
    public static FigureForm of(FigureChange c) {
        return new FigureForm(c.mode().code(), c.key(), c.category(), c.labelZh(), c.labelEn(),
                QuantityFormat.plain(c.value()), c.unit(), c.qualifier(), nz(c.qualifierWord()), c.periodZh(),
                c.periodEn(), c.asOf().toString(), c.source(), c.sourceDate().toString(), nz(c.sourceHeadline()),
                c.quote(), nz(c.reason()), String.valueOf(c.version()));
    }

    private static String nz(String s) { return s == null ? "" : s; }

    public static FigureForm blank() {
        return new FigureForm("report", "", "ai-learning", "", "", "", "", "exact", "", "", "", "", "", "", "", "", "", "0");
    }

    /**
     * Checks every field. A new figure also needs a free-form key and a category; an existing one
     * a mode and the version it was read at.
     */
    public Optional<FigureChange> validate(boolean isNew, LocalDate today, FieldErrors errors) {
        FigureChange.Mode m = isNew ? FigureChange.Mode.REPORT : FigureChange.Mode.parse(mode);
        if (m == null) errors.add("mode", "validation.mode");
        String k = null;
        String cat = null;
        if (isNew) {
            k = errors.text("key", key, true, 80);
            if (k != null && (!k.matches(KEY_PATTERN) || k.equals("new"))) errors.add("key", "validation.key");
            cat = category == null ? null : category.strip();
            if (!CATEGORIES.contains(cat)) errors.add("category", "validation.choice");
        }
        String lz = errors.text("label_zh", labelZh, true, 100);
        String le = errors.text("label_en", labelEn, true, 150);
        ValueParser.Result parsed = ValueParser.parse(value);
        if (!parsed.ok()) errors.add("value", parsed.error());
        String u = errors.text("unit", unit, true, 20);
        Optional<Qualifier> q = Qualifier.parse(qualifier);
        if (q.isEmpty()) errors.add("qualifier", "validation.choice");
        String word = errors.text("qualifier_word", qualifierWord, false, 10);
        if (word != null && q.isPresent() && !q.get().accepts(word)) errors.add("qualifier_word", "validation.qualifier_word");
        String p = errors.text("period", period, true, 60);
        String pe = errors.text("period_en", periodEn, false, 80);
        LocalDate at = errors.date("as_of", asOf, true, today);
        String src = errors.text("source", source, true, 100);
        LocalDate sd = errors.date("source_date", sourceDate, true, today);
        String sh = errors.text("source_headline", sourceHeadline, false, 200);
        String qt = errors.text("quote", quote, true, 80);
        String r = errors.text("reason", reason, true, 500);
        Integer v = isNew ? Integer.valueOf(0) : errors.version("version", version);
        if (!errors.isEmpty()) return Optional.empty();
        BigDecimal val = parsed.value();
        return Optional.of(new FigureChange(m, k, cat, lz, le, null, null, val, u, q.get().code(), word, p,
                pe == null ? p : pe, at, src, null, sd, sh, qt, r, v));
    }
}
