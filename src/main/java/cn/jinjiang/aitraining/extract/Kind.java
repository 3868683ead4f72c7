package cn.jinjiang.aitraining.extract;

/** What a figure measures. The lower-case label is what the JSON output and the web page use. */
public enum Kind {
    /** A number of things or people: 68场, 近9000人次. */
    COUNT,
    /** An amount of money, always normalised to yuan. */
    MONEY,
    /** A length of time: 24小时, 三年. */
    DURATION,
    /** 15%, 百分之十五, 3个百分点. */
    PERCENT,
    /** A calendar date or month: 2月28日, 16日. */
    DATE,
    /** A calendar year: 2022年, 2025年度. */
    YEAR,
    /** A rank, never a count: 第35个, 第三届. */
    ORDINAL,
    /** Numbers that are part of names or measures we do not report: Z12路, 15分钟生活圈. */
    OTHER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
