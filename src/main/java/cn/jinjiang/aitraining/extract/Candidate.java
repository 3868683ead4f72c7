package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.values.Qualifier;
import java.math.BigDecimal;

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
        int sourceEnd) {

    /** Offset of {@code text} inside {@code quote}, for highlighting. */
    public int spanStartInQuote() {
        return start - quoteStart;
    }

    /** End offset (exclusive) of {@code text} inside {@code quote}. */
    public int spanEndInQuote() {
        return end - quoteStart;
    }
}
