package cn.jinjiang.aitraining.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people write them: 2025年5月19日 and 19 May 2025. */
public final class DateFormat {
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DateFormat() {}

    public static String format(Lang lang, LocalDate date) {
        if (date == null) return "";
        return (lang.isZh() ? ZH : EN).format(date);
    }
}
