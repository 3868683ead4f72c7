package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.dashboard.DashboardService;
import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.events.EventDao;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.figures.FigureDao;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.web.Assets;
import cn.jinjiang.aitraining.web.Json;
import java.time.Clock;

/** Builds every service once from the database; the web app and the commands share it. */
public record AppServices(
        AppConfig config,
        Database database,
        Clock clock,
        Json json,
        Assets assets,
        DataVersion dataVersion,
        FigureService figures,
        EventService events,
        DashboardService dashboard) {

    public static AppServices create(AppConfig config, Database database, Clock clock) {
        Json json = new Json();
        FigureService figures = new FigureService(new FigureDao(database.jdbi()));
        EventService events = new EventService(new EventDao(database.jdbi()));
        return new AppServices(config, database, clock, json, new Assets(), new DataVersion(database.jdbi()),
                figures, events, new DashboardService(figures, events, json.mapper()));
    }
}
