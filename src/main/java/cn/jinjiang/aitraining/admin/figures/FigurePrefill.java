package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.shared.FormInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Values the extract page suggests for a figure form, carried in the form's address
 * ({@code /admin/figures/{key}?prefill=1&value=...}). They only fill in the form: nothing is saved
 * until the admin submits it with a reason, through the same validation and audit as any edit.
 * A blank or missing value leaves the form's own value alone.
 */
public record FigurePrefill(String value, String unit, String qualifier, String qualifierWord, String period,
                            String asOf, String source, String sourceDate, String quote, String labelZh) {

    /** The query parameter that marks an address as a prefill. */
    public static final String MARKER = "prefill";
    /** The names, as the figure form posts them. */
    public static final List<String> PARAMS = List.of("value", "unit", "qualifier", "qualifier_word", "period",
            "as_of", "source", "source_date", "quote", "label_zh");
    /** Longer values are cut: the form's own validation reports what is still too long. */
    private static final int MAX_PARAM = 500;

    /** The prefill of a request, when its address carries {@code prefill=1}. */
    public static Optional<FigurePrefill> from(Function<String, String> param) {
        if (!"1".equals(param.apply(MARKER))) return Optional.empty();
        String[] v = PARAMS.stream().map(n -> clean(param.apply(n))).toArray(String[]::new);
        return Optional.of(new FigurePrefill(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]));
    }

    /** Reads a query string written by {@link #query()}. */
    public static Optional<FigurePrefill> parse(String query) {
        Map<String, String> params = decode(query);
        return from(params::get);
    }

    /** {@code prefill=1&value=...}, URL-encoded, blank values left out. */
    public String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(MARKER, "1");
        String[] values = {value, unit, qualifier, qualifierWord, period, asOf, source, sourceDate, quote, labelZh};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) params.put(PARAMS.get(i), values[i]);
        }
        return encode(params);
    }

    /**
     * The form with these values filled in, as a new report. The figure's own names stay (a label
     * is only suggested for a form that has none); a new period drops the old English period, a
     * new source the old headline and author, and the reason is always left for the admin to write.
     */
    public FigureForm applyTo(FigureForm f) {
        boolean newPeriod = present(period);
        boolean newSource = present(source) || present(sourceDate);
        boolean newQualifier = present(qualifier);
        return f.with("mode", "report")
                .with("label_zh", present(f.labelZh()) ? f.labelZh() : or(labelZh, f.labelZh()))
                .with("value", or(value, f.value())).with("unit", or(unit, f.unit()))
                .with("qualifier", or(qualifier, f.qualifier()))
                .with("qualifier_word", newQualifier ? (qualifierWord == null ? "" : qualifierWord) : f.qualifierWord())
                .with("period", or(period, f.period())).with("period_en", newPeriod ? "" : f.periodEn())
                .with("as_of", or(asOf, f.asOf())).with("source", or(source, f.source()))
                .with("source_date", or(sourceDate, f.sourceDate()))
                .with("source_headline", newSource ? "" : f.sourceHeadline())
                .with("source_author", newSource ? "" : f.sourceAuthor())
                .with("quote", or(quote, f.quote())).with("reason", "");
    }

    public static String encode(Map<String, String> params) {
        return FormInput.encode(params);
    }

    public static Map<String, String> decode(String query) {
        return FormInput.decode(query);
    }

    private static String clean(String raw) {
        if (raw == null) return null;
        String v = raw.strip();
        if (v.isEmpty()) return null;
        return v.codePointCount(0, v.length()) > MAX_PARAM ? v.substring(0, v.offsetByCodePoints(0, MAX_PARAM)) : v;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String or(String preferred, String fallback) {
        return present(preferred) ? preferred : fallback;
    }
}
