package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.values.Qualifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the figures table shows, as its URL says: filters (category, qualifier, period, free text,
 * one figure's key) and the sort. The same query drives the page, {@code /figures.csv},
 * {@code /api/figures} and the observations downloads, so a download holds exactly the rows shown.
 *
 * <p>Values of a closed list (category, qualifier, sort) that are not on it are refused with
 * {@link BadFilter} (HTTP 400); an empty parameter means "no filter", as an untouched select in the
 * form sends it. Period, text and key are matched as given (a period nobody reported matches nothing).
 */
public record FigureQuery(String category, String qualifier, String period, String text, String key,
                          Column sort, boolean descending) {

    /** The public categories, in the order the filter offers them. */
    public static final List<String> CATEGORIES = List.of("ai-learning", "ai-application", "cadre-training", "related-course");
    /** Longer search texts are refused: nobody types them, and they would only cost time. */
    public static final int MAX_TEXT = 100;

    public static final FigureQuery ALL = new FigureQuery(null, null, null, null, null, Column.ORDER, false);

    /** The sortable columns: the name in the URL; the SQL expression is chosen by {@link FigureDao} from this list only. */
    public enum Column {
        ORDER("order"), LABEL("label"), VALUE("value"), PERIOD("period"), AS_OF("as_of"), CATEGORY("category");

        private final String param;

        Column(String param) { this.param = param; }

        public String param() { return param; }

        static Column parse(String raw) {
            return Arrays.stream(values()).filter(c -> c.param.equals(raw)).findFirst()
                    .orElseThrow(() -> new BadFilter("bad_sort"));
        }
    }

    /** Reads the query from request parameters; throws {@link BadFilter} for values off a closed list. */
    public static FigureQuery parse(Function<String, String> param) {
        String category = blankToNull(param.apply("category"));
        if (category != null && !CATEGORIES.contains(category)) throw new BadFilter("bad_category");
        String qualifier = blankToNull(param.apply("qualifier"));
        if (qualifier != null && Arrays.stream(Qualifier.values()).noneMatch(q -> q.code().equals(qualifier))) {
            throw new BadFilter("bad_qualifier");
        }
        String text = blankToNull(param.apply("q"));
        if (text != null && text.length() > MAX_TEXT) throw new BadFilter("bad_search");
        String sort = blankToNull(param.apply("sort"));
        boolean descending = sort != null && sort.startsWith("-");
        Column column = sort == null ? Column.ORDER : Column.parse(descending ? sort.substring(1) : sort);
        return new FigureQuery(category, qualifier, blankToNull(param.apply("period")), text,
                blankToNull(param.apply("key")), column, descending);
    }

    /** The choices of the filter form's selects. */
    public List<String> categoryOptions() { return CATEGORIES; }

    public List<String> qualifierOptions() { return Arrays.stream(Qualifier.values()).map(Qualifier::code).toList(); }

    /** True when the view differs from the plain table: such views are rendered per request, never cached. */
    public boolean isFiltered() {
        return category != null || qualifier != null || period != null || text != null || key != null
                || sort != Column.ORDER || descending;
    }

    /** The search text as the database compares it (SQLite's lower() folds ASCII only, as does this for CJK). */
    public String textLower() { return text == null ? null : text.toLowerCase(Locale.ROOT); }

    /** {@code sort=-as_of} as written in the URL, or null for the curated order. */
    public String sortParam() {
        if (sort == Column.ORDER && !descending) return null;
        return (descending ? "-" : "") + sort.param();
    }

    /** This query with another sort. */
    public FigureQuery sortedBy(Column column, boolean desc) {
        return new FigureQuery(category, qualifier, period, text, key, column, desc);
    }

    /**
     * The link of a column header: ascending first, descending when the table is already sorted
     * ascending by that column.
     */
    public String sortLink(String columnParam) {
        Column column = Column.parse(columnParam);
        boolean desc = sort == column && !descending;
        return sortedBy(column, desc).queryString();
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the header's aria-sort. */
    public String ariaSort(String columnParam) {
        if (sort != Column.parse(columnParam)) return "none";
        return descending ? "descending" : "ascending";
    }

    /** The query as URL parameters ({@code category=ai-learning&sort=-as_of}), empty for the plain table. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        add(parts, "category", category);
        add(parts, "qualifier", qualifier);
        add(parts, "period", period);
        add(parts, "q", text);
        add(parts, "key", key);
        add(parts, "sort", sortParam());
        return String.join("&", parts);
    }

    /** {@code base} with this query appended: {@code /figures.csv?category=…}. */
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
