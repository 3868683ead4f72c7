package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import java.time.LocalDate;

/** A publication that reported figures: the newspaper, its date, the article's headline and author. */
public record Source(
        long id,
        String publicationZh,
        String publicationEn,
        LocalDate publishedOn,
        String headlineZh,
        String headlineEn,
        String author,
        String page) {

    public String publication(Lang lang) { return lang.isZh() ? publicationZh : publicationEn; }

    public String headline(Lang lang) {
        String h = lang.isZh() ? headlineZh : headlineEn;
        return h != null && !h.isBlank() ? h : headlineZh;
    }

    public String date(Lang lang) { return DateFormat.format(lang, publishedOn); }

    /** 晋江经济报，2025年5月19日 / Jinjiang Economic News, 19 May 2025 */
    public String citation(Lang lang) {
        return publication(lang) + (lang.isZh() ? "，" : ", ") + date(lang);
    }
}
