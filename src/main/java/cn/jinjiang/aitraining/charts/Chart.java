package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.i18n.Lang;
import java.util.List;

/**
 * A chart of the dashboard as stored: its stable slug, type, the figures it shows in order (or, for
 * a timeline, the event kinds; none means every kind), its texts in both languages (a title may
 * carry placeholders, see {@link Placeholders}), its place on the dashboard and whether it is
 * archived. This is also the whole state an audit entry keeps before and after a change.
 */
public record Chart(
        String slug, String type, List<String> figures, List<String> eventKinds,
        String titleZh, String titleEn, String captionZh, String captionEn, String noteZh, String noteEn,
        int position, boolean archived, int version) {

    public Chart {
        figures = figures == null ? List.of() : List.copyOf(figures);
        eventKinds = eventKinds == null ? List.of() : List.copyOf(eventKinds);
    }

    public ChartType chartType() { return ChartType.fromCode(type); }

    /** The title as written, placeholders unfilled. */
    public String titleTemplate(Lang lang) { return lang.isZh() ? titleZh : titleEn; }

    public String caption(Lang lang) { return lang.isZh() ? captionZh : captionEn; }

    /** The optional note, or null. */
    public String note(Lang lang) {
        String n = lang.isZh() ? noteZh : noteEn;
        return n == null || n.isBlank() ? null : n;
    }

    public String url() { return "/charts/" + slug; }

    public Chart withArchived(boolean archived) {
        return new Chart(slug, type, figures, eventKinds, titleZh, titleEn, captionZh, captionEn, noteZh, noteEn,
                position, archived, version);
    }

    /** A chart not saved yet, from a checked definition: for a live preview ({@link ChartViews#data}). */
    public static Chart draft(ChartDefinition d) {
        return new Chart(d.slug(), d.type().code(), d.figures(), d.eventKinds(), d.titleZh(), d.titleEn(), d.captionZh(),
                d.captionEn(), d.noteZh(), d.noteEn(), d.position(), false, 0);
    }

    /** The same chart with another definition, keeping its archived flag and version. */
    Chart withDefinition(ChartDefinition d) {
        return new Chart(d.slug(), d.type().code(), d.figures(), d.eventKinds(), d.titleZh(), d.titleEn(),
                d.captionZh(), d.captionEn(), d.noteZh(), d.noteEn(), d.position(), archived, version);
    }
}
