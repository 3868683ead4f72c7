package cn.jinjiang.aitraining.dashboard;

import java.util.List;

/**
 * A chart of the dashboard: which figures it shows and the message keys of its title (which states
 * the finding, filled with the figures' displays), caption and axis. Bars run horizontally so
 * long Chinese labels stay readable on a phone.
 */
record ChartSpec(String id, String type, List<String> figureKeys, List<String> titleArgs) {

    /** The dashboard's charts, in page order. */
    static final List<ChartSpec> DASHBOARD = List.of(
            new ChartSpec("ai-learning", "hbar",
                    List.of("ai-learning-activities", "ai-lectures", "ai-headline-lectures-2025", "ai-debate-classes"),
                    List.of("ai-learning-activities", "ai-lectures")),
            new ChartSpec("reach", "hbar",
                    List.of("ai-training-attendance", "cadre-school-attendance-since-2023"),
                    List.of("ai-training-attendance", "cadre-school-attendance-since-2023")),
            new ChartSpec("capacity", "hbar",
                    List.of("cadres-seconded-shanghai-shenzhen", "cadre-school-sessions-since-2023",
                            "special-courses-since-2022", "jinjiang-longhua-classes"),
                    List.of("special-courses-since-2022", "cadre-school-sessions-since-2023")));

    static final String TIMELINE = "timeline";
}
