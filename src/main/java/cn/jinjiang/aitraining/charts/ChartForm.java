package cn.jinjiang.aitraining.charts;

import java.util.function.Function;

/**
 * What a chart form posts, as typed: {@code figures} and {@code event_kinds} are keys separated by
 * commas, in order; {@code position} may be empty (then the chart goes last). Checked by
 * {@link ChartService#validate}.
 */
public record ChartForm(
        String slug, String type, String figures, String eventKinds, String titleZh, String titleEn,
        String captionZh, String captionEn, String noteZh, String noteEn, String position) {

    /** The form's field names, in form order (also the keys of its field errors). */
    public static final java.util.List<String> FIELDS = java.util.List.of("slug", "type", "figures", "event_kinds",
            "title_zh", "title_en", "caption_zh", "caption_en", "note_zh", "note_en", "position");

    /** Reads the fields from request parameters (or any lookup by field name). */
    public static ChartForm read(Function<String, String> param) {
        return new ChartForm(param.apply("slug"), param.apply("type"), param.apply("figures"),
                param.apply("event_kinds"), param.apply("title_zh"), param.apply("title_en"),
                param.apply("caption_zh"), param.apply("caption_en"), param.apply("note_zh"), param.apply("note_en"),
                param.apply("position"));
    }

    /** A saved chart as its edit form shows it. */
    public static ChartForm of(Chart c) {
        return new ChartForm(c.slug(), c.type(), String.join(", ", c.figures()), String.join(", ", c.eventKinds()),
                c.titleZh(), c.titleEn(), c.captionZh(), c.captionEn(), c.noteZh(), c.noteEn(),
                String.valueOf(c.position()));
    }
}
