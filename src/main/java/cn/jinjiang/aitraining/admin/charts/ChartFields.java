package cn.jinjiang.aitraining.admin.charts;

import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.charts.Chart;
import cn.jinjiang.aitraining.charts.ChartForm;
import cn.jinjiang.aitraining.charts.ChartType;
import java.util.List;
import java.util.Map;

/**
 * The chart form's fields, declared once: {@link #FORM} is what the form shows, in page order (the
 * names are the ones {@link ChartForm} reads, which scripts post); {@link #ALL} is how the conflict
 * page compares what is saved with what was sent. Checking is {@code ChartService.validate}'s.
 */
public final class ChartFields {
    private ChartFields() {}

    public static final List<FormField> FORM = List.of(
            FormField.text("slug", true, 60, "admin.hint.chart_slug"),
            FormField.select("type", ChartType.codes(), "chart.type."),
            FormField.text("figures", false, 1000, "admin.hint.chart_figures"),
            FormField.text("event_kinds", false, 200, "admin.hint.chart_event_kinds"),
            FormField.area("title_zh", true, 300, "admin.hint.chart_title"),
            FormField.area("title_en", true, 300, "admin.hint.chart_title"),
            FormField.area("caption_zh", true, 500, null),
            FormField.area("caption_en", true, 500, null),
            FormField.area("note_zh", false, 500, "admin.hint.optional"),
            FormField.area("note_en", false, 500, "admin.hint.optional"),
            FormField.text("position", false, 4, "admin.hint.chart_position"),
            FormField.area("reason", true, 500, "admin.hint.reason"));

    /** The form's values as a chart form (what {@code ChartService.validate} checks). */
    public static ChartForm chartForm(Map<String, String> values) {
        return ChartForm.read(values::get);
    }

    public static final List<EditableField<Chart, Map<String, String>>> ALL = List.of(
            new EditableField<>("slug", Chart::slug, v -> v.get("slug")),
            new EditableField<>("type", Chart::type, v -> v.get("type")),
            new EditableField<>("figures", c -> String.join(", ", c.figures()), v -> v.get("figures")),
            new EditableField<>("event_kinds", c -> String.join(", ", c.eventKinds()), v -> v.get("event_kinds")),
            new EditableField<>("title_zh", Chart::titleZh, v -> v.get("title_zh")),
            new EditableField<>("title_en", Chart::titleEn, v -> v.get("title_en")),
            new EditableField<>("caption_zh", Chart::captionZh, v -> v.get("caption_zh")),
            new EditableField<>("caption_en", Chart::captionEn, v -> v.get("caption_en")),
            new EditableField<>("note_zh", Chart::noteZh, v -> v.get("note_zh")),
            new EditableField<>("note_en", Chart::noteEn, v -> v.get("note_en")),
            new EditableField<>("position", c -> String.valueOf(c.position()), v -> v.get("position")));
}
