package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.events.EventTable;
import cn.jinjiang.aitraining.figures.FigureQuery;
import cn.jinjiang.aitraining.figures.FigureTable;
import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the dashboard: headline cards, charts with their tables, the figures and events tables. */
public final class DashboardService {
    public static final int TABLE_PAGE_SIZE = 50;
    /** More points than this make the timeline chart unreadable; the table below lists them all. */
    static final int TIMELINE_MAX_EVENTS = 40;

    private final FigureService figures;
    private final EventService events;
    private final ObjectMapper json;

    public DashboardService(FigureService figures, EventService events, ObjectMapper json) {
        this.figures = figures;
        this.events = events;
        this.json = json;
    }

    public DashboardPage page(Lang lang, int figurePage, int eventPage) {
        return page(lang, FigureQuery.ALL, figurePage, EventQuery.ALL, eventPage);
    }

    /** The dashboard with its two tables filtered, sorted and paged as the URL asks. */
    public DashboardPage page(Lang lang, FigureQuery figureQuery, int figurePage, EventQuery eventQuery, int eventPage) {
        List<FigureSnapshot> headline = figures.headline();
        List<ChartView> charts = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        ChartSpec.DASHBOARD.forEach(spec -> keys.addAll(spec.figureKeys()));
        Map<String, FigureSnapshot> byKey = figures.byKeys(List.copyOf(keys)).stream()
                .collect(Collectors.toMap(FigureSnapshot::key, Function.identity()));
        for (ChartSpec spec : ChartSpec.DASHBOARD) {
            List<FigureSnapshot> shown = spec.figureKeys().stream().map(byKey::get).filter(f -> f != null).toList();
            if (!shown.isEmpty()) charts.add(figureChart(lang, spec, shown, byKey));
        }
        List<EventSnapshot> dated = events.latestDated(TIMELINE_MAX_EVENTS);
        if (!dated.isEmpty()) charts.add(timeline(lang, dated));
        var figureRows = figures.table(figureQuery, lang, figurePage, TABLE_PAGE_SIZE);
        var eventRows = events.table(eventQuery, eventPage, TABLE_PAGE_SIZE);
        String eventState = FigureTable.join(eventQuery.queryString(), "ep=" + eventRows.number());
        String figureState = FigureTable.join(figureQuery.queryString(), "fp=" + figureRows.number());
        return new DashboardPage(headline, charts, figureRows, eventRows,
                new FigureTable(figureRows, figureQuery, "/", "fp", eventState),
                new EventTable(eventRows, eventQuery, "/", "ep", figureState));
    }

    private ChartView figureChart(Lang lang, ChartSpec spec, List<FigureSnapshot> shown, Map<String, FigureSnapshot> byKey) {
        boolean allArgs = spec.titleArgs().stream().allMatch(byKey::containsKey);
        String title = allArgs
                ? Messages.get(lang, "chart." + spec.id() + ".title",
                        spec.titleArgs().stream().map(k -> byKey.get(k).display(lang)).toArray())
                : Messages.get(lang, "chart." + spec.id() + ".name");
        List<ChartView.Row> rows = shown.stream()
                .map(f -> new ChartView.Row(f.label(lang), f.display(lang),
                        f.latest().period(lang), "/figures/" + f.key()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", spec.type());
        data.put("labels", shown.stream().map(f -> f.label(lang)).toList());
        data.put("values", shown.stream().map(f -> f.quantity().value()).toList());
        data.put("valueLabels", shown.stream().map(f -> valueLabel(lang, f)).toList());
        data.put("marks", shown.stream().map(f -> f.quantity().qualifier().mark()).toList());
        data.put("axis", Messages.get(lang, "chart." + spec.id() + ".axis"));
        List<String> columns = List.of(Messages.get(lang, "table.figure"), Messages.get(lang, "table.value"),
                Messages.get(lang, "table.period"));
        return new ChartView(spec.id(), title, Messages.get(lang, "chart." + spec.id() + ".caption"),
                sourceLine(lang, shown.stream().map(FigureSnapshot::source).toList()), columns, rows, write(data));
    }

    private ChartView timeline(Lang lang, List<EventSnapshot> dated) {
        LocalDate first = dated.get(0).event().date();
        List<ChartView.Row> rows = dated.stream()
                .map(e -> new ChartView.Row(e.dateText(lang), e.event().title(lang), e.kindText(lang), "#event-" + e.key()))
                .toList();
        List<String> kinds = dated.stream().map(e -> e.event().kind()).distinct().toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "timeline");
        data.put("kinds", kinds.stream().map(k -> Messages.get(lang, "event.kind." + k)).toList());
        data.put("points", dated.stream().map(e -> Map.of(
                "day", e.event().date().toEpochDay(),
                "kind", kinds.indexOf(e.event().kind()),
                "date", e.dateText(lang),
                "title", e.event().title(lang))).toList());
        data.put("axis", Messages.get(lang, "chart.timeline.axis"));
        String title = Messages.get(lang, "chart.timeline.title", dated.size(), dated.get(0).dateText(lang),
                dated.get(dated.size() - 1).dateText(lang));
        List<String> columns = List.of(Messages.get(lang, "table.date"), Messages.get(lang, "table.event"),
                Messages.get(lang, "table.kind"));
        return new ChartView(ChartSpec.TIMELINE, title, Messages.get(lang, "chart.timeline.caption"),
                sourceLine(lang, dated.stream().map(EventSnapshot::source).toList()), columns, rows, write(data));
    }

    /** ≈9,000人次 in Chinese; ≈9,000 in English, where the axis title names the unit. */
    private static String valueLabel(Lang lang, FigureSnapshot f) {
        String label = QuantityFormat.chartLabel(lang, f.quantity());
        return lang.isZh() && !f.quantity().isMoney() ? label + f.quantity().unit() : label;
    }

    private static String sourceLine(Lang lang, List<Source> sources) {
        String list = sources.stream().map(s -> s.citation(lang)).distinct()
                .collect(Collectors.joining(lang.isZh() ? "；" : "; "));
        return Messages.get(lang, "chart.source", list);
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
