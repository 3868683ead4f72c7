package cn.jinjiang.aitraining.extract;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure covers, as a report words it (今年以来, 上半年, 1—9月, 累计), made absolute
 * against the report's date, in Chinese and English side by side: a report of 2025-09-30 that says
 * 今年以来 means 2025年以来 / "2025 year to date", and next year's report must not file its
 * number under the same words.
 *
 * <p>{@link #RULES} is the one table; each row has the expression it recognises and how it reads
 * in both languages. 目前, 截至目前, 累计 and the like say "the running total": they normalise to
 * {@link Status#CUMULATIVE}, meaning "keep the figure's existing cumulative period (or 累计)". An
 * expression no rule knows is {@link Status#UNRECOGNISED}: the caller keeps the figure's current
 * period and flags it for the editor.
 */
public final class PeriodRules {

    /** How a period expression was understood. */
    public enum Status {
        /** A rule normalised it; {@code zh} and {@code en} are absolute. */
        RECOGNISED,
        /** A running total (目前, 截至目前, 累计): keep the figure's cumulative period. */
        CUMULATIVE,
        /** No rule knows it: keep the figure's period and flag {@code period-unrecognised}. */
        UNRECOGNISED,
        /** The sentence states no period at all. */
        NOT_STATED
    }

    /**
     * A normalised period.
     *
     * @param zh Chinese form (2025年以来, 2025年1—9月, 累计); for an unrecognised expression the
     *     expression as given; empty when none was stated
     * @param en English form (2025 year to date, January–September 2025, cumulative); null unless
     *     recognised or cumulative
     * @param status how it was understood
     */
    public record Period(String zh, String en, Status status) {

        public boolean recognised() {
            return status == Status.RECOGNISED || status == Status.CUMULATIVE;
        }
    }

    /** One row of the table: the expression (whole input must match) and its reading. */
    record Rule(String example, Pattern pattern, BiFunction<Matcher, Integer, Period> reading) {
    }

    /** The running-total reading shared by 累计, 目前, 截至目前 ... */
    public static final Period CUMULATIVE = new Period("累计", "cumulative", Status.CUMULATIVE);

    private static final String CN_DIGITS = "一二两三四五六七八九十";
    /** A year word before a half, quarter or month: 今年, 去年, 2025年 (group 1 or 2). */
    private static final String YEAR_PREFIX = "(?:(今年|本年|去年|前年|明年)|(\\d{4})年)?";
    private static final String MONTH = "(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    private static final String DASH = "[—–－\\-~～至到]";

    /** Rows in the order they are tried; the first whose pattern matches the whole expression wins. */
    static final List<Rule> RULES = List.of(
            rule("累计", "累计|总计|共计|合计|目前|截至目前|截止目前|截至当前|当前|至今|迄今|迄今为止|截至今日|截至今天"
                    + "|截至(?:\\d{4}年)?" + MONTH + "月(?:底|末|\\d{1,2}日)?", (m, y) -> CUMULATIVE),
            rule("今年以来", "(?:自|从)?(?:今年|本年|年初|今年年初|今年初)(?:以来|来|起|至今)",
                    (m, y) -> sinceYear(y, y)),
            rule("去年以来", "(?:自|从)?去年(?:以来|来|起|至今)", (m, y) -> sinceYear(y - 1, y)),
            rule("2023年以来", "(?:自|从)?(\\d{4})年(?:以来|起|至今)", (m, y) -> sinceYear(year(m.group(1)), y)),
            rule("今年", "今年|本年|本年度|今年全年|全年", (m, y) -> wholeYear(y)),
            rule("去年", "去年|去年全年|上年|上一年", (m, y) -> wholeYear(y - 1)),
            rule("前年", "前年", (m, y) -> wholeYear(y - 2)),
            rule("明年", "明年", (m, y) -> wholeYear(y + 1)),
            rule("2024年", "(\\d{4})年(?:度|全年)?", (m, y) -> wholeYear(year(m.group(1)))),
            rule("2023-2027年", "(\\d{4})年?\\s*" + DASH + "\\s*(\\d{4})年(?:度)?",
                    (m, y) -> new Period(m.group(1) + "—" + m.group(2) + "年", m.group(1) + "–" + m.group(2),
                            Status.RECOGNISED)),
            rule("上半年", YEAR_PREFIX + "([上下])半年", (m, y) -> {
                int yr = prefixYear(m, y);
                boolean first = m.group(3).equals("上");
                return new Period(yr + "年" + m.group(3) + "半年", (first ? "first" : "second") + " half of " + yr,
                        Status.RECOGNISED);
            }),
            rule("前三季度", YEAR_PREFIX + "前([二两三])(?:个)?季度", (m, y) -> {
                int yr = prefixYear(m, y);
                int q = cnNumber(m.group(3));
                return new Period(yr + "年前" + "一二三四".charAt(q - 1) + "季度",
                        "first " + (q == 2 ? "two" : "three") + " quarters of " + yr, Status.RECOGNISED);
            }),
            rule("一季度", YEAR_PREFIX + "第?([一二三四1-4])季度", (m, y) -> {
                int yr = prefixYear(m, y);
                int q = cnNumber(m.group(3));
                return new Period(yr + "年第" + "一二三四".charAt(q - 1) + "季度", "Q" + q + " " + yr,
                        Status.RECOGNISED);
            }),
            rule("1—9月", YEAR_PREFIX + MONTH + "月?\\s*" + DASH + "\\s*" + MONTH + "月(?:份)?", (m, y) -> {
                int yr = prefixYear(m, y);
                int from = cnNumber(m.group(3));
                int to = cnNumber(m.group(4));
                if (from >= to) {
                    return null; // 9—1月 is not a period of one year
                }
                return new Period(yr + "年" + from + "—" + to + "月", monthName(from) + "–" + monthName(to) + " " + yr,
                        Status.RECOGNISED);
            }),
            rule("9月份", YEAR_PREFIX + MONTH + "月份?", (m, y) -> {
                if (m.group(1) == null && m.group(2) == null && !m.group(0).endsWith("份")) {
                    return null; // a bare 10月 is usually a date (10月中旬将…), not the period of a total
                }
                int yr = prefixYear(m, y);
                int month = cnNumber(m.group(3));
                return new Period(yr + "年" + month + "月", monthName(month) + " " + yr, Status.RECOGNISED);
            }));

    /**
     * Where a period expression may stand in a sentence, for {@link #findStated}. Built from the
     * same vocabulary as {@link #RULES}, with guards so that a date (2025年5月18日) or a number
     * (2025年 in 2025年度工作) is not read as a period.
     */
    private static final Pattern IN_SENTENCE = Pattern.compile(String.join("|",
            "(?:自|从)?(?:今年|本年|年初|今年年初|今年初|去年)(?:以来|来|起|至今)",
            "(?:自|从)?\\d{4}年(?:以来|起|至今)",
            YEAR_PREFIX + "[上下]半年",
            YEAR_PREFIX + "前[二两三]个?季度",
            YEAR_PREFIX + "第?[一二三四1-4]季度",
            YEAR_PREFIX + MONTH + "月?\\s*" + DASH + "\\s*" + MONTH + "月份?(?![\\d" + CN_DIGITS + "]+[日号])",
            "\\d{4}年?\\s*" + DASH + "\\s*\\d{4}年",
            "截至(?:\\d{4}年)?" + MONTH + "月(?:底|末|\\d{1,2}日)?",
            "截至目前|截止目前|截至当前|截至今日|截至今天|迄今为止|迄今|至今|目前|累计|总计|共计|合计",
            "今年全年|去年全年|全年|今年|去年|前年|明年",
            "\\d{4}年(?:度|全年)?(?![\\d" + CN_DIGITS + "]+月|[\\d—\\-])"));

    /** Longest expression {@link #IN_SENTENCE} matches (截至2025年12月31日). */
    private static final int MAX_PERIOD_LENGTH = 16;

    /** Every expression in {@link #IN_SENTENCE} starts with one of these chars. */
    private static final String PERIOD_STARTS = "自从今本年去上下前第截迄至目累总共合全明当一二两三四五六七八九十0123456789";

    /** Every period expression in {@link #IN_SENTENCE} ends with one of these chars. */
    private static final String PERIOD_CHARS = "来起今年度月份底末日前计止";

    private PeriodRules() {
    }

    private static Rule rule(String example, String regex, BiFunction<Matcher, Integer, Period> reading) {
        return new Rule(example, Pattern.compile(regex), reading);
    }

    /**
     * Normalises a period expression against the report's date.
     *
     * @param expression as printed (traditional characters and full-width digits are read too)
     * @param reportDate the report's publication date; relative words count from its year
     */
    public static Period normalise(String expression, LocalDate reportDate) {
        if (expression == null || expression.isBlank()) {
            return new Period("", null, Status.NOT_STATED);
        }
        String e = TraditionalChinese.toSimplified(TextNormalizer.normalizeText(expression.strip()))
                .replaceAll("[\\s，,。；;：:、（）()]", "");
        int year = reportDate.getYear();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(e);
            if (m.matches()) {
                Period p = r.reading().apply(m, year);
                if (p != null) {
                    return p;
                }
            }
        }
        return new Period(expression.strip(), null, Status.UNRECOGNISED);
    }

    /**
     * The period expression a figure's sentence states: the nearest one that ends at or before
     * {@code numberStart} within the same sentence (。！？； and paragraph breaks end a sentence),
     * or null. {@code text} should be simplified ({@link ExtractionResult#simplifiedText()}).
     */
    public static String findStated(String text, int numberStart) {
        return findStated(text, numberStart, -1);
    }

    /**
     * Same as {@link #findStated(String, int)}, looking only at expressions that end after
     * {@code after}; returns null when there is none (the extractor then reuses what it found for
     * the previous figure of the same sentence, so a sentence is searched once, not once per figure).
     */
    static String findStated(String text, int numberStart, int after) {
        int from = numberStart;
        int limit = Math.max(0, numberStart - 200);
        while (from > limit && !ContextFinder.isSentenceEnd(text.charAt(from - 1))) {
            from--;
        }
        // Walk back from the figure to each char a period can end with and try the expressions
        // ending there, longest first: far cheaper than a regex search over the whole sentence.
        Matcher m = IN_SENTENCE.matcher(text).useTransparentBounds(true);
        for (int end = numberStart; end > from && end > after; end--) {
            if (PERIOD_CHARS.indexOf(text.charAt(end - 1)) < 0) {
                continue;
            }
            for (int start = Math.max(from, end - MAX_PERIOD_LENGTH); start < end; start++) {
                if (PERIOD_STARTS.indexOf(text.charAt(start)) < 0) {
                    continue;
                }
                if (m.region(start, end).matches()) {
                    return text.substring(start, end);
                }
            }
        }
        return null;
    }

    private static Period sinceYear(int since, int reportYear) {
        if (since == reportYear) {
            return new Period(since + "年以来", since + " year to date", Status.RECOGNISED);
        }
        return new Period(since + "年以来", "since " + since, Status.RECOGNISED);
    }

    private static Period wholeYear(int year) {
        return new Period(year + "年", String.valueOf(year), Status.RECOGNISED);
    }

    private static int year(String digits) {
        return Integer.parseInt(digits);
    }

    private static int prefixYear(Matcher m, int reportYear) {
        if (m.group(2) != null) {
            return year(m.group(2));
        }
        String word = m.group(1);
        if (word == null || word.equals("今年") || word.equals("本年")) {
            return reportYear;
        }
        switch (word) {
            case "去年": return reportYear - 1;
            case "前年": return reportYear - 2;
            default: return reportYear + 1; // 明年
        }
    }

    /** 9, 09, 九, 十二, 两 → int. */
    private static int cnNumber(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        return ChineseNumerals.parse(s).orElseThrow().intValue();
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
