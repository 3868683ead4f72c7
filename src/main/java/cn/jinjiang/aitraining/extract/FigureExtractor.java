package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every reported figure in a Chinese text: counts, money, durations, percentages, dates,
 * years and ordinals, with qualifier (近/超/约/多), unit, quote, subject and scope.
 *
 * <p>A hand-written scanner rather than one big regex: it walks the normalised text once, only
 * stops at digits and Chinese numeral characters, and looks a few chars left and right. That keeps
 * it linear and allocation-free between figures, which matters for the 5 MB/s target.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FigureExtractor {

    /** Longest quote, in chars. */
    public static final int MAX_QUOTE = 80;

    /**
     * Longer digit runs are codes or garbage, not reported figures; the cap also keeps BigDecimal
     * work bounded, which is quadratic in the number of digits.
     */
    private static final int MAX_DIGITS = 24;

    /**
     * Four-char idioms whose numerals are not figures (千家万户 would otherwise be 1000 家).
     * Checked only when a Chinese numeral is about to become a figure, so the cost is small.
     */
    private static final Set<String> IDIOMS = Set.of("三番五次", "千家万户", "万家灯火", "一五一十", "三三两两",
            "四面八方", "五湖四海", "千方百计", "千行百业", "一心一意", "三心二意", "七上八下", "十全十美",
            "百花齐放", "万众一心", "一举两得", "两全其美", "九牛一毛", "三令五申", "五花八门", "千军万马",
            "万无一失", "一干二净", "百年大计", "千载难逢", "四通八达", "三年五载", "百家争鸣", "十万火急",
            "千千万万", "万水千山", "千山万水", "千头万绪", "五颜六色", "一石二鸟", "接二连三", "百里挑一",
            "千言万语", "千辛万苦", "万紫千红", "半斤八两", "九九归一", "成千上万", "一年四季", "三天两头",
            "三年两载", "十年树木", "百年树人", "千秋万代", "万古长青", "百战百胜", "千变万化");

    /** One number as written, before looking at its context. */
    private record Num(int start, int end, BigDecimal value, boolean arabic, int intDigits,
                       boolean magnitude, boolean bareOne, boolean bareMagnitude, boolean yearDigits) {

        boolean isInteger() {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        int intValue() {
            return value.intValue();
        }
    }

    /** Extracts the figures of {@code text}; dates without a year take the publication year. */
    public List<Candidate> extract(String text, LocalDate publicationDate) {
        return analyse(text, publicationDate).candidates();
    }

    /** Same as {@link #extract}, plus the normalised text the offsets refer to. */
    public ExtractionResult analyse(String text, LocalDate publicationDate) {
        if (text == null || text.isEmpty()) {
            return new ExtractionResult("", List.of());
        }
        NormalizedText nt = TextNormalizer.normalize(text);
        String printed = nt.text();
        // scan the simplified reading; offsets are the same, quotes are cut from the printed text
        String t = TraditionalChinese.toSimplified(printed);
        int n = t.length();
        List<Candidate> out = new ArrayList<>();
        Scan scan = new Scan(t, printed, publicationDate, nt, text.length(), out);
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (TextNormalizer.isAsciiDigit(c)) {
                if (i > 0 && (TextNormalizer.isAsciiDigit(t.charAt(i - 1)) || t.charAt(i - 1) == '.')) {
                    i++;
                    continue;
                }
                Num num = scanArabic(t, i);
                if (num == null) {
                    while (i < n && TextNormalizer.isAsciiDigit(t.charAt(i))) {
                        i++; // an absurdly long digit run (a code, a hash) is not a figure
                    }
                    continue;
                }
                i = Math.max(num.end(), scan.figure(num));
            } else if (ChineseNumerals.isNumeralChar(c)) {
                int runEnd = chineseRunEnd(t, i);
                Num num = scanChinese(t, i, runEnd);
                i = num == null ? runEnd : Math.max(num.end(), scan.figure(num));
            } else {
                i++;
            }
        }
        return new ExtractionResult(printed, out, t);
    }

    /** Digits with optional thousands commas, decimals and growing magnitudes: 9,000 / 2.77亿 / 3千万; null if too long. */
    private static Num scanArabic(String t, int i) {
        int n = t.length();
        int j = i;
        while (j < n && TextNormalizer.isAsciiDigit(t.charAt(j))) {
            j++;
        }
        int intDigits = j - i;
        if (intDigits > MAX_DIGITS) {
            return null;
        }
        boolean commas = false;
        while (j + 3 < n && t.charAt(j) == ',' && allDigits(t, j + 1, j + 4)
                && (j + 4 >= n || !TextNormalizer.isAsciiDigit(t.charAt(j + 4)))) {
            j += 4;
            intDigits += 3;
            commas = true;
        }
        if (j + 1 < n && t.charAt(j) == '.' && TextNormalizer.isAsciiDigit(t.charAt(j + 1))) {
            int fracStart = j + 1;
            j += 2;
            while (j < n && TextNormalizer.isAsciiDigit(t.charAt(j))) {
                j++;
            }
            if (j - fracStart > MAX_DIGITS) {
                return null;
            }
        }
        String digits = t.substring(i, j);
        BigDecimal value = new BigDecimal(commas ? digits.replace(",", "") : digits);
        int lastExp = 0;
        boolean magnitude = false;
        while (j < n) {
            int exp = magnitudeExponent(t.charAt(j));
            if (exp <= lastExp || exp == 1) {
                break; // 十 after digits is not a magnitude we trust; 万万 never
            }
            if (t.charAt(j) == '千' && j + 1 < n && "米克瓦".indexOf(t.charAt(j + 1)) >= 0) {
                break; // 3千米 is 3 km, not 3000 米
            }
            value = value.movePointRight(exp);
            lastExp = exp;
            magnitude = true;
            j++;
        }
        return new Num(i, j, ChineseNumerals.normalise(value), true, intDigits, magnitude, false, false, false);
    }

    private static boolean allDigits(String t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!TextNormalizer.isAsciiDigit(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int magnitudeExponent(char c) {
        switch (c) {
            case '十': return 1;
            case '百': return 2;
            case '千': return 3;
            case '万': return 4;
            case '亿': return 8;
            default: return 0;
        }
    }

    /** A run of Chinese numerals; null when the run is not a number (三三两两, 五一). */
    private static Num scanChinese(String t, int i, int runEnd) {
        String run = t.substring(i, runEnd);
        Optional<BigDecimal> parsed = ChineseNumerals.parse(run);
        if (parsed.isPresent()) {
            boolean bareMagnitude = run.length() == 1 && "百千万亿".indexOf(run.charAt(0)) >= 0;
            return new Num(i, runEnd, parsed.get(), false, -1, false, run.equals("一"), bareMagnitude, false);
        }
        // 二〇二五年: a year written digit by digit
        if (run.length() == 4 && runEnd < t.length() && t.charAt(runEnd) == '年') {
            int year = 0;
            for (int k = 0; k < 4; k++) {
                int d = ChineseNumerals.digitValue(run.charAt(k));
                if (d < 0) {
                    return null;
                }
                year = year * 10 + d;
            }
            return new Num(i, runEnd, BigDecimal.valueOf(year), false, 4, false, false, false, true);
        }
        return null;
    }

    /** End of a run of Chinese numerals starting at {@code i}; 点 joins only between digits (二十五点五). */
    private static int chineseRunEnd(String t, int i) {
        int n = t.length();
        int e = i + 1;
        while (e < n) {
            char c = t.charAt(e);
            if (ChineseNumerals.isNumeralChar(c)) {
                e++;
            } else if (c == '点' && e + 1 < n && ChineseNumerals.digitValue(t.charAt(e + 1)) >= 0
                    && t.charAt(e + 1) != '两') {
                e += 2;
            } else {
                break;
            }
        }
        return e;
    }

    private static Num scanAt(String t, int pos) {
        if (pos >= t.length()) {
            return null;
        }
        char c = t.charAt(pos);
        if (TextNormalizer.isAsciiDigit(c)) {
            return scanArabic(t, pos);
        }
        if (ChineseNumerals.isNumeralChar(c)) {
            return scanChinese(t, pos, chineseRunEnd(t, pos));
        }
        return null;
    }

    /** State of one extraction run: the text, the output, the last duration and period seen. */
    private static final class Scan {
        /** The simplified reading, which all rules look at. */
        private final String t;
        /** The text as printed, same offsets: the source of every span and quote. */
        private final String printed;
        private final int n;
        private final LocalDate pub;
        private final NormalizedText nt;
        private final int rawLength;
        private final List<Candidate> out;
        private Candidate lastDuration;
        /** Start of the last figure a period was looked up for, and what was found for it. */
        private int periodFigure = -1;
        private String periodFound;

        Scan(String t, String printed, LocalDate pub, NormalizedText nt, int rawLength, List<Candidate> out) {
            this.t = t;
            this.printed = printed;
            this.n = t.length();
            this.pub = pub;
            this.nt = nt;
            this.rawLength = rawLength;
            this.out = out;
        }

        private char at(int k) {
            return k >= 0 && k < n ? t.charAt(k) : '\0';
        }

        private boolean endsAt(int end, String w) {
            int s = end - w.length();
            return s >= 0 && t.startsWith(w, s);
        }

        /** Classifies a number by its context and records the figure; returns where scanning resumes. */
        int figure(Num num) {
            Candidate c = classify(num);
            if (c == null) {
                return num.end();
            }
            out.add(c);
            if (c.kind() == Kind.DURATION) {
                lastDuration = c;
            }
            return c.end();
        }

        private Candidate classify(Num num) {
            int s = num.start();
            int j = num.end();
            BigDecimal v = num.value();

            // Z12路, G20, 5G: numbers glued to Latin letters are names
            if (num.arabic() && (TextNormalizer.isLatin(at(s - 1)) || TextNormalizer.isLatin(at(j)))) {
                return latinName(num);
            }
            if (num.arabic() && (at(j) == '-' || at(j) == '/') && TextNormalizer.isAsciiDigit(at(j + 1))) {
                return dashed(num); // 2025-05-19, 0595-12345678
            }
            if (num.arabic() && at(j) == '时') {
                return clockTime(num); // 9时30分 is a time of day, not a duration
            }

            // 第35个, 第三届: ordinals are never counts; 第一书记 (no measure word) is not a figure
            if (at(s - 1) == '第') {
                UnitTable.Unit u = UnitTable.match(t, j);
                if (u == null || u.kind() == Kind.MONEY || u.kind() == Kind.PERCENT) {
                    return null;
                }
                return build(s - 1, j + u.text().length(), v, u.name(), Qualifier.EXACT, Kind.ORDINAL, null);
            }

            boolean percentWord = endsAt(s, "百分之");
            int textStart = percentWord ? s - 3 : s;
            Qualifier q = Qualifier.EXACT;
            int qLen = preQualifierLength(textStart);
            if (qLen > 0) {
                q = preQualifier(textStart, qLen);
                textStart -= qLen;
            }
            if (percentWord) {
                return build(textStart, j, v, "%", q, Kind.PERCENT, null);
            }

            if (!num.arabic() && (isApproximate(s) || isIdiom(s, j))) {
                return null;
            }

            // 一个多小时, 两个多月: 多 sits between 个 and the unit of time
            if (at(j) == '个' && at(j + 1) == '多') {
                UnitTable.Unit time = UnitTable.match(t, j + 2);
                boolean month = at(j + 2) == '月';
                if (month || time != null && time.kind() == Kind.DURATION && !time.text().equals("年")) {
                    String unit = month ? "个月" : time.name();
                    return build(textStart, j + 2 + (month ? 1 : time.text().length()), v, unit,
                            q == Qualifier.EXACT ? Qualifier.PLUS : q, Kind.DURATION, null);
                }
            }

            // 40多名, 三千余, 十多万
            boolean plus = false;
            if (at(j) == '多' || at(j) == '余') {
                if (!(at(j) == '多' && isMultiWord(j))) {
                    plus = true;
                    j++;
                    int exp = magnitudeExponent(at(j));
                    if (exp >= 4) {
                        v = v.movePointRight(exp);
                        j++;
                    }
                }
            }
            if (plus && q == Qualifier.EXACT) {
                q = Qualifier.PLUS;
            }

            UnitTable.Unit u = UnitTable.match(t, j);
            if (u != null && u.text().equals("成")) {
                return cheng(textStart, num, v, j, q);
            }
            if (u == null && !num.bareOne() && num.isInteger() && ContextFinder.peopleNounAt(t, j)
                    && !(isYearNumber(num) && num.intValue() >= 1949 && num.intValue() <= 2100 && !plus)) {
                // 近30万干部, 3000余党员: a count of people without a measure word
                return build(textStart, j, v, "", q, Kind.COUNT, null, UnitFamily.PEOPLE);
            }
            if (u == null && !num.bareOne() && num.isInteger() && (j >= n || ContextFinder.isClauseEnd(at(j)))
                    && ContextFinder.peopleNounBefore(t, textStart) && !isYearNumber(num)) {
                // 注册用户超过45万。: the noun comes first, the clause ends with the number
                return build(textStart, j, v, "", q, Kind.COUNT, null, UnitFamily.PEOPLE);
            }
            if (u == null) {
                if (!num.arabic()) {
                    // a bare Chinese numeral is only a figure when qualified: 三千余, 超万
                    if (q == Qualifier.EXACT || num.bareOne()) {
                        return null;
                    }
                    return build(textStart, j, v, "", q, Kind.COUNT, null);
                }
                return build(textStart, j, v, "", q, Kind.OTHER, null);
            }
            if (!num.arabic()) {
                if (num.bareOne() && u.kind() != Kind.DATE && !isSpanOfTime(u, j)) {
                    return null; // 一个, 一名: the indefinite article, not a figure
                }
                if (num.bareMagnitude() && q == Qualifier.EXACT && !isBareMagnitudeCount(u, j)) {
                    return null; // 万家, 百姓: only 百名干部 or 突破万学时 style with a qualifier
                }
                if (u.kind() == Kind.OTHER) {
                    return null; // 十分, 三年级
                }
                if (u.text().equals("期") && isPhase(j + 1)) {
                    return null; // 二期预计投资: phase two of a project, not two sessions
                }
            }
            int unitEnd = j + u.text().length();
            boolean exact = q == Qualifier.EXACT;

            switch (u.kind()) {
                case DATE:
                    return exact ? date(textStart, num, u, unitEnd) : build(textStart, unitEnd, v, u.name(), q,
                            Kind.OTHER, null);
                case YEAR:
                    if (exact && isYearNumber(num)) {
                        return build(textStart, unitEnd, v, "年", q, Kind.YEAR, null);
                    }
                    return build(textStart, unitEnd, v, u.name(), q, Kind.OTHER, null);
                case DURATION:
                    if (u.text().equals("年") && exact && isYearNumber(num)) {
                        return yearOrDate(textStart, num, unitEnd);
                    }
                    if (q == Qualifier.NEARLY && qLen == 1 && at(s - 1) == '近') {
                        return duration(s, unitEnd, v, u, Qualifier.EXACT); // 近三年: the last three years
                    }
                    return duration(textStart, unitEnd, v, u, q);
                default:
                    return withPostQualifier(textStart, unitEnd, v, u.name(), q, u.kind());
            }
        }

        /** 多 that starts a word (多名 is fine, 多功能/多元 are not qualifiers). */
        private boolean isMultiWord(int j) {
            char next = at(j + 1);
            return next == '元' && at(j + 2) == '化' || next == '功' || next == '样' || next == '种' && at(j + 2) == '多';
        }

        /** 工程, 项目, 投资 after Chinese numeral + 期: a project phase (二期工程). */
        private boolean isPhase(int after) {
            return t.startsWith("工程", after) || t.startsWith("项目", after) || t.startsWith("投资", after)
                    || t.startsWith("建设", after) || t.startsWith("预计", after) || t.startsWith("规划", after);
        }

        /** 一周, 一个月, 为期一天: a span of time even with 一 (一年一度 and 一天一 are idioms). */
        private boolean isSpanOfTime(UnitTable.Unit u, int j) {
            if (u.kind() != Kind.DURATION) {
                return false;
            }
            int after = j + u.text().length();
            return at(after) != '一' && at(after) != '来' && at(after) != '级' && at(j - 2) != '同';
        }

        /** 百名干部, 千场: a bare 百/千/万 before a measure word of people or events. */
        private boolean isBareMagnitudeCount(UnitTable.Unit u, int j) {
            switch (u.text()) {
                case "名": case "位": case "人次": case "场": case "期": case "堂": case "项": case "门":
                    break;
                default:
                    return false;
            }
            int after = j + u.text().length();
            char before = at(j - 2);
            if (before == '“' || before == '「' || before == '"' || before == '‘') {
                return false; // “千名干部学AI”: the name of a campaign
            }
            return !t.startsWith("计划", after) && !t.startsWith("工程", after) && !t.startsWith("行动", after);
        }

        /** 近六成 → nearly 60 %, 三成以上 → over 30 %; 成员, 成为, 成立 are words, not tenths. */
        private Candidate cheng(int textStart, Num num, BigDecimal v, int j, Qualifier q) {
            char next = at(j + 1);
            boolean tenth = num.isInteger() && v.signum() > 0 && v.compareTo(BigDecimal.TEN) <= 0
                    && !num.magnitude() && "员为立功果效绩本都长熟型交品人年批就全效".indexOf(next) < 0
                    && !(num.bareOne() && next == '不');
            if (!tenth) {
                if (!num.arabic()) {
                    return null;
                }
                return build(textStart, j + 1, v, "成", q, Kind.OTHER, null);
            }
            BigDecimal percent = v.multiply(BigDecimal.TEN);
            if (q == Qualifier.EXACT && (next == '多' || next == '余')) {
                return build(textStart, j + 2, percent, "%", Qualifier.PLUS, Kind.PERCENT, null);
            }
            return withPostQualifier(textStart, j + 1, percent, "%", q, Kind.PERCENT);
        }

        /** 以上 → over, 左右 → about, after the unit; only when nothing qualified the number yet. */
        private Candidate withPostQualifier(int textStart, int end, BigDecimal v, String unit, Qualifier q,
                                            Kind kind) {
            if (q == Qualifier.EXACT) {
                if (t.startsWith("以上", end)) {
                    return build(textStart, end + 2, v, unit, Qualifier.OVER, kind, null);
                }
                if (t.startsWith("左右", end)) {
                    return build(textStart, end + 2, v, unit, Qualifier.ABOUT, kind, null);
                }
            }
            return build(textStart, end, v, unit, q, kind, null);
        }

        private Candidate duration(int textStart, int unitEnd, BigDecimal v, UnitTable.Unit u, Qualifier q) {
            // 15分钟生活圈, 15分钟学习圈 name a planning concept, not a length of time
            for (int k = unitEnd; k <= unitEnd + 2 && k < n; k++) {
                if (at(k) == '圈') {
                    return build(textStart, k + 1, v, u.name(), Qualifier.EXACT, Kind.OTHER, null);
                }
                if (ContextFinder.isClauseEnd(at(k))) {
                    break;
                }
            }
            if (q == Qualifier.EXACT && (at(unitEnd) == '多' || at(unitEnd) == '余')) {
                return build(textStart, unitEnd + 1, v, u.name(), Qualifier.PLUS, Kind.DURATION, null); // 三年多
            }
            return withPostQualifier(textStart, unitEnd, v, u.name(), q, Kind.DURATION);
        }

        private boolean isYearNumber(Num num) {
            if (num.yearDigits()) {
                return true;
            }
            return num.arabic() && num.intDigits() == 4 && !num.magnitude() && num.isInteger()
                    && num.intValue() >= 1000 && num.intValue() <= 2999;
        }

        /** 2022年 is a year; 2025年5月18日 / 2025年5月 are dates. */
        private Candidate yearOrDate(int textStart, Num num, int afterNian) {
            int year = num.intValue();
            Num month = scanAt(t, afterNian);
            if (month != null && month.isInteger() && at(month.end()) == '月'
                    && month.intValue() >= 1 && month.intValue() <= 12) {
                int m = month.intValue();
                int end = month.end() + 1;
                Integer day = dayAt(end);
                if (day != null) {
                    return dateCandidate(textStart, skipDay(end), isoDate(year, m, day));
                }
                return dateCandidate(textStart, end, String.format("%04d-%02d", year, m));
            }
            return build(textStart, afterNian, num.value(), "年", Qualifier.EXACT, Kind.YEAR, null);
        }

        /** Day number followed by 日/号 at {@code pos}, or null. */
        private Integer dayAt(int pos) {
            Num d = scanAt(t, pos);
            if (d == null || !d.isInteger() || d.intValue() < 1 || d.intValue() > 31) {
                return null;
            }
            char u = at(d.end());
            if ((u == '日' || u == '号') && !isNumberName(d.end())) {
                return d.intValue();
            }
            return null;
        }

        private int skipDay(int pos) {
            Num d = scanAt(t, pos);
            return d.end() + 1;
        }

        /** 5号线, 3号楼: 号 starts a name. */
        private boolean isNumberName(int haoPos) {
            char next = at(haoPos + 1);
            return at(haoPos) == '号' && (next == '线' || next == '楼' || next == '院');
        }

        /** 月 or 日/号 after a number: 2月28日, 5月, 16日. */
        private Candidate date(int textStart, Num num, UnitTable.Unit u, int unitEnd) {
            if (!num.isInteger()) {
                return build(textStart, unitEnd, num.value(), u.name(), Qualifier.EXACT, Kind.OTHER, null);
            }
            int value = num.intValue();
            Integer year = pub == null ? null : pub.getYear();
            if (u.text().equals("月")) {
                if (value < 1 || value > 12) {
                    return build(textStart, unitEnd, num.value(), u.name(), Qualifier.EXACT, Kind.OTHER, null);
                }
                Integer day = dayAt(unitEnd);
                if (day != null) {
                    String iso = year != null ? isoDate(year, value, day) : String.format("--%02d-%02d", value, day);
                    return dateCandidate(textStart, skipDay(unitEnd), iso);
                }
                String iso = year != null ? String.format("%04d-%02d", year, value) : String.format("--%02d", value);
                return dateCandidate(textStart, unitEnd, iso);
            }
            if (value < 1 || value > 31) {
                return build(textStart, unitEnd, num.value(), u.name(), Qualifier.EXACT, Kind.OTHER, null);
            }
            String iso = pub != null ? isoDate(pub.getYear(), pub.getMonthValue(), value)
                    : String.format("---%02d", value);
            return dateCandidate(textStart, unitEnd, iso);
        }

        private String isoDate(int year, int month, int day) {
            try {
                return LocalDate.of(year, month, day).toString();
            } catch (DateTimeException e) {
                return String.format("%04d-%02d-%02d", year, month, day); // 2月30日: keep what was written
            }
        }

        private Candidate dateCandidate(int start, int end, String iso) {
            return build(start, end, null, "", Qualifier.EXACT, Kind.DATE, iso);
        }

        private Candidate latinName(Num num) {
            int s = num.start();
            while (s > 0 && (TextNormalizer.isAsciiAlnum(at(s - 1)) || at(s - 1) == '-')) {
                s--;
            }
            int e = num.end();
            while (e < n && TextNormalizer.isAsciiAlnum(at(e))) {
                e++;
            }
            UnitTable.Unit u = UnitTable.match(t, e);
            String unit = "";
            if (u != null && u.kind() == Kind.OTHER) {
                e += u.text().length(); // Z12路
                unit = u.name();
            }
            return build(s, e, num.value(), unit, Qualifier.EXACT, Kind.OTHER, null);
        }

        /** YYYY-MM-DD / YYYY/MM/DD is a date; any other digit-dash chain (phone numbers) is other. */
        private Candidate dashed(Num num) {
            int e = num.end();
            while (e < n && (TextNormalizer.isAsciiDigit(at(e))
                    || ((at(e) == '-' || at(e) == '/') && TextNormalizer.isAsciiDigit(at(e + 1))))) {
                e++;
            }
            String span = t.substring(num.start(), e);
            String[] parts = span.split("[-/]");
            if (parts.length == 3 && parts[0].length() == 4 && parts[1].length() <= 2 && parts[2].length() <= 2) {
                try {
                    LocalDate d = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                            Integer.parseInt(parts[2]));
                    return dateCandidate(num.start(), e, d.toString());
                } catch (DateTimeException | NumberFormatException ex) {
                    // not a calendar date: fall through to other
                }
            }
            return build(num.start(), e, num.value(), "", Qualifier.EXACT, Kind.OTHER, null);
        }

        /** 9时 / 9时30分: a clock time, reported as other. */
        private Candidate clockTime(Num num) {
            int e = num.end() + 1;
            Num minutes = scanAt(t, e);
            if (minutes != null && minutes.arabic() && at(minutes.end()) == '分') {
                e = minutes.end() + 1;
            }
            return build(num.start(), e, num.value(), "时", Qualifier.EXACT, Kind.OTHER, null);
        }

        /** Length of a qualifier word ending right before {@code pos}, or 0. */
        private int preQualifierLength(int pos) {
            if (endsAt(pos, "不超过") || endsAt(pos, "不超") || endsAt(pos, "不到") || endsAt(pos, "不足")) {
                return 0; // 不超过60人 states a cap, not "over 60"
            }
            if (endsAt(pos, "将近") || endsAt(pos, "接近") || endsAt(pos, "超过") || endsAt(pos, "突破")
                    || endsAt(pos, "大约") || endsAt(pos, "大概")) {
                return 2;
            }
            char c = at(pos - 1);
            char before = at(pos - 2);
            switch (c) {
                case '近':
                    return "最附邻临亲靠逼贴".indexOf(before) >= 0 ? 0 : 1;
                case '超':
                    return "高赶".indexOf(before) >= 0 ? 0 : 1;
                case '逾':
                    return 1;
                case '约':
                    if (before == '节' && "环章小细关".indexOf(at(pos - 3)) >= 0) {
                        return 1; // 环节约两小时: 环节 + 约, not 节约
                    }
                    return "预签节公合特邀履违制相隐婉简契".indexOf(before) >= 0 ? 0 : 1;
                default:
                    return 0;
            }
        }

        private Qualifier preQualifier(int pos, int len) {
            char c = at(pos - len);
            switch (c) {
                case '将': case '接': case '近': return Qualifier.NEARLY;
                case '大': case '约': return Qualifier.ABOUT;
                default: return Qualifier.OVER; // 超, 超过, 逾, 突破
            }
        }

        /** 数十名, 上百家, 几十个: vague amounts, not figures. 初三, 周五 are not figures either. */
        private boolean isApproximate(int s) {
            return "数几上好初高周".indexOf(at(s - 1)) >= 0;
        }

        private boolean isIdiom(int s, int e) {
            for (int k = Math.max(0, s - 3); k <= s && k + 4 <= n; k++) {
                if (k + 4 >= e && IDIOMS.contains(t.substring(k, k + 4))) {
                    return true;
                }
            }
            return false;
        }

        private Candidate build(int start, int end, BigDecimal value, String unit, Qualifier q, Kind kind,
                                String date) {
            return build(start, end, value, unit, q, kind, date, UnitFamily.of(kind, unit, at(end)));
        }

        private Candidate build(int start, int end, BigDecimal value, String unit, Qualifier q, Kind kind,
                                String date, UnitFamily family) {
            int[] qb = ContextFinder.quoteBounds(t, start, end, MAX_QUOTE);
            String clauseDuration = null;
            if (lastDuration != null && kind != Kind.DURATION && lastDuration.end() <= start
                    && start - lastDuration.end() < 40 && noClauseBreak(lastDuration.end(), start)) {
                clauseDuration = lastDuration.text(); // 三年选派62名
            }
            String scope = kind == Kind.OTHER || kind == Kind.YEAR || kind == Kind.DATE ? null : ContextFinder.scope(t, start, clauseDuration);
            int floor = out.isEmpty() ? 0 : out.get(out.size() - 1).end();
            String subject = ContextFinder.subject(t, start, end, kind, floor);
            BigDecimal plain = value == null ? null : ChineseNumerals.normalise(value);
            int srcStart = nt.toSource(start, rawLength);
            int srcEnd = end == 0 ? 0 : nt.toSource(end - 1, rawLength) + 1;
            boolean reported = kind != Kind.OTHER && kind != Kind.YEAR && kind != Kind.ORDINAL;
            boolean future = reported && ContextFinder.isFuture(t, start, end);
            boolean rate = reported && kind != Kind.DATE && ContextFinder.isRate(t, start, end, kind);
            String period = reported && kind != Kind.DATE ? statedPeriod(start) : null;
            return new Candidate(printed.substring(start, end), plain, unit, q, kind,
                    printed.substring(qb[0], qb[1]), subject, scope, date, start, end, qb[0], srcStart, srcEnd,
                    family, future, rate, period);
        }

        /**
         * The period stated before {@code start} in its sentence. Figures come in text order, so
         * only the stretch since the previous figure of the same sentence needs searching.
         */
        private String statedPeriod(int start) {
            boolean sameSentence = periodFigure >= 0 && periodFigure < start && start - periodFigure < 200
                    && noSentenceBreak(periodFigure, start);
            String found = PeriodRules.findStated(t, start, sameSentence ? periodFigure : -1);
            if (found == null && sameSentence) {
                found = periodFound;
            }
            periodFigure = start;
            periodFound = found;
            return found;
        }

        private boolean noSentenceBreak(int from, int to) {
            for (int k = from; k < to; k++) {
                if (ContextFinder.isSentenceEnd(t.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        private boolean noClauseBreak(int from, int to) {
            for (int k = from; k < to; k++) {
                if (ContextFinder.isClauseEnd(t.charAt(k))) {
                    return false;
                }
            }
            return true;
        }
    }
}
