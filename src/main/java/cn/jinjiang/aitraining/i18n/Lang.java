package cn.jinjiang.aitraining.i18n;

import java.util.Locale;
import java.util.Optional;

/** The two languages of the interface. Chinese is the default. */
public enum Lang {
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN("en", Locale.UK, "en");

    private final String code;
    private final Locale locale;
    private final String htmlLang;

    Lang(String code, Locale locale, String htmlLang) {
        this.code = code;
        this.locale = locale;
        this.htmlLang = htmlLang;
    }

    public String code() { return code; }
    public Locale locale() { return locale; }
    public String htmlLang() { return htmlLang; }
    public boolean isZh() { return this == ZH; }

    /** Parses a {@code lang} parameter or cookie; anything unknown is empty, never an error. */
    public static Optional<Lang> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("zh") || v.startsWith("zh-") || v.startsWith("zh_")) return Optional.of(ZH);
        if (v.equals("en") || v.startsWith("en-") || v.startsWith("en_")) return Optional.of(EN);
        return Optional.empty();
    }

    /** Picks the first supported language of an Accept-Language header, by quality. */
    public static Optional<Lang> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) continue;
                Optional<Lang> lang = parse(range.getRange());
                if (lang.isPresent()) return lang;
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
