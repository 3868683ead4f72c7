package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.HistoryEntry;
import cn.jinjiang.aitraining.figures.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a chart shows, in no language yet: the published figures it names (in its order, archived
 * ones dropped), their histories (line charts and number cards: every observation, oldest first),
 * or the dated events of a timeline. The page, its table, CSV, JSON and PNG are all drawn from it.
 */
public record ChartData(Chart chart, List<FigureSnapshot> figures, Map<String, List<HistoryEntry>> histories,
                        List<EventSnapshot> events) {

    public ChartData {
        figures = List.copyOf(figures);
        histories = Map.copyOf(histories);
        events = List.copyOf(events);
    }

    public ChartType type() { return chart.chartType(); }

    /** Whether there is nothing to draw (every figure archived, no dated event). */
    public boolean isEmpty() {
        return type() == ChartType.TIMELINE ? events.isEmpty() : figures.isEmpty();
    }

    /** A figure's history, oldest first; for bar charts only its latest value is shown. */
    public List<HistoryEntry> history(String key) {
        return histories.getOrDefault(key, List.of());
    }

    /** The observations the chart shows, with their sources: the whole history or the latest value of each figure. */
    public List<Shown> shown() {
        List<Shown> out = new ArrayList<>();
        for (FigureSnapshot f : figures) {
            List<HistoryEntry> h = history(f.key());
            if (type() == ChartType.LINE) {
                h.forEach(e -> out.add(new Shown(f, e.observation(), e.source())));
            } else if (type() == ChartType.NUMBER && h.size() > 1) {
                HistoryEntry previous = h.get(h.size() - 2);
                out.add(new Shown(f, previous.observation(), previous.source()));
                out.add(new Shown(f, f.latest(), f.source()));
            } else {
                out.add(new Shown(f, f.latest(), f.source()));
            }
        }
        return out;
    }

    /** One observation a chart shows, with its figure and its source. */
    public record Shown(FigureSnapshot figure, cn.jinjiang.aitraining.figures.Observation observation, Source source) {}

    /** The publications behind what is shown, each once, in the order first met. */
    public List<Source> sources() {
        List<Source> all = type() == ChartType.TIMELINE
                ? events.stream().map(EventSnapshot::source).toList()
                : shown().stream().map(Shown::source).toList();
        List<Source> out = new ArrayList<>();
        for (Source s : all) if (out.stream().noneMatch(o -> o.id() == s.id())) out.add(s);
        return out;
    }

    /**
     * The latest date of what the chart shows: the as-of date of its newest value, or for a timeline
     * the date of the newest report it cites (an event's own date may lie ahead); null when empty.
     */
    public LocalDate lastUpdated() {
        return type() == ChartType.TIMELINE
                ? events.stream().map(e -> e.source().publishedOn()).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null)
                : shown().stream().map(s -> s.observation().asOf()).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null);
    }
}
