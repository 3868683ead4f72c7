package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.changes.ChangeLog;
import cn.jinjiang.aitraining.charts.ChartData;
import cn.jinjiang.aitraining.charts.ChartService;
import cn.jinjiang.aitraining.charts.ChartView;
import cn.jinjiang.aitraining.charts.ChartViews;
import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.events.EventTable;
import cn.jinjiang.aitraining.figures.FigureQuery;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.figures.FigureTable;
import cn.jinjiang.aitraining.i18n.Lang;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Builds the dashboard from its definition in the database: the site's texts, the headline cards,
 * the charts in their order (a chart with nothing left to show is left out), and the figures and
 * events tables.
 */
public final class DashboardService {
    public static final int TABLE_PAGE_SIZE = 50;

    private final FigureService figures;
    private final EventService events;
    private final ChartService charts;
    private final ChartViews chartViews;
    private final ChangeLog changes;

    public DashboardService(FigureService figures, EventService events, ChartService charts, ChartViews chartViews,
                            ChangeLog changes) {
        this.figures = figures;
        this.events = events;
        this.charts = charts;
        this.chartViews = chartViews;
        this.changes = changes;
    }

    public DashboardPage page(Lang lang, int figurePage, int eventPage) {
        return page(lang, FigureQuery.ALL, figurePage, EventQuery.ALL, eventPage);
    }

    /** The dashboard with its two tables filtered, sorted and paged as the URL asks. */
    public DashboardPage page(Lang lang, FigureQuery figureQuery, int figurePage, EventQuery eventQuery, int eventPage) {
        List<FigureSnapshot> headline = figures.headline();
        List<ChartData> data = chartViews.data(charts.published()).stream().filter(d -> !d.isEmpty()).toList();
        List<ChartView> views = new ArrayList<>();
        data.forEach(d -> views.add(chartViews.view(d, lang)));
        // "Last updated" is the newer of the newest report shown and the newest published change
        // (ChangeLog: what /changes and its feed say), so the dashboard and /changes agree.
        LocalDate lastUpdated = Stream.of(headline.stream().map(f -> f.latest().asOf()),
                        data.stream().map(ChartData::lastUpdated), changes.lastPublishedDate().stream())
                .flatMap(s -> s)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        var figureRows = figures.table(figureQuery, lang, figurePage, TABLE_PAGE_SIZE);
        var eventRows = events.table(eventQuery, eventPage, TABLE_PAGE_SIZE);
        String eventState = FigureTable.join(eventQuery.queryString(), "ep=" + eventRows.number());
        String figureState = FigureTable.join(figureQuery.queryString(), "fp=" + figureRows.number());
        return new DashboardPage(charts.siteSettings(), ChartViews.lastUpdated(lang, lastUpdated), headline, views,
                figureRows, eventRows,
                new FigureTable(figureRows, figureQuery, "/", "fp", eventState),
                new EventTable(eventRows, eventQuery, "/", "ep", figureState));
    }
}
