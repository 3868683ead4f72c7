package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.figures.BadFilter;
import cn.jinjiang.aitraining.figures.FigureQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the events table shows: a kind, dated or undated only, and a search text ({@code eq}, so it can
 * share the dashboard's URL with the figures table's {@code q}). Unknown kinds or dated values are
 * refused with {@link BadFilter}, as the figures table refuses its own.
 */
public record EventQuery(String kind, Boolean dated, String text) {
    public static final List<String> KINDS =
            List.of("lecture", "class", "debate", "study-trip", "signing", "report", "deployment", "course");
    public static final EventQuery ALL = new EventQuery(null, null, null);

    public static EventQuery parse(Function<String, String> param) {
        String kind = blankToNull(param.apply("kind"));
        if (kind != null && !KINDS.contains(kind)) throw new BadFilter("bad_kind");
        String datedRaw = blankToNull(param.apply("dated"));
        Boolean dated = null;
        if (datedRaw != null) {
            if (!datedRaw.equals("yes") && !datedRaw.equals("no")) throw new BadFilter("bad_dated");
            dated = datedRaw.equals("yes");
        }
        String text = blankToNull(param.apply("eq"));
        if (text != null && text.length() > FigureQuery.MAX_TEXT) throw new BadFilter("bad_search");
        return new EventQuery(kind, dated, text);
    }

    /** The choices of the filter form's kind select. */
    public List<String> kindOptions() { return KINDS; }

    public boolean isFiltered() { return kind != null || dated != null || text != null; }

    /** {@code yes}, {@code no} or null, as in the URL. */
    public String datedParam() { return dated == null ? null : dated ? "yes" : "no"; }

    public String textLower() { return text == null ? null : text.toLowerCase(Locale.ROOT); }

    public String queryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "kind", kind);
        add(parts, "dated", datedParam());
        add(parts, "eq", text);
        return String.join("&", parts);
    }

    public String link(String base) {
        String qs = queryString();
        return qs.isEmpty() ? base : base + (base.contains("?") ? "&" : "?") + qs;
    }

    /** The query as hidden fields, so the other table's form on the same page keeps it. */
    public List<java.util.Map.Entry<String, String>> hiddenFields() {
        return java.util.Arrays.stream(queryString().split("&")).filter(p -> !p.isEmpty())
                .map(p -> p.split("=", 2))
                .map(kv -> java.util.Map.entry(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8)))
                .toList();
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String blankToNull(String raw) {
        if (raw == null) return null;
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
