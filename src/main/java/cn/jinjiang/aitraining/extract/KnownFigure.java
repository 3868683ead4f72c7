package cn.jinjiang.aitraining.extract;

/**
 * An existing figure as the suggester sees it: its names and its latest report. Built by the
 * callers from the database (the admin page and {@code extract --db}); the extractor itself never
 * reads one.
 *
 * @param unit the latest report's unit (人次, 场, 元 ...)
 * @param periodZh the latest report's period (2025年以来, 累计, 三年)
 * @param periodEn the same period in English
 * @param quote the latest report's quote, or null
 */
public record KnownFigure(String key, String labelZh, String labelEn, String unit, String periodZh, String periodEn,
                          String quote) {
}
