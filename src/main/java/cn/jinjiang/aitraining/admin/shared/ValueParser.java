package cn.jinjiang.aitraining.admin.shared;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an amount as staff type it or copy it from a report: {@code 9000}, {@code 9,000},
 * {@code 2.77亿}, {@code 1万}, full-width digits too. Only a finite decimal from 0 to 10^15 with at most
 * four decimal places passes;
 * exponents, NaN and infinity never do. A later extractor library brings a full numeral parser;
 * this one only has to read what the form accepts.
 */
public final class ValueParser {
    public static final BigDecimal MAX = new BigDecimal("1E15");
    /** The most decimal places a value may have (after 万/亿 are multiplied out). */
    public static final int MAX_DECIMALS = 4;
    private static final Pattern NUMBER = Pattern.compile(
            "(-)?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)(万亿|万|亿)?");

    private ValueParser() {}

    /** The outcome: a value, or the message key of what is wrong. */
    public record Result(BigDecimal value, String error) {
        public boolean ok() { return error == null; }
    }

    public static Result parse(String raw) {
        if (raw == null || raw.isBlank()) return new Result(null, "validation.required");
        String s = normalise(raw);
        if (s.length() > 40) return new Result(null, "validation.value.invalid");
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) return new Result(null, "validation.value.invalid");
        if (m.group(1) != null) return new Result(null, "validation.value.negative");
        BigDecimal value = new BigDecimal(m.group(2).replace(",", ""));
        String magnitude = m.group(3);
        if (magnitude != null) {
            value = value.multiply(switch (magnitude) {
                case "万" -> new BigDecimal("1E4");
                case "亿" -> new BigDecimal("1E8");
                default -> new BigDecimal("1E12");
            });
        }
        if (value.compareTo(MAX) > 0) return new Result(null, "validation.value.too_large");
        value = plain(value);
        // A report never states more; 0.000000000000001 would be shown as "0人".
        if (value.scale() > MAX_DECIMALS) return new Result(null, "validation.value.precision");
        return new Result(value, null);
    }

    /** Without trailing zeros and never in exponent form, so it is stored and compared as written. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String normalise(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        raw.strip().codePoints().forEach(c -> {
            if (c >= '０' && c <= '９') b.append((char) ('0' + (c - '０')));
            else if (c == '，') b.append(',');
            else if (c == '．' || c == '。') b.append('.');
            else if (c == '－') b.append('-');
            else if (c == ' ' || c == '\u00a0' || c == '\u3000') { /* thin spaces in grouped numbers */ }
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
