package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One reported figure found in a text.
 *
 * <p>Offsets {@code start}/{@code end} refer to the normalised text (OCR lines joined, full-width
 * digits made half-width), which is also where {@code text} and {@code quote} come from;
 * {@code sourceStart}/{@code sourceEnd} map the span back to the raw input so callers can point at
 * the original page.
 *
 * @param text the exact span, qualifier included, e.g. {@code 近9000人次}
 * @param value plain value (277000000 for 2.77亿元); null for dates
 * @param unit normalised unit (元 for all money), empty when there is none
 * @param qualifier exact, nearly, over, about or plus
 * @param kind count, money, duration, percent, date, year, ordinal or other
 * @param quote the sentence or clause around the span, at most {@value FigureExtractor#MAX_QUOTE} chars
 * @param subject best-effort: what is counted (干部, 场景项目), or null
 * @param scope best-effort: the time frame (今年以来, 自2022年起, 三年), or null
 * @param date ISO date for {@link Kind#DATE} (YYYY-MM-DD, YYYY-MM, --MM-DD, ---DD), else null
 * @param start span start in the normalised text
 * @param end span end (exclusive) in the normalised text
 * @param quoteStart where {@code quote} starts in the normalised text
 * @param sourceStart span start in the raw input
 * @param sourceEnd span end (exclusive) in the raw input
 * @param unitFamily what the unit counts (people, events, money ...), for matching against figures
 * @param future the sentence states a plan or forecast (将, 拟, 计划, 预计, 即将), not a result
 * @param rate a per-day/per-person/per-year amount or a ratio (日均, 每年, 人均, …率), not a total
 * @param statedPeriod the period expression nearest before the figure in its sentence, in simplified
 *     characters (今年以来, 1—9月, 累计), or null; {@link PeriodRules#normalise} reads it
 */
public record Candidate(
        String text,
        BigDecimal value,
        String unit,
        Qualifier qualifier,
        Kind kind,
        String quote,
        String subject,
        String scope,
        String date,
        int start,
        int end,
        int quoteStart,
        int sourceStart,
        int sourceEnd,
        UnitFamily unitFamily,
        boolean future,
        boolean rate,
        String statedPeriod) {

    /** The shape before flags and families were added: family from kind and unit, no flags, no period. */
    public Candidate(String text, BigDecimal value, String unit, Qualifier qualifier, Kind kind, String quote,
                     String subject, String scope, String date, int start, int end, int quoteStart,
                     int sourceStart, int sourceEnd) {
        this(text, value, unit, qualifier, kind, quote, subject, scope, date, start, end, quoteStart,
                sourceStart, sourceEnd, UnitFamily.of(kind, unit, '\0'), false, false, null);
    }

    /** Flags as labels, e.g. {@code ["future"]}, {@code ["rate"]}; empty when neither applies. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>(2);
        if (future) {
            flags.add("future");
        }
        if (rate) {
            flags.add("rate");
        }
        return List.copyOf(flags);
    }

    /** Offset of {@code text} inside {@code quote}, for highlighting. */
    public int spanStartInQuote() {
        return start - quoteStart;
    }

    /** End offset (exclusive) of {@code text} inside {@code quote}. */
    public int spanEndInQuote() {
        return end - quoteStart;
    }
}
