package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.events.EventSnapshot;
import cn.jinjiang.aitraining.events.EventTable;
import cn.jinjiang.aitraining.figures.FigureTable;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.paging.Page;
import java.util.List;

/** Everything the dashboard page shows. */
public record DashboardPage(
        List<FigureSnapshot> headline,
        List<ChartView> charts,
        Page<FigureSnapshot> figures,
        Page<EventSnapshot> events,
        FigureTable figureTable,
        EventTable eventTable) {}
