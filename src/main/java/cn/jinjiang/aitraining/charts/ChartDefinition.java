package cn.jinjiang.aitraining.charts;

import java.util.List;

/** A checked chart definition, ready to save: what {@link ChartService#validate} makes of a {@link ChartForm}. */
public record ChartDefinition(
        String slug, ChartType type, List<String> figures, List<String> eventKinds,
        String titleZh, String titleEn, String captionZh, String captionEn, String noteZh, String noteEn,
        int position) {

    public ChartDefinition {
        figures = List.copyOf(figures);
        eventKinds = List.copyOf(eventKinds);
    }
}
