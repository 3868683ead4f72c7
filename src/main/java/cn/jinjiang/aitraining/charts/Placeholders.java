package cn.jinjiang.aitraining.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholders in chart titles, so a title states the finding and never goes stale:
 * {@code {ai-training-attendance}} becomes that figure's current display in the page's language
 * (近9,000人次 / nearly 9,000 attendances); a timeline's title may use {@code {count}}, {@code {first}}
 * and {@code {last}} (how many dated events it shows, the first and the last date).
 */
public final class Placeholders {
    public static final String COUNT = "count";
    public static final String FIRST = "first";
    public static final String LAST = "last";
    public static final List<String> TIMELINE = List.of(COUNT, FIRST, LAST);

    /** A placeholder: braces around a key of lower-case letters, digits and hyphens. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+(?:-[a-z0-9]+)*)}");

    private Placeholders() {}

    /** The names of the placeholders in a title, in order (repeats kept). */
    public static List<String> names(String template) {
        List<String> out = new ArrayList<>();
        if (template == null) return out;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * The first brace that does not belong to a well-formed placeholder ("{Count}", "{ai learning}",
     * a lone "{" or "}"), as the text around it; empty when every brace is part of one.
     */
    public static Optional<String> malformed(String template) {
        if (template == null) return Optional.empty();
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        int brace = indexOfBrace(rest);
        if (brace < 0) return Optional.empty();
        int end = rest.indexOf('}', brace + 1);
        return Optional.of(end > brace && rest.charAt(brace) == '{' ? rest.substring(brace, end + 1) : String.valueOf(rest.charAt(brace)));
    }

    private static int indexOfBrace(String s) {
        int open = s.indexOf('{');
        int close = s.indexOf('}');
        if (open < 0) return close;
        if (close < 0) return open;
        return Math.min(open, close);
    }

    /**
     * The title with each placeholder replaced by what {@code value} gives for its name; a name it
     * has no value for (a figure archived since the chart was saved) becomes an em dash, never the
     * raw placeholder.
     */
    public static String fill(String template, Function<String, String> value) {
        if (template == null) return "";
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "—" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
