package cn.jinjiang.aitraining.i18n;

import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where reported amounts become text. Chinese keeps the source's wording and its
 * 万/亿 magnitudes (近9,000人次, 2.77亿元, 突破1万学时, 40多名); English spells the qualifier out
 * (nearly 9,000 attendances, CNY 277 million, over 10,000 study hours, 40+ officials).
 */
public final class QuantityFormat {
    private static final BigDecimal WAN = new BigDecimal("1E4");
    private static final BigDecimal YI = new BigDecimal("1E8");
    private static final BigDecimal MILLION = new BigDecimal("1E6");
    private static final BigDecimal BILLION = new BigDecimal("1E9");

    /** English nouns for Chinese units, used when a figure names none of its own. */
    private static final Map<String, String> UNIT_EN = Map.ofEntries(
            Map.entry("人次", "attendances"), Map.entry("名", "people"), Map.entry("人", "people"),
            Map.entry("学时", "study hours"), Map.entry("小时", "hours"), Map.entry("天", "days"),
            Map.entry("场", "events"), Map.entry("期", "sessions"), Map.entry("次", "times"),
            Map.entry("项", "items"), Map.entry("支", "teams"), Map.entry("家", "organisations"),
            Map.entry("所", "institutions"), Map.entry("个", ""));

    private QuantityFormat() {}

    /** The full display in the given language, e.g. 近9,000人次 or "nearly 9,000 attendances". */
    public static String display(Lang lang, Quantity q, String unitEn) {
        return lang.isZh() ? zh(q) : en(q, unitEn);
    }

    public static String zh(Quantity q) {
        String number = zhNumber(q.value());
        String word = q.word();
        String unit = q.unit();
        if (q.qualifier() == Qualifier.EXACT || word.isEmpty()) return number + unit;
        if (isAfterUnit(word)) return number + unit + word;
        if (isAfterNumber(word)) return number + word + unit;
        return word + number + unit;
    }

    public static String en(Quantity q, String unitEn) {
        String amount;
        if (q.isMoney()) {
            amount = "CNY " + enNumber(q.value()) + (q.qualifier() == Qualifier.PLUS ? "+" : "");
        } else {
            String number = enNumber(q.value()) + (q.qualifier() == Qualifier.PLUS ? "+" : "");
            String noun = nounFor(q, unitEn);
            amount = noun.isEmpty() ? number : number + " " + noun;
        }
        return switch (q.qualifier()) {
            case EXACT, PLUS -> amount;
            case ABOUT -> "about " + amount;
            case NEARLY -> "nearly " + amount;
            case OVER -> "over " + amount;
        };
    }

    /** A short label for charts: the qualifier's mark and the number, e.g. ≈9,000 or >1万 or 40+. */
    public static String chartLabel(Lang lang, Quantity q) {
        String number = lang.isZh() ? zhNumber(q.value()) : enNumber(q.value());
        if (q.isMoney()) number = lang.isZh() ? number + "元" : "CNY " + number;
        return switch (q.qualifier()) {
            case EXACT -> number;
            case PLUS -> number + "+";
            default -> q.qualifier().mark() + number;
        };
    }

    /** 9,000 / 1万 / 2.77亿 / 12,345: 万 and 亿 only where they give a short exact number. */
    public static String zhNumber(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(YI) >= 0) {
            BigDecimal scaled = value.divide(YI);
            if (decimals(scaled) <= 4) return plain(scaled) + "亿";
        }
        if (abs.compareTo(WAN) >= 0) {
            BigDecimal scaled = value.divide(WAN);
            if (decimals(scaled) <= 2) return grouped(scaled, Locale.ROOT) + "万";
        }
        return grouped(value, Locale.ROOT);
    }

    /** 9,000 / 277 million / 1.5 billion: millions only where they give a short exact number. */
    public static String enNumber(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(BILLION) >= 0) {
            BigDecimal scaled = value.divide(BILLION);
            if (decimals(scaled) <= 3) return grouped(scaled, Locale.ROOT) + " billion";
        }
        if (abs.compareTo(MILLION) >= 0) {
            BigDecimal scaled = value.divide(MILLION);
            if (decimals(scaled) <= 3) return grouped(scaled, Locale.ROOT) + " million";
        }
        return grouped(value, Locale.ROOT);
    }

    /** A plain machine number for CSV and JSON: no grouping, no exponent, no trailing zeros. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < 0) stripped = stripped.setScale(0, RoundingMode.UNNECESSARY);
        return stripped.toPlainString();
    }

    static String nounFor(Quantity q, String unitEn) {
        String noun = unitEn != null && !unitEn.isBlank() ? unitEn : UNIT_EN.getOrDefault(q.unit(), q.unit());
        return q.value().compareTo(BigDecimal.ONE) == 0 && q.qualifier() == Qualifier.EXACT ? singular(noun) : noun;
    }

    /** Enough English to say "1 study hour" and "1 class" rather than "1 study hours". */
    static String singular(String noun) {
        if (noun.endsWith("ies")) return noun.substring(0, noun.length() - 3) + "y";
        if (noun.endsWith("sses") || noun.endsWith("shes") || noun.endsWith("ches") || noun.endsWith("xes")) {
            return noun.substring(0, noun.length() - 2);
        }
        if (noun.endsWith("people")) return noun.substring(0, noun.length() - 6) + "person";
        if (noun.endsWith("s") && !noun.endsWith("ss")) return noun.substring(0, noun.length() - 1);
        return noun;
    }

    private static int decimals(BigDecimal v) {
        return Math.max(0, v.stripTrailingZeros().scale());
    }

    private static String grouped(BigDecimal v, Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(v);
    }

    /** 100人以上, 100人左右: the word follows the unit. */
    private static boolean isAfterUnit(String word) { return word.equals("以上") || word.equals("左右"); }
    /** 40多名, 三千余人: the word sits between the number and the unit. */
    private static boolean isAfterNumber(String word) { return word.equals("多") || word.equals("余"); }
}
