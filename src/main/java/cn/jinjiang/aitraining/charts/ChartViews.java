package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.web.Json;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.HistoryEntry;
import cn.jinjiang.aitraining.figures.Observation;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.values.Qualifier;
import cn.jinjiang.aitraining.values.Quantity;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads what charts show ({@link ChartData}) and draws it for a page in one language ({@link ChartView}). */
public final class ChartViews {
    /** More points than this make the timeline chart unreadable; the events table lists them all. */
    public static final int TIMELINE_MAX_EVENTS = 40;

    private final FigureService figures;
    private final EventService events;
    private final Json json;

    public ChartViews(FigureService figures, EventService events, Json json) {
        this.figures = figures;
        this.events = events;
        this.json = json;
    }

    public ChartData data(Chart chart) {
        return data(List.of(chart)).get(0);
    }

    /** The data of several charts, their figures read in one query. */
    public List<ChartData> data(List<Chart> charts) {
        Set<String> keys = new LinkedHashSet<>();
        charts.forEach(c -> keys.addAll(c.figures()));
        Map<String, FigureSnapshot> byKey = keys.isEmpty() ? Map.of() : figures.byKeys(List.copyOf(keys)).stream()
                .collect(Collectors.toMap(FigureSnapshot::key, Function.identity()));
        List<ChartData> out = new ArrayList<>();
        for (Chart c : charts) {
            ChartType type = c.chartType();
            if (type == ChartType.TIMELINE) {
                out.add(new ChartData(c, List.of(), Map.of(), events.latestDated(TIMELINE_MAX_EVENTS, c.eventKinds())));
                continue;
            }
            List<FigureSnapshot> shown = c.figures().stream().map(byKey::get).filter(Objects::nonNull).toList();
            Map<String, List<HistoryEntry>> histories = new HashMap<>();
            if (type == ChartType.LINE || type == ChartType.NUMBER) {
                for (FigureSnapshot f : shown) {
                    figures.detail(f.key()).ifPresent(d -> histories.put(f.key(), d.history()));
                }
            }
            out.add(new ChartData(c, shown, histories, List.of()));
        }
        return out;
    }

    public ChartView view(ChartData d, Lang lang) {
        return switch (d.type()) {
            case HBAR, VBAR -> bars(d, lang);
            case LINE -> line(d, lang);
            case TIMELINE -> timeline(d, lang);
            case NUMBER -> number(d, lang);
        };
    }

    /** The chart's title in a language with its placeholders filled from what it shows. */
    public static String title(ChartData d, Lang lang) {
        Chart c = d.chart();
        if (d.type() == ChartType.TIMELINE) {
            List<EventSnapshot> shown = d.events();
            return Placeholders.fill(c.titleTemplate(lang), name -> shown.isEmpty() ? null : switch (name) {
                case Placeholders.COUNT -> String.valueOf(shown.size());
                case Placeholders.FIRST -> shown.get(0).dateText(lang);
                case Placeholders.LAST -> shown.get(shown.size() - 1).dateText(lang);
                default -> null;
            });
        }
        Map<String, FigureSnapshot> byKey = d.figures().stream()
                .collect(Collectors.toMap(FigureSnapshot::key, Function.identity()));
        return Placeholders.fill(c.titleTemplate(lang), name -> {
            FigureSnapshot f = byKey.get(name);
            return f == null ? null : f.display(lang);
        });
    }

    /** "最近更新：2025年5月19日" / "Last updated 19 May 2025", or empty when nothing is shown. */
    public static String lastUpdated(Lang lang, LocalDate date) {
        return date == null ? "" : Messages.get(lang, "chart.last_updated", DateFormat.format(lang, date));
    }

    private ChartView bars(ChartData d, Lang lang) {
        List<FigureSnapshot> shown = d.figures();
        List<ChartView.Row> rows = shown.stream()
                .map(f -> new ChartView.Row(f.label(lang), "/figures/" + f.key(),
                        List.of(f.display(lang), f.latest().period(lang))))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", d.type().code());
        data.put("labels", shown.stream().map(f -> ChartLabels.wrap(f.label(lang))).toList());
        data.put("narrowLabels", shown.stream().map(f -> ChartLabels.wrap(f.label(lang), ChartLabels.NARROW_WIDTH,
                ChartLabels.NARROW_LINES)).toList());
        data.put("fullLabels", shown.stream().map(f -> f.label(lang)).toList());
        data.put("values", shown.stream().map(f -> f.quantity().value()).toList());
        data.put("valueLabels", shown.stream().map(f -> valueLabel(lang, f.quantity())).toList());
        data.put("marks", shown.stream().map(f -> f.quantity().qualifier().mark()).toList());
        data.put("axis", axisTitle(lang, shown));
        data.put("numbers", lang.code());
        return view(d, lang, null, List.of(Messages.get(lang, "table.figure"), Messages.get(lang, "table.value"),
                Messages.get(lang, "table.period")), List.of(true, false), rows, write(data), null);
    }

    /**
     * One line per figure through its observations, oldest first. Two observations whose periods
     * differ (2025年以来, then 累计) are not comparable: the line breaks between them and the legend
     * and the note under the chart say so.
     */
    private ChartView line(ChartData d, Lang lang) {
        List<Map<String, Object>> series = new ArrayList<>();
        List<ChartView.Row> rows = new ArrayList<>();
        boolean anyBreak = false;
        for (FigureSnapshot f : d.figures()) {
            List<Map<String, Object>> points = new ArrayList<>();
            HistoryEntry previous = null;
            boolean broken = false;
            for (HistoryEntry h : d.history(f.key())) {
                Observation o = h.observation();
                if (previous != null && !Objects.equals(previous.observation().periodZh(), o.periodZh())) {
                    broken = true;
                    long middle = (previous.observation().asOf().toEpochDay() + o.asOf().toEpochDay()) / 2;
                    Map<String, Object> gap = new LinkedHashMap<>();
                    gap.put("x", middle);
                    gap.put("y", null);
                    points.add(gap);
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("x", o.asOf().toEpochDay());
                p.put("y", o.value());
                p.put("label", valueLabel(lang, o.quantity()));
                p.put("date", o.asOfText(lang));
                p.put("period", o.period(lang));
                p.put("mark", o.quantity().qualifier().mark());
                points.add(p);
                rows.add(new ChartView.Row(f.label(lang), "/figures/" + f.key(),
                        List.of(o.asOfText(lang), h.display(lang), o.period(lang), h.source().citation(lang))));
                previous = h;
            }
            anyBreak |= broken;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", f.label(lang));
            s.put("legend", broken ? Messages.get(lang, "chart.line.legend_break", f.label(lang)) : f.label(lang));
            s.put("points", points);
            series.add(s);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "line");
        data.put("series", series);
        data.put("axis", axisTitle(lang, d.figures()));
        data.put("numbers", lang.code());
        return view(d, lang, anyBreak ? Messages.get(lang, "chart.line.break_note") : null,
                List.of(Messages.get(lang, "table.figure"), Messages.get(lang, "table.as_of"),
                        Messages.get(lang, "table.value"), Messages.get(lang, "table.period"),
                        Messages.get(lang, "table.source")),
                List.of(false, true, false, false), rows, write(data), null);
    }

    private ChartView timeline(ChartData d, Lang lang) {
        List<EventSnapshot> dated = d.events();
        List<ChartView.Row> rows = dated.stream()
                .map(e -> new ChartView.Row(e.dateText(lang), "/#event-" + e.key(),
                        List.of(e.event().title(lang), e.kindText(lang))))
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
        return view(d, lang, null, List.of(Messages.get(lang, "table.date"), Messages.get(lang, "table.event"),
                Messages.get(lang, "table.kind")), List.of(false, false), rows, write(data), null);
    }

    private ChartView number(ChartData d, Lang lang) {
        FigureSnapshot f = d.figures().get(0);
        List<HistoryEntry> history = d.history(f.key());
        HistoryEntry current = history.isEmpty() ? null : history.get(history.size() - 1);
        HistoryEntry previous = history.size() > 1 ? history.get(history.size() - 2) : null;
        String change = previous == null || current == null ? Messages.get(lang, "chart.number.first")
                : change(lang, previous, current);
        List<ChartView.Row> rows = new ArrayList<>();
        if (previous != null) {
            rows.add(new ChartView.Row(f.label(lang), "/figures/" + f.key(), List.of(
                    previous.observation().asOfText(lang), previous.display(lang), previous.observation().period(lang),
                    previous.source().citation(lang))));
        }
        rows.add(new ChartView.Row(f.label(lang), "/figures/" + f.key(), List.of(f.latest().asOfText(lang),
                f.display(lang), f.latest().period(lang), f.source().citation(lang))));
        var card = new ChartView.NumberCard(f.label(lang), f.display(lang), f.latest().period(lang), change);
        return view(d, lang, null, List.of(Messages.get(lang, "table.figure"), Messages.get(lang, "table.as_of"),
                Messages.get(lang, "table.value"), Messages.get(lang, "table.period"), Messages.get(lang, "table.source")),
                List.of(false, true, false, false), rows, write(Map.of("type", "number")), card);
    }

    /**
     * The change since the previous report, only where it can be computed honestly: the same unit
     * and period, and both values exact or both with the same qualifier (then the change is "about"
     * that much). Otherwise the previous value itself, with its date: "前次：近9,000人次（2025年5月19日）".
     */
    public static String change(Lang lang, HistoryEntry previous, HistoryEntry current) {
        Observation p = previous.observation();
        Observation c = current.observation();
        String when = p.asOfText(lang);
        boolean comparable = p.unit().equals(c.unit()) && Objects.equals(p.periodZh(), c.periodZh())
                && p.qualifier().equals(c.qualifier());
        if (!comparable) return Messages.get(lang, "chart.number.previous", previous.display(lang), when);
        BigDecimal difference = c.value().subtract(p.value());
        if (difference.signum() == 0) return Messages.get(lang, "chart.number.unchanged", when);
        Qualifier qualifier = Qualifier.fromCode(c.qualifier()) == Qualifier.EXACT ? Qualifier.EXACT : Qualifier.ABOUT;
        Quantity amount = new Quantity(difference.abs(), c.unit(), qualifier, null);
        String shown = QuantityFormat.display(lang, amount, current.unitEn());
        return Messages.get(lang, difference.signum() > 0 ? "chart.number.up" : "chart.number.down", shown, when);
    }

    private ChartView view(ChartData d, Lang lang, String breakNote, List<String> columns, List<Boolean> numeric,
                           List<ChartView.Row> rows, String json, ChartView.NumberCard card) {
        Chart c = d.chart();
        return new ChartView(c.slug(), c.type(), title(d, lang), c.caption(lang), c.note(lang), breakNote,
                sourceLine(lang, d.sources()), lastUpdated(lang, d.lastUpdated()), columns, numeric, rows, json, card);
    }

    /** ≈9,000人次 in Chinese; ≈9,000 in English, where the axis title names the unit. */
    static String valueLabel(Lang lang, Quantity q) {
        String label = QuantityFormat.chartLabel(lang, q);
        return lang.isZh() && !q.isMoney() ? label + q.unit() : label;
    }

    /** The unit all the figures share (人次 / Attendances), else 数量 / Count. */
    static String axisTitle(Lang lang, List<FigureSnapshot> shown) {
        Set<String> units = shown.stream().map(f -> f.quantity().unit()).collect(Collectors.toSet());
        if (units.size() != 1) return Messages.get(lang, "chart.axis.count");
        String unit = units.iterator().next();
        if (Quantity.YUAN.equals(unit)) return lang.isZh() ? unit : "CNY";
        if (lang.isZh()) return unit;
        Set<String> nouns = shown.stream().map(f -> f.figure().unitEn()).collect(Collectors.toSet());
        if (nouns.size() != 1 || nouns.contains(null) || nouns.iterator().next().isBlank()) {
            return Messages.get(lang, "chart.axis.count");
        }
        String noun = nouns.iterator().next();
        return noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
    }

    public static String sourceLine(Lang lang, List<Source> sources) {
        String list = sources.stream().map(s -> s.citation(lang)).distinct()
                .collect(Collectors.joining(lang.isZh() ? "；" : "; "));
        return Messages.get(lang, "chart.source", list);
    }

    private String write(Object data) {
        try {
            return json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
