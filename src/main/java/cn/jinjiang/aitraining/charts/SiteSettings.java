package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.i18n.Lang;

/**
 * The dashboard's own texts in both languages: its title, the subtitle under it, the footer note,
 * and the programme's short name. Stored as rows of {@code setting} ({@code site.title_zh} …) that
 * share one version, for optimistic locking of the form that edits them.
 */
public record SiteSettings(
        String titleZh, String titleEn, String subtitleZh, String subtitleEn, String footerZh, String footerEn,
        String programmeZh, String programmeEn, int version) {

    public String title(Lang lang) { return lang.isZh() ? titleZh : titleEn; }

    public String subtitle(Lang lang) { return lang.isZh() ? subtitleZh : subtitleEn; }

    public String footer(Lang lang) { return lang.isZh() ? footerZh : footerEn; }

    public String programme(Lang lang) { return lang.isZh() ? programmeZh : programmeEn; }
}
