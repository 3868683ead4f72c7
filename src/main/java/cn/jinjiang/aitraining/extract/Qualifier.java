package cn.jinjiang.aitraining.extract;

/** How exact a reported figure is, as the text says it (近 / 超 / 约 / 多). */
public enum Qualifier {
    /** No qualifier. 累计, 共计, 达 only say "in total" and leave a figure exact. */
    EXACT,
    /** 近, 将近, 接近. */
    NEARLY,
    /** 超, 超过, 逾, 突破, 以上. */
    OVER,
    /** 约, 大约, 左右. */
    ABOUT,
    /** 多 or 余 after the number: 40多名, 三千余. */
    PLUS;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Qualifier fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
