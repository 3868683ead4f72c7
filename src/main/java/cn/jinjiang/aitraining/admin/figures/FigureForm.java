package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import cn.jinjiang.aitraining.admin.shared.ValueParser;
import cn.jinjiang.aitraining.extract.PeriodRules;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.values.Qualifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the figure form posts, exactly as typed (so it can be shown again), by field name; the
 * fields are those of {@link FigureFields#FORM} plus the kind of change, the version and the
 * values the form was read with ({@link #ORIGINAL}). {@link #validate} checks every field and
 * builds the change. Fields the form does not know are never read.
 */
public record FigureForm(Map<String, String> values) {

    public static final List<String> CATEGORIES = FigureFields.CATEGORIES;
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]{0,79}";
    /** The hidden field carrying the values the form showed when it was read (for the conflict page). */
    public static final String ORIGINAL = "orig";
    /** Units that count whole things: 0.5人 is a typing mistake. */
    static final Set<String> WHOLE_UNITS = Set.of("名", "人", "人次", "位", "场", "场次", "期", "次", "堂", "轮", "届",
            "班", "个班", "个", "项");

    /** How strictly a new figure's key is asked for. */
    public enum Purpose {
        /** The new-figure form: a blank key is derived from the English name. */
        CREATE,
        /** An import row: the key names the row, so it is required. */
        IMPORT,
        /** A report or correction of an existing figure. */
        EDIT
    }

    public FigureForm {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The form as the import and the extract page build it, field by field. */
    public FigureForm(String mode, String key, String category, String labelZh, String labelEn, String value,
                      String unit, String qualifier, String qualifierWord, String period, String periodEn, String asOf,
                      String source, String sourceDate, String sourceHeadline, String quote, String reason, String version) {
        this(map("mode", mode, "key", key, "category", category, "label_zh", labelZh, "label_en", labelEn,
                "value", value, "unit", unit, "qualifier", qualifier, "qualifier_word", qualifierWord, "period", period,
                "period_en", periodEn, "as_of", asOf, "source", source, "source_date", sourceDate,
                "source_headline", sourceHeadline, "quote", quote, "reason", reason, "version", version));
    }

    /** Reads the posted form: every field of {@link FigureFields#FORM}, the kind of change, the version. */
    public static FigureForm read(Function<String, String> param) {
        return new FigureForm(FormInput.read(FigureFields.FORM, param, "mode", "version", ORIGINAL));
    }

    /** The typed value of a field, "" when it was not sent (for showing it again). */
    public String get(String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    /** The same form with one field set. */
    public FigureForm with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new FigureForm(copy);
    }

    public String mode() { return values.get("mode"); }
    public String key() { return values.get("key"); }
    public String category() { return values.get("category"); }
    public String labelZh() { return values.get("label_zh"); }
    public String labelEn() { return values.get("label_en"); }
    public String value() { return values.get("value"); }
    public String unit() { return values.get("unit"); }
    public String qualifier() { return values.get("qualifier"); }
    public String qualifierWord() { return values.get("qualifier_word"); }
    public String period() { return values.get("period"); }
    public String periodEn() { return values.get("period_en"); }
    public String asOf() { return values.get("as_of"); }
    public String source() { return values.get("source"); }
    public String sourceDate() { return values.get("source_date"); }
    public String sourceHeadline() { return values.get("source_headline"); }
    public String sourceAuthor() { return values.get("source_author"); }
    public String quote() { return values.get("quote"); }
    public String reason() { return values.get("reason"); }
    public String publicNote() { return values.get(FigureFields.PUBLIC_NOTE); }
    public String version() { return values.get("version"); }

    /** The form prefilled from the figure's current state: a new report by default. */
    public static FigureForm of(FigureState f) {
        FigureState.ObservationState o = f.latest();
        FigureForm form = new FigureForm("report", f.key(), f.category(), f.labelZh(), f.labelEn(),
                o == null ? "" : QuantityFormat.plain(o.value()),
                o == null ? "" : o.unit(), o == null ? "exact" : o.qualifier(),
                o == null || o.qualifierWord() == null ? "" : o.qualifierWord(),
                o == null ? "" : o.periodZh(), o == null ? "" : o.periodEn(),
                o == null ? "" : o.asOf().toString(), o == null ? "" : o.source(),
                o == null ? "" : o.sourceDate().toString(),
                o == null || o.sourceHeadline() == null ? "" : o.sourceHeadline(),
                o == null ? "" : o.quote(), "", String.valueOf(f.version()))
                .with("source_author", o == null ? "" : nz(o.sourceAuthor()));
        return form.with(ORIGINAL, form.encodeShown());
    }

    /** The form that proposes {@code c}, written as the form shows saved values (for comparing with them). */
    public static FigureForm of(FigureChange c) {
        return new FigureForm(c.mode().code(), c.key(), c.category(), c.labelZh(), c.labelEn(),
                QuantityFormat.plain(c.value()), c.unit(), c.qualifier(), nz(c.qualifierWord()), c.periodZh(),
                c.periodEn(), c.asOf().toString(), c.source(), c.sourceDate().toString(), nz(c.sourceHeadline()),
                c.quote(), nz(c.reason()), String.valueOf(c.version())).with("source_author", nz(c.sourceAuthor()));
    }

    private static String nz(String s) { return s == null ? "" : s; }

    public static FigureForm blank() {
        return new FigureForm("report", "", "ai-learning", "", "", "", "", "exact", "", "", "", "", "", "", "", "", "", "0")
                .with("source_author", "");
    }

    /**
     * The form's field values as it showed them, in one hidden field: the conflict page marks as
     * "your change" only the fields that differ from these.
     */
    String encodeShown() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (FormField f : FigureFields.FORM) {
            if (!f.name().equals("reason") && !f.name().equals(FigureFields.PUBLIC_NOTE)) shown.put(f.name(), get(f.name()));
        }
        return FormInput.encode(shown);
    }

    /** The values the form was read with, from its hidden field; empty when it carried none. */
    public Map<String, String> shownValues() {
        return FormInput.decode(values.get(ORIGINAL));
    }

    /** Compatibility with the import: a new figure there needs its key. */
    public Optional<FigureChange> validate(boolean isNew, LocalDate today, FieldErrors errors) {
        return validate(isNew ? Purpose.IMPORT : Purpose.EDIT, today, errors);
    }

    /**
     * Checks every field. A new figure also needs a category (and, from an import, a key); an
     * existing one a kind of change and the version it was read at. A blank key on the new-figure
     * form stays null here: the service derives one.
     */
    public Optional<FigureChange> validate(Purpose purpose, LocalDate today, FieldErrors errors) {
        boolean isNew = purpose != Purpose.EDIT;
        FigureChange.Mode m = isNew ? FigureChange.Mode.REPORT : FigureChange.Mode.parse(mode());
        if (m == null) errors.add("mode", "validation.mode");
        Map<String, Object> checked = FormInput.check(FigureFields.FORM, isNew, values, today, errors);
        String k = (String) checked.get("key");
        if (isNew) {
            if (k == null && purpose == Purpose.IMPORT) errors.add("key", "validation.required");
            if (k != null && (!k.matches(KEY_PATTERN) || k.equals("new"))) errors.add("key", "validation.key");
        }
        BigDecimal val = null;
        if (!errors.all().containsKey("value")) {
            ValueParser.Result parsed = ValueParser.parse(value());
            if (!parsed.ok()) errors.add("value", parsed.error());
            val = parsed.value();
        }
        String u = (String) checked.get("unit");
        if (val != null && u != null && WHOLE_UNITS.contains(u) && val.stripTrailingZeros().scale() > 0) {
            errors.add("value", "validation.value.whole", u);
        }
        Optional<Qualifier> q = Qualifier.parse(qualifier());
        String word = (String) checked.get("qualifier_word");
        if (word != null && q.isPresent() && !q.get().accepts(word)) errors.add("qualifier_word", "validation.qualifier_word");
        String p = (String) checked.get("period");
        String pe = (String) checked.get("period_en");
        LocalDate at = (LocalDate) checked.get("as_of");
        if (pe == null && p != null) {
            // The English period is derived when the rule table knows the Chinese one; the
            // Chinese text is never copied into the English field from a form.
            PeriodRules.Period known = PeriodRules.normalise(p, at == null ? today : at);
            if (known.recognised() && known.en() != null) pe = known.en();
            else if (purpose != Purpose.IMPORT) errors.add("period_en", "validation.period_en");
        }
        Integer v = isNew ? Integer.valueOf(0) : errors.version("version", version());
        if (!errors.isEmpty()) return Optional.empty();
        return Optional.of(new FigureChange(m, k, (String) checked.get("category"), (String) checked.get("label_zh"),
                (String) checked.get("label_en"), null, null, val, u, q.get().code(), word, p, pe == null ? p : pe, at,
                (String) checked.get("source"), null, (LocalDate) checked.get("source_date"),
                (String) checked.get("source_headline"), (String) checked.get("source_author"),
                (String) checked.get("quote"), (String) checked.get("reason"), v,
                (String) checked.get(FigureFields.PUBLIC_NOTE)));
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }
}
