package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.admin.charts.HeadlineDao;
import cn.jinjiang.aitraining.admin.charts.HeadlineService;
import cn.jinjiang.aitraining.admin.events.AdminEventDao;
import cn.jinjiang.aitraining.admin.events.AdminEventService;
import cn.jinjiang.aitraining.admin.events.EventAudit;
import cn.jinjiang.aitraining.admin.extract.ExtractService;
import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureAudit;
import cn.jinjiang.aitraining.admin.shared.SourceDao;
import cn.jinjiang.aitraining.audit.AuditDao;
import cn.jinjiang.aitraining.audit.AuditJson;
import cn.jinjiang.aitraining.audit.AuditService;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.auth.AdminAccounts;
import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.LoginFormToken;
import cn.jinjiang.aitraining.auth.LoginThrottle;
import cn.jinjiang.aitraining.auth.PasswordHasher;
import cn.jinjiang.aitraining.auth.SessionStore;
import cn.jinjiang.aitraining.charts.ChartAudit;
import cn.jinjiang.aitraining.charts.ChartDao;
import cn.jinjiang.aitraining.charts.ChartService;
import cn.jinjiang.aitraining.charts.ChartViews;
import cn.jinjiang.aitraining.charts.SiteSettingsDao;
import cn.jinjiang.aitraining.dashboard.DashboardService;
import cn.jinjiang.aitraining.db.AppSecrets;
import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.events.EventDao;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.extract.FigureExtractor;
import cn.jinjiang.aitraining.figures.FigureDao;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.imports.ImportService;
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
        DashboardService dashboard,
        AdminAccounts accounts,
        SessionStore sessions,
        LoginThrottle throttle,
        LoginFormToken loginTokens,
        AdminFigureService adminFigures,
        AdminEventService adminEvents,
        AuditService audit,
        ImportService imports,
        ExtractService extract,
        ChartService charts,
        ChartViews chartViews,
        HeadlineService headlines) {

    public static AppServices create(AppConfig config, Database database, Clock clock) {
        Json json = new Json();
        FigureService figures = new FigureService(new FigureDao(database.jdbi()));
        EventService events = new EventService(new EventDao(database.jdbi()));
        // The admin area: sessions and throttling live in the database, reached through these instances.
        var jdbi = database.jdbi();
        var accounts = new AdminAccounts(new AdminUserDao(jdbi), new PasswordHasher(), clock);
        // Audit entries are stored by a mapper of their own, never the public API's.
        var auditJson = new AuditJson();
        var auditDao = new AuditDao(jdbi);
        var writer = new AuditWriter(auditDao, auditJson, clock);
        var sources = new SourceDao();
        var figureDao = new AdminFigureDao(jdbi);
        var adminFigures = new AdminFigureService(jdbi, figureDao, sources, writer);
        var adminEvents = new AdminEventService(jdbi, new AdminEventDao(jdbi), sources, writer);
        var audit = new AuditService(jdbi, auditDao, auditJson);
        audit.register(adminFigures);
        audit.register(adminEvents);
        audit.register(FigureAudit.TYPE);
        audit.register(EventAudit.TYPE);
        var charts = new ChartService(jdbi, new ChartDao(), new SiteSettingsDao(), figures, writer);
        var chartViews = new ChartViews(figures, events, json.mapper());
        audit.register(charts);
        audit.register(charts.siteSettingsRevertible());
        audit.register(ChartAudit.CHART);
        audit.register(ChartAudit.SITE);
        return new AppServices(config, database, clock, json, new Assets(), new DataVersion(jdbi),
                figures, events, new DashboardService(figures, events, charts, chartViews),
                accounts, new SessionStore(jdbi, clock, json.mapper()), new LoginThrottle(jdbi, clock),
                new LoginFormToken(new AppSecrets(jdbi, clock), clock), adminFigures, adminEvents, audit,
                new ImportService(jdbi, figureDao, adminFigures), new ExtractService(jdbi, figureDao, adminFigures, adminEvents, new FigureExtractor()),
                charts, chartViews, new HeadlineService(jdbi, new HeadlineDao(), figureDao, writer));
    }
}
