package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.charts.ChartView;
import cn.jinjiang.aitraining.charts.SiteSettings;
import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.events.EventTable;
import cn.jinjiang.aitraining.figures.FigureTable;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.paging.Page;
import java.util.List;

/**
 * Everything the dashboard page shows: the site's texts, when its data last changed ("最近更新：…",
 * empty when there is nothing), the headline cards, the charts, the figures and events tables.
 */
public record DashboardPage(
        SiteSettings site,
        String lastUpdated,
        List<FigureSnapshot> headline,
        List<ChartView> charts,
        Page<FigureSnapshot> figures,
        Page<EventSnapshot> events,
        FigureTable figureTable,
        EventTable eventTable) {}
