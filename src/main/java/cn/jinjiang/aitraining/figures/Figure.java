package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.Lang;

/** A reported statistic, identified by a stable key; its values are its observations. */
public record Figure(
        long id,
        String key,
        String labelZh,
        String labelEn,
        String category,
        String unitEn,
        boolean headline,
        int sortOrder,
        boolean archived,
        int version) {

    public String label(Lang lang) { return lang.isZh() ? labelZh : labelEn; }
}
