package cn.jinjiang.aitraining.extract;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Parses numbers written with Chinese numerals ({@code 二十三}, {@code 一百零五}, {@code 两千},
 * {@code 万}) and mixed forms where Arabic digits carry a Chinese magnitude ({@code 1.2万},
 * {@code 2.77亿}, {@code ６８}).
 *
 * <p>The parser is deliberately strict: newspaper text is full of numeral characters that are not
 * numbers ({@code 三三两两}, {@code 千家万户}), so anything that is not a well-formed number is
 * refused rather than guessed. Qualifiers such as {@code 余}/{@code 多} are not part of a number and
 * must be stripped by the caller.
 */
public final class ChineseNumerals {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000L);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000L);

    private ChineseNumerals() {
    }

    /** Digit value of a Chinese digit character, or -1. 零 and 〇 are 0; 两 is 2. */
    public static int digitValue(char c) {
        switch (c) {
            case '零': case '〇': return 0;
            case '一': case '壹': return 1;
            case '二': case '两': case '贰': return 2;
            case '三': case '叁': return 3;
            case '四': case '肆': return 4;
            case '五': case '伍': return 5;
            case '六': case '陆': return 6;
            case '七': case '柒': return 7;
            case '八': case '捌': return 8;
            case '九': case '玖': return 9;
            default: return -1;
        }
    }

    /** Value of a small unit (十/百/千), or 0. */
    public static int smallUnitValue(char c) {
        switch (c) {
            case '十': case '拾': return 10;
            case '百': case '佰': return 100;
            case '千': case '仟': return 1000;
            default: return 0;
        }
    }

    /** True for 万 and 亿, the magnitudes that close a four-digit section. */
    public static boolean isBigUnit(char c) {
        return c == '万' || c == '亿';
    }

    /** True for any magnitude character (十百千万亿), the ones that may follow Arabic digits. */
    public static boolean isMagnitude(char c) {
        return smallUnitValue(c) != 0 || isBigUnit(c);
    }

    /** True for every character that may appear inside a Chinese numeral. */
    public static boolean isNumeralChar(char c) {
        return digitValue(c) >= 0 || smallUnitValue(c) != 0 || isBigUnit(c);
    }

    /** Multiplier of a magnitude character, or null. */
    static BigDecimal magnitudeValue(char c) {
        int small = smallUnitValue(c);
        if (small != 0) {
            return BigDecimal.valueOf(small);
        }
        if (c == '万') {
            return TEN_THOUSAND;
        }
        if (c == '亿') {
            return HUNDRED_MILLION;
        }
        return null;
    }

    /**
     * Parses a whole string as one number.
     *
     * @return the value, or empty when the string is empty, malformed ({@code 三三}, {@code 万万},
     *     {@code 十百}) or contains anything but numerals.
     */
    public static Optional<BigDecimal> parse(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        char first = toHalfWidth(s.charAt(0));
        if (first >= '0' && first <= '9') {
            return parseArabicWithMagnitude(s);
        }
        int dot = s.indexOf('点');
        if (dot >= 0) {
            return parseChineseDecimal(s, dot);
        }
        return parseChinese(s);
    }

    /** 二十五点五 = 25.5: the part after 点 is read digit by digit. */
    private static Optional<BigDecimal> parseChineseDecimal(String s, int dot) {
        if (dot == 0 || dot == s.length() - 1) {
            return Optional.empty();
        }
        Optional<BigDecimal> whole = parseChinese(s.substring(0, dot));
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder frac = new StringBuilder(".");
        for (int i = dot + 1; i < s.length(); i++) {
            int d = digitValue(s.charAt(i));
            if (d < 0 || s.charAt(i) == '两') {
                return Optional.empty();
            }
            frac.append((char) ('0' + d));
        }
        return Optional.of(normalise(whole.get().add(new BigDecimal("0" + frac))));
    }

    /** Full-width digits and separators behave like their ASCII forms. */
    static char toHalfWidth(char c) {
        if (c >= '０' && c <= '９') {
            return (char) ('0' + (c - '０'));
        }
        if (c == '．') {
            return '.';
        }
        return c;
    }

    /** {@code 1.2万}, {@code 9,000}, {@code 3千万}: Arabic value times an increasing chain of magnitudes. */
    private static Optional<BigDecimal> parseArabicWithMagnitude(String s) {
        int i = 0;
        int n = s.length();
        StringBuilder digits = new StringBuilder(n);
        boolean seenDot = false;
        int groupDigits = -1; // digits since the last thousands comma, -1 when no comma seen
        while (i < n) {
            char c = toHalfWidth(s.charAt(i));
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (groupDigits >= 0 && !seenDot) {
                    groupDigits++;
                }
            } else if (c == '.' && !seenDot && i + 1 < n && isAsciiDigit(toHalfWidth(s.charAt(i + 1)))) {
                if (groupDigits >= 0 && groupDigits != 3) {
                    return Optional.empty();
                }
                seenDot = true;
                digits.append('.');
            } else if (c == ',' && !seenDot) {
                if (groupDigits >= 0 && groupDigits != 3) {
                    return Optional.empty();
                }
                groupDigits = 0;
            } else {
                break;
            }
            i++;
        }
        if (groupDigits >= 0 && !seenDot && groupDigits != 3) {
            return Optional.empty();
        }
        if (digits.length() == 0) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(digits.toString());
        BigDecimal previous = BigDecimal.ZERO;
        for (; i < n; i++) {
            BigDecimal m = magnitudeValue(s.charAt(i));
            // Magnitudes after digits must grow (千万 = 1e7); 万万 or 万千 are not numbers.
            if (m == null || m.compareTo(previous) <= 0) {
                return Optional.empty();
            }
            value = value.multiply(m);
            previous = m;
        }
        return Optional.of(normalise(value));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Chinese numerals, section by section. A section is the part below 万 (or between 万 and 亿).
     * Each small unit must be smaller than the one before it; two digits in a row are refused; a
     * bare magnitude is 1 times that magnitude only where nothing precedes it in its section.
     */
    private static Optional<BigDecimal> parseChinese(String s) {
        long yiPart = 0;      // everything already multiplied by 亿
        long wanPart = 0;     // section multiplied by 万
        long section = 0;     // current section below 万
        int pendingDigit = -1;
        int lastSmallUnit = 100_000; // larger than any small unit
        boolean sectionEmpty = true;
        boolean zeroPending = false;
        boolean seenWan = false;
        boolean seenYi = false;
        int lastBig = 0; // 1 = 万, 2 = 亿, used for trailing abbreviations like 两万五
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitValue(c);
            int u = smallUnitValue(c);
            if (d == 0) {
                // 零 only bridges a gap: something must precede it and something non-zero follow it.
                if (pendingDigit >= 0 || zeroPending || (sectionEmpty && !seenWan && !seenYi)) {
                    return Optional.empty();
                }
                zeroPending = true;
            } else if (d > 0) {
                if (pendingDigit >= 0) {
                    return Optional.empty(); // 三三: two digits with no unit between them
                }
                pendingDigit = d;
                sectionEmpty = false;
                zeroPending = false; // 一百零五: the zero has been bridged
            } else if (u > 0) {
                if (u >= lastSmallUnit) {
                    return Optional.empty(); // 十百, 百百
                }
                int multiplier;
                if (pendingDigit >= 0) {
                    multiplier = pendingDigit;
                } else if (i == 0) {
                    multiplier = 1; // 十五, 百, 千: a leading bare unit means one of it (万千 is not a number)
                } else if (zeroPending && u == 10) {
                    multiplier = 1; // 一百零十 is odd but 一千零十 (1010) is accepted
                } else {
                    return Optional.empty();
                }
                section += (long) multiplier * u;
                lastSmallUnit = u;
                pendingDigit = -1;
                sectionEmpty = false;
                zeroPending = false;
            } else if (c == '万') {
                if (seenWan || zeroPending) {
                    return Optional.empty();
                }
                long sec = section + Math.max(pendingDigit, 0);
                if (sectionEmpty) {
                    if (i != 0) {
                        return Optional.empty(); // 万万, 亿万
                    }
                    sec = 1; // bare 万 as in 突破万学时
                }
                wanPart = sec * 10_000L;
                seenWan = true;
                lastBig = 1;
                section = 0;
                pendingDigit = -1;
                lastSmallUnit = 100_000;
                sectionEmpty = true;
            } else if (c == '亿') {
                if (seenYi || zeroPending) {
                    return Optional.empty();
                }
                long sec = section + Math.max(pendingDigit, 0);
                if (sectionEmpty && !seenWan) {
                    if (i != 0) {
                        return Optional.empty();
                    }
                    sec = 1;
                }
                yiPart = (wanPart + sec) * 100_000_000L;
                wanPart = 0;
                seenWan = false;
                seenYi = true;
                lastBig = 2;
                section = 0;
                pendingDigit = -1;
                lastSmallUnit = 100_000;
                sectionEmpty = true;
            } else {
                return Optional.empty(); // not a numeral character
            }
        }
        if (zeroPending) {
            return Optional.empty(); // trailing 零
        }
        if (pendingDigit >= 0) {
            if (lastSmallUnit >= 100 && lastSmallUnit < 100_000 && !sectionEmptyBeforeDigit(s)) {
                // colloquial abbreviation: 一百五 = 150, 三千二 = 3200
                section += (long) pendingDigit * (lastSmallUnit / 10);
            } else if (lastSmallUnit == 100_000 && lastBig == 1 && s.length() >= 2
                    && digitValue(s.charAt(s.length() - 2)) < 0) {
                section += (long) pendingDigit * 1000; // 两万五 = 25000
            } else if (lastSmallUnit == 100_000 && lastBig == 2 && s.length() >= 2
                    && digitValue(s.charAt(s.length() - 2)) < 0) {
                section += (long) pendingDigit * 10_000_000L; // 一亿五
            } else {
                section += pendingDigit;
            }
        }
        return Optional.of(BigDecimal.valueOf(yiPart + wanPart + section));
    }

    /** True when a 零 sits right before the final digit (一百零五 is 105, not 150). */
    private static boolean sectionEmptyBeforeDigit(String s) {
        return s.length() >= 2 && digitValue(s.charAt(s.length() - 2)) == 0;
    }

    /** Plain form without trailing zeros: 2.77亿 becomes 277000000, 2.77 stays 2.77. */
    public static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
