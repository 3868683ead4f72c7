package cn.jinjiang.aitraining.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people and spreadsheets write them, rewritten to the ISO form the figure form checks.
 * Excel on Chinese Windows shows (and saves in a CSV) {@code 2025/9/30}; reports write
 * {@code 2025年9月30日}; some write {@code 2025.9.30}. The calendar check itself stays with the form
 * ({@code 2025/2/30} becomes {@code 2025-02-30} and is refused there as a date that does not exist).
 */
final class ImportDates {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?)");

    private ImportDates() {}

    /** {@code raw} as YYYY-MM-DD when it is one of the accepted forms; otherwise unchanged. */
    static String normalise(String raw) {
        if (raw == null) return null;
        String s = fullWidthDigits(raw.strip());
        Matcher m = DATE.matcher(s);
        if (!m.matches()) return raw;
        String month = m.group(3) != null ? m.group(3) : m.group(5);
        String day = m.group(4) != null ? m.group(4) : m.group(6);
        return m.group(1) + "-" + twoDigits(month) + "-" + twoDigits(day);
    }

    private static String twoDigits(String s) { return s.length() == 1 ? "0" + s : s; }

    private static String fullWidthDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        return b.toString();
    }
}
