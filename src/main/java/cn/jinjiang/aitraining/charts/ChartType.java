package cn.jinjiang.aitraining.charts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of chart a dashboard can show; {@code code} is what the database, forms and API use. */
public enum ChartType {
    /** Horizontal bars: one bar per figure, its latest value (long Chinese labels stay readable on a phone). */
    HBAR("hbar"),
    /** Vertical bars: the same, standing. */
    VBAR("vbar"),
    /** The history of one or more figures from their observations, one line per figure. */
    LINE("line"),
    /** Dated events on a time axis, one row per kind. */
    TIMELINE("timeline"),
    /** One figure as a big number with its change since the previous report. */
    NUMBER("number");

    private final String code;

    ChartType(String code) {
        this.code = code;
    }

    public String code() { return code; }

    /** Whether the chart shows figures (every type but the timeline, which shows events). */
    public boolean showsFigures() { return this != TIMELINE; }

    public static Optional<ChartType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    public static ChartType fromCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("unknown chart type " + code));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ChartType::code).toList();
    }
}
