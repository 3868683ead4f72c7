package cn.jinjiang.aitraining.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a bar's label into short lines without ever breaking inside a word, a number or a quoted
 * name: lines break at spaces, after Chinese punctuation (，、；：。), before an opening bracket or
 * quotation mark and after a closing one, and where Chinese meets a Latin word (开展|AI). A label
 * that still does not fit is shortened with an ellipsis at such a place (the full label stays in
 * the tooltip and the table). Widths count a Chinese character as two columns, like the eye does.
 */
public final class ChartLabels {
    /** Columns on a line: about 12 Chinese characters or 24 Latin letters. */
    public static final int LINE_WIDTH = 24;
    public static final int MAX_LINES = 2;
    /** On a phone the axis has room for about 8 Chinese characters a line. */
    public static final int NARROW_WIDTH = 16;
    public static final int NARROW_LINES = 3;
    static final String ELLIPSIS = "…";

    private static final String BREAK_AFTER = "，、；：。！？）」』”’》,;:)";
    private static final String BREAK_BEFORE = "（「『“‘《(";
    private static final String OPENING_QUOTES = "“‘「『《";
    private static final String CLOSING_QUOTES = "”’」』》";

    private ChartLabels() {}

    public static List<String> wrap(String label) {
        return wrap(label, LINE_WIDTH, MAX_LINES);
    }

    /** The label as at most {@code maxLines} lines of at most {@code width} columns where possible. */
    public static List<String> wrap(String label, int width, int maxLines) {
        if (label == null || label.isBlank()) return List.of("");
        List<String> pieces = pieces(label.strip());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String piece : pieces) {
            String joined = join(line.toString(), piece);
            if (line.length() > 0 && columns(joined) > width) {
                lines.add(line.toString());
                line = new StringBuilder(piece.stripLeading());
            } else {
                line = new StringBuilder(joined);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = kept.get(maxLines - 1);
            kept.set(maxLines - 1, columns(last) + 1 <= width ? last + ELLIPSIS : shorten(last, width, true));
            return kept;
        }
        // A single piece wider than a line (a long name without a place to break) is shortened.
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(columns(l) > width ? shorten(l, width, false) : l);
        return out;
    }

    /** Display columns: two for a wide (Chinese, full-width) character, one for anything else. */
    public static int columns(String s) {
        return s.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
    }

    /** Splits at every place a line may break; each piece keeps its leading space, if any. */
    static List<String> pieces(String s) {
        List<String> out = new ArrayList<>();
        int quoteDepth = 0;
        int start = 0;
        int[] cps = s.codePoints().toArray();
        int offset = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            int charLen = Character.charCount(c);
            if (i > 0 && quoteDepth == 0 && breaksBefore(cps[i - 1], c)) {
                out.add(s.substring(start, offset));
                start = offset;
            }
            if (OPENING_QUOTES.indexOf(c) >= 0) quoteDepth++;
            if (CLOSING_QUOTES.indexOf(c) >= 0 && quoteDepth > 0) quoteDepth--;
            offset += charLen;
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean breaksBefore(int previous, int c) {
        if (c == ' ') return true;
        if (BREAK_AFTER.indexOf(previous) >= 0 && c != ' ' && BREAK_AFTER.indexOf(c) < 0) return true;
        if (BREAK_BEFORE.indexOf(c) >= 0 && previous != ' ' && BREAK_BEFORE.indexOf(previous) < 0) return true;
        // Where Chinese meets a Latin word: never inside the word, never between a number and its unit.
        return (isHan(previous) && isLatinLetter(c)) || (isLatinLetter(previous) && isHan(c));
    }

    /**
     * Cuts a line to fit with an ellipsis, at a break place when one leaves at least half the line,
     * else before a run of Latin letters or digits (so a word or a number is never cut in half).
     */
    static String shorten(String line, int width, boolean forced) {
        int room = width - 1;
        if (!forced && columns(line) <= width) return line;
        List<String> parts = pieces(line);
        StringBuilder kept = new StringBuilder();
        for (String p : parts) {
            if (columns(kept + p) > room) break;
            kept.append(p);
        }
        if (columns(kept.toString()) >= room / 2) return kept.toString().stripTrailing() + ELLIPSIS;
        int[] cps = line.codePoints().toArray();
        int end = 0;
        int used = 0;
        while (end < cps.length && used + (isWide(cps[end]) ? 2 : 1) <= room) {
            used += isWide(cps[end]) ? 2 : 1;
            end++;
        }
        while (end > 0 && end < cps.length && isWordChar(cps[end]) && isWordChar(cps[end - 1])) end--;
        if (end == 0) end = Math.min(cps.length, Math.max(1, room / 2));
        return new String(cps, 0, end).stripTrailing() + ELLIPSIS;
    }

    private static String join(String line, String piece) {
        return line.isEmpty() ? piece.stripLeading() : line + piece;
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) && !isHan(c) || c == ',' || c == '.';
    }

    private static boolean isLatinLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isWide(int c) {
        return isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) || c == '“' || c == '”'
                || c == '‘' || c == '’' || c == '—';
    }
}
