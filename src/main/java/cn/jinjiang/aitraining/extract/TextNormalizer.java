package cn.jinjiang.aitraining.extract;

/**
 * Undoes the layout of an OCR'd multi-column newspaper page.
 *
 * <p>Columns are narrow, so a sentence is cut into many lines, even inside a number
 * ({@code 39}/{@code 期}) or a Latin word ({@code Deep⁃}/{@code seek}). Justified columns also get
 * stray spaces between CJK characters ({@code 日 前 ，在 第}). The rules:
 * <ul>
 *   <li>A blank line (two or more line breaks) is a paragraph break and becomes one {@code '\n'},
 *       which ends a sentence.</li>
 *   <li>A single line break, or a run of spaces, disappears, except between two Latin
 *       letters/digits where it becomes one space ({@code AI model}). Between two digits a single
 *       line break is a broken number and joins without space.</li>
 *   <li>A hyphen (U+2043, soft hyphen, U+2010) right before a line break is dropped.</li>
 *   <li>Full-width digits, Latin letters, % and . become ASCII, so {@code ６８} reads as 68.</li>
 * </ul>
 * Every output char remembers its raw offset, so spans can be mapped back to the page.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String raw) {
        int n = raw.length();
        char[] out = new char[n];
        int[] src = new int[n];
        int len = 0;
        int i = 0;
        // skip a BOM and leading whitespace
        while (i < n && (isSpace(raw.charAt(i)) || isNewline(raw.charAt(i)) || raw.charAt(i) == '\uFEFF')) {
            i++;
        }
        while (i < n) {
            char c = raw.charAt(i);
            if (isSpace(c) || isNewline(c)) {
                int runStart = i;
                int newlines = 0;
                while (i < n && (isSpace(raw.charAt(i)) || isNewline(raw.charAt(i)))) {
                    char w = raw.charAt(i);
                    if (w == '\n') {
                        newlines++;
                    } else if (w == '\r' && (i + 1 >= n || raw.charAt(i + 1) != '\n')) {
                        newlines++; // old Mac line ending
                    }
                    i++;
                }
                if (i >= n || len == 0) {
                    continue; // trailing whitespace
                }
                char prev = out[len - 1];
                char next = halfWidth(raw.charAt(i));
                if (newlines >= 2) {
                    if (prev != '\n') {
                        out[len] = '\n';
                        src[len] = runStart;
                        len++;
                    }
                } else if (newlines == 1 && isLineHyphen(prev) && len >= 2 && isLatin(out[len - 2])) {
                    len--; // Deep⁃ / seek: the hyphen only marks the line break
                } else if (newlines == 1 && isAsciiDigit(prev) && isAsciiDigit(next)) {
                    // a number broken across lines: nothing to insert
                } else if (isAsciiAlnum(prev) && isAsciiAlnum(next)) {
                    out[len] = ' ';
                    src[len] = runStart;
                    len++;
                }
                continue;
            }
            out[len] = halfWidth(c);
            src[len] = i;
            len++;
            i++;
        }
        int[] map = len == n ? src : java.util.Arrays.copyOf(src, len);
        return new NormalizedText(new String(out, 0, len), map);
    }

    /** Convenience for callers that do not need the offset map. */
    public static String normalizeText(String raw) {
        return normalize(raw).text();
    }

    static char halfWidth(char c) {
        if (c >= '\uFF10' && c <= '\uFF19') {
            return (char) (c - '\uFF10' + '0');
        }
        if ((c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
            return (char) (c - '\uFF21' + 'A');
        }
        if (c == '\uFF05') {
            return '%';
        }
        if (c == '\uFF0E') {
            return '.';
        }
        return c;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003'
                || c == '\u2009' || c == '\u200B' || c == '\f';
    }

    static boolean isNewline(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isLineHyphen(char c) {
        return c == '\u2043' || c == '\u00AD' || c == '\u2010';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isLatin(c) || isAsciiDigit(c);
    }
}
