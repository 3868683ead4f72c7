package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.accounts.AccountService;
import cn.jinjiang.aitraining.accounts.UserAudit;
import cn.jinjiang.aitraining.accounts.UserService;
import cn.jinjiang.aitraining.admin.charts.ChartReviewKinds;
import cn.jinjiang.aitraining.admin.charts.HeadlineDao;
import cn.jinjiang.aitraining.admin.charts.HeadlineService;
import cn.jinjiang.aitraining.admin.events.AdminEventDao;
import cn.jinjiang.aitraining.admin.events.AdminEventService;
import cn.jinjiang.aitraining.admin.events.EventAudit;
import cn.jinjiang.aitraining.admin.events.EventPublicRecord;
import cn.jinjiang.aitraining.admin.events.EventReviewKinds;
import cn.jinjiang.aitraining.admin.extract.ExtractReviewKind;
import cn.jinjiang.aitraining.admin.extract.ExtractService;
import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.AdminFigureService;
import cn.jinjiang.aitraining.admin.figures.FigureAudit;
import cn.jinjiang.aitraining.admin.figures.FigurePublicRecord;
import cn.jinjiang.aitraining.admin.figures.FigureReviewKinds;
import cn.jinjiang.aitraining.admin.shared.SourceDao;
import cn.jinjiang.aitraining.audit.AuditDao;
import cn.jinjiang.aitraining.audit.AuditJson;
import cn.jinjiang.aitraining.audit.AuditService;
import cn.jinjiang.aitraining.audit.AuditWriter;
import cn.jinjiang.aitraining.audit.RevertReviewKind;
import cn.jinjiang.aitraining.auth.AdminAccounts;
import cn.jinjiang.aitraining.changes.ChangeDao;
import cn.jinjiang.aitraining.changes.ChangeLog;
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
import cn.jinjiang.aitraining.imports.ImportReviewKind;
import cn.jinjiang.aitraining.imports.ImportService;
import cn.jinjiang.aitraining.review.PendingChangeDao;
import cn.jinjiang.aitraining.review.ReviewService;
import cn.jinjiang.aitraining.review.ReviewSettingAudit;
import cn.jinjiang.aitraining.review.SettingDao;
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
        ChangeLog changes,
        AccountService ownAccount,
        UserService users,
        ReviewService review,

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
        // The public record of changes: told by each entity's package, from the public columns of the audit log.
        var changes = new ChangeLog(new ChangeDao(jdbi));
        changes.register(new FigurePublicRecord(writer, figures));
        changes.register(new EventPublicRecord(writer));
        var sessions = new SessionStore(jdbi, clock, json);
        var throttle = new LoginThrottle(jdbi, clock);
        var users = new UserService(jdbi, accounts, writer);
        audit.register(users);
        audit.register(UserAudit.TYPE);
        var imports = new ImportService(jdbi, figureDao, adminFigures);
        var extract = new ExtractService(jdbi, figureDao, adminFigures, adminEvents, new FigureExtractor(), clock);
        // Review before publishing (issue 13): every write path that can wait for a publisher registers its kind here.
        var review = new ReviewService(jdbi, new PendingChangeDao(jdbi), new SettingDao(), auditDao, writer, clock);
        FigureReviewKinds.all(adminFigures).forEach(review::register);
        EventReviewKinds.all(adminEvents).forEach(review::register);
        review.register(new RevertReviewKind(audit));
        review.register(new ExtractReviewKind(extract, adminFigures));
        review.register(new ImportReviewKind(imports));
        audit.register(ReviewSettingAudit.TYPE);
        var charts = new ChartService(jdbi, new ChartDao(), new SiteSettingsDao(), figures, writer);
        ChartReviewKinds.all(charts).forEach(review::register);
        var chartViews = new ChartViews(figures, events, json);
        audit.register(charts);
        audit.register(charts.siteSettingsRevertible());
        audit.register(ChartAudit.CHART);
        audit.register(ChartAudit.SITE);
        return new AppServices(config, database, clock, json, new Assets(), new DataVersion(jdbi),
                figures, events, new DashboardService(figures, events, charts, chartViews, changes),
                accounts, sessions, throttle,
                new LoginFormToken(new AppSecrets(jdbi, clock), clock), adminFigures, adminEvents, audit,
                imports, extract, changes, new AccountService(jdbi, accounts, sessions, throttle, writer), users, review,
                charts, chartViews, new HeadlineService(jdbi, new HeadlineDao(), figureDao, writer));
    }
}
