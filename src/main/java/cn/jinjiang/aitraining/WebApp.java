package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.accounts.AccountController;
import cn.jinjiang.aitraining.accounts.UserController;
import cn.jinjiang.aitraining.admin.AdminController;
import cn.jinjiang.aitraining.admin.charts.ChartEditController;
import cn.jinjiang.aitraining.admin.charts.DashboardSettingsController;
import cn.jinjiang.aitraining.admin.events.EventEditController;
import cn.jinjiang.aitraining.admin.extract.ExtractController;
import cn.jinjiang.aitraining.admin.figures.FigureEditController;
import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.audit.AuditController;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.LoginController;
import cn.jinjiang.aitraining.changes.ChangeController;
import cn.jinjiang.aitraining.charts.ChartController;
import cn.jinjiang.aitraining.charts.ChartImage;
import cn.jinjiang.aitraining.dashboard.DashboardController;
import cn.jinjiang.aitraining.export.ApiController;
import cn.jinjiang.aitraining.export.ExportController;
import cn.jinjiang.aitraining.figures.FigureController;
import cn.jinjiang.aitraining.imports.ImportController;
import cn.jinjiang.aitraining.imports.ImportService;
import cn.jinjiang.aitraining.preview.PreviewController;
import cn.jinjiang.aitraining.preview.PreviewRenderer;
import cn.jinjiang.aitraining.ops.Operations;
import cn.jinjiang.aitraining.review.ReviewController;
import cn.jinjiang.aitraining.review.SettingsController;
import cn.jinjiang.aitraining.web.BodyLimits;
import cn.jinjiang.aitraining.web.DatabaseUnavailable;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.PerDataVersion;
import cn.jinjiang.aitraining.web.PersistedRenders;
import cn.jinjiang.aitraining.web.ProxyTrust;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.JettyErrorPages;
import cn.jinjiang.aitraining.web.RequestNormalizer;
import cn.jinjiang.aitraining.web.RequestObserver;
import cn.jinjiang.aitraining.web.SecurityHeaders;
import cn.jinjiang.aitraining.web.SlowBodyLimit;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.SizeUnit;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/** The one place that lists every route and filter. Returns an unstarted app. */
public final class WebApp {
    private WebApp() {}

    public static Javalin create(AppServices s) {
        // The layout shows the site's texts (as staff set them) on every page, read once per data version.
        Views views = new Views(s.assets(), new PerDataVersion<>(s.dataVersion(), s.charts()::siteSettings));
        ErrorPages errors = new ErrorPages(views, s.json());
        // Renders are kept in the database too, so a restarted server answers its first visitors at once.
        var persisted = new PersistedRenders(s.database().jdbi(), PersistedRenders.scope(s.config().embedOrigins().toString()));
        HttpCache cache = new HttpCache(s.dataVersion(), persisted);

        var dashboard = new DashboardController(s.dashboard(), views, cache);
        var figures = new FigureController(s.figures(), s.changes(), views, s.json(), cache, errors);
        var changes = new ChangeController(s.changes(), views, s.json(), cache);
        var api = new ApiController(s.figures(), s.events(), s.json(), cache, errors);
        var exports = new ExportController(s.figures(), s.events(), cache);
        var previewRenderer = new PreviewRenderer();
        var preview = new PreviewController(s.figures(), previewRenderer, cache);
        var charts = new ChartController(s.charts(), s.chartViews(), new ChartImage(previewRenderer.painter()), views,
                s.json(), cache, s.config().embedOrigins());

        var proxy = new ProxyTrust(s.config().behindProxy(), s.config().trustedProxies());
        // Operators: the data version poll, metrics and access log (started and stopped with the server).
        Operations ops = Operations.create(s.config().ops(), s.dataVersion(), s.database().pool(), cache);
        var observer = new RequestObserver(proxy, ops.requestListeners());
        var guard = new AdminGuard(s.sessions(), s.loginTokens(), errors, proxy);
        var login = new LoginController(s.accounts(), s.sessions(), s.throttle(), guard, views);
        var pages = new AdminPages(views, s.clock());
        var admin = new AdminController(s.adminFigures(), s.adminEvents(), views, s.review());
        var figureForms = new FigureEditController(s.adminFigures(), pages, views, s.review());
        var eventForms = new EventEditController(s.adminEvents(), pages, views, s.review());
        var audit = new AuditController(s.audit(), views, s.review());
        var imports = new ImportController(s.imports(), views, pages, s.review());
        var extract = new ExtractController(s.extract(), views, pages, s.review());
        var review = new ReviewController(s.review(), pages, views);
        var settings = new SettingsController(s.review(), views);
        var account = new AccountController(s.ownAccount(), guard, views);
        var users = new UserController(s.users(), views);
        var chartForms = new ChartEditController(s.charts(), s.chartViews(), pages, views, s.review());
        var dashboardSettings = new DashboardSettingsController(s.charts(), s.headlines(), s.figures(), pages, views);

        // Each POST route is added with the body it may carry; everything else gets FORM.
        BodyLimits limits = new BodyLimits(FORM);
        skipJettysJmxProbe();
        return Javalin.create(config -> {
            RouteTable routes = new RouteTable(config, limits);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            // The file limit is the request limit: the parser must not stop half-way through a file a
            // little over 2 MB (the client, still sending, would then miss the answer); the import
            // page itself refuses files over 2 MB with its message.
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.http.compressionStrategy = compression();
            config.jetty.threadPool = workerThreads();
            config.jetty.modifyServer(server -> {
                server.setHandler(new SlowBodyLimit(MIN_REQUEST_BYTES_PER_SECOND, SLOW_BODY_GRACE.toMillis(), FORM.bytes()));
                server.setErrorHandler(new JettyErrorPages(views, s.json()));
                server.addEventListener(SAME_IDLE_TIMEOUT_ON_EVERY_CONNECTOR);
            });
            config.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JettyErrorPages(views, s.json()));
                context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(observer), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                context.addFilter(RequestNormalizer.class, "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            config.jetty.modifyHttpConfiguration(WebApp::httpConfiguration);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                http.setSendServerVersion(false);
                // Jetty's per-connection header cache builds a large trie on each new parser; the
                // dashboard's few headers do not repay it (measured: a fifth of all allocation).
                http.setHeaderCacheSize(0);
                http.setSendXPoweredBy(false);
                // There are no compliance-violation listeners; told to pass forbidden violations on
                // too, Jetty stops wrapping that empty list in a filtering listener for every request.
                http.setNotifyForbiddenComplianceViolations(true);
            });

            config.events.serverStarted(ops::start);
            config.events.serverStopping(ops::stop);
            config.events.serverStopping(persisted::close);
            // The route pattern for the access log and metrics, known once the request is handled.
            config.requestLogger.http((ctx, ms) -> {
                var endpoint = ctx.endpoints().matchedHttpEndpoint();
                if (endpoint != null) ctx.attribute(RequestObserver.ROUTE_ATTRIBUTE, endpoint.path);
            });

            config.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                ctx.attribute(ProxyTrust.ORIGIN_ATTRIBUTE, proxy.origin(ctx));
                RequestLang.resolve(ctx);
                refuseLargeBodies(ctx, limits, errors);
                refuseWhileDatabaseAway(ctx, s, errors);
            });
            // Every matched /admin route: no-store, same-origin + CSRF on writes, a session except for login.
            config.routes.beforeMatched(guard::check);

            // public dashboard
            config.routes.get("/", dashboard::show);
            config.routes.get("/figures", figures::list);
            config.routes.get("/figures/{key}", figures::page);
            config.routes.get("/figures.csv", exports::figuresCsv);
            config.routes.get("/figures.xlsx", exports::figuresXlsx);
            config.routes.get("/events.csv", exports::eventsCsv);
            config.routes.get("/observations.csv", exports::observationsCsv);
            config.routes.get("/api/figures", api::figures);
            config.routes.get("/api/figures/{key}", api::figure);
            config.routes.get("/api/events", api::events);
            config.routes.get("/api/observations", api::observations);
            config.routes.get("/preview.png", preview::png);
            config.routes.get("/changes", changes::page);
            config.routes.get("/changes.atom", changes::atom);
            config.routes.get("/api/changes", changes::api);
            config.routes.get("/charts/{slug}", charts::page);
            config.routes.get("/charts/{slug}/embed", charts::embed);
            config.routes.get("/api/charts", charts::list);
            config.routes.get("/api/charts/{slug}", charts::one);
            config.routes.get("/healthz", ctx -> health(ctx, s));
            config.routes.get("/assets/<path>", s.assets()::serve);

            // admin area (AdminGuard above protects all of it)
            config.routes.get("/admin/login", login::form);
            routes.post("/admin/login", login::submit, FORM);
            routes.post("/admin/logout", login::logout, FORM);
            config.routes.get("/admin", admin::index);
            config.routes.get("/admin/figures/new", figureForms::newFigure);
            routes.post("/admin/figures/new", figureForms::createFigure, FORM);
            config.routes.get("/admin/figures/{key}", figureForms::editFigure);
            routes.post("/admin/figures/{key}", figureForms::saveFigure, FORM);
            config.routes.get("/admin/figures/{key}/archive", figureForms::archiveFigureForm);
            routes.post("/admin/figures/{key}/archive", figureForms::archiveFigure, FORM);
            config.routes.get("/admin/events/new", eventForms::newEvent);
            routes.post("/admin/events/new", eventForms::createEvent, FORM);
            config.routes.get("/admin/events/{key}", eventForms::editEvent);
            routes.post("/admin/events/{key}", eventForms::saveEvent, FORM);
            config.routes.get("/admin/events/{key}/archive", eventForms::archiveEventForm);
            routes.post("/admin/events/{key}/archive", eventForms::archiveEvent, FORM);
            config.routes.get("/admin/audit", audit::list);
            config.routes.get("/admin/audit.csv", audit::csv);
            config.routes.get("/admin/audit/{id}", audit::confirmRevert);
            routes.post("/admin/audit/{id}/revert", audit::revert, FORM);
            config.routes.get("/admin/import", imports::form);
            routes.post("/admin/import", imports::upload, UPLOAD);
            routes.post("/admin/import/{id}/apply", imports::apply, FORM);
            config.routes.get("/admin/extract", extract::form);
            routes.post("/admin/extract", extract::extract, EXTRACT);
            routes.post("/admin/extract/review", extract::review, EXTRACT);
            routes.post("/admin/extract/apply", extract::apply, EXTRACT);
            config.routes.get("/admin/extract/saved/{token}", extract::saved);
            // one's own account; the users page needs the admin role (auth.RoleRules)
            config.routes.get("/admin/account", account::show);
            routes.post("/admin/account", account::changePassword, FORM);
            routes.post("/admin/account/sessions/end-others", account::endOthers, FORM);
            routes.post("/admin/account/sessions/{ref}/end", account::endSession, FORM);
            config.routes.get("/admin/users", users::list);
            config.routes.get("/admin/users/new", users::newForm);
            routes.post("/admin/users/new", users::create, FORM);
            routes.post("/admin/users/{id}/role", users::changeRole, FORM);
            routes.post("/admin/users/{id}/disable", users::disable, FORM);
            routes.post("/admin/users/{id}/enable", users::enable, FORM);
            routes.post("/admin/users/{id}/reset", users::resetPassword, FORM);
            // review before publishing (issue 13)
            config.routes.get("/admin/review", review::list);
            config.routes.get("/admin/review/{id}", review::show);
            routes.post("/admin/review/{id}/approve", review::approve, FORM);
            routes.post("/admin/review/{id}/reject", review::reject, FORM);
            config.routes.get("/admin/settings", settings::form);
            routes.post("/admin/settings", settings::save, FORM);
            config.routes.get("/admin/charts", chartForms::list);
            routes.post("/admin/charts", chartForms::move, FORM);
            config.routes.get("/admin/charts/new", chartForms::newChart);
            routes.post("/admin/charts/new", chartForms::create, FORM);
            config.routes.get("/admin/charts/{slug}", chartForms::edit);
            routes.post("/admin/charts/{slug}", chartForms::save, FORM);
            config.routes.get("/admin/charts/{slug}/archive", chartForms::archiveForm);
            routes.post("/admin/charts/{slug}/archive", chartForms::archive, FORM);
            config.routes.get("/admin/charts/{slug}/restore", chartForms::restoreForm);
            routes.post("/admin/charts/{slug}/restore", chartForms::restore, FORM);
            config.routes.get("/admin/dashboard", dashboardSettings::show);
            routes.post("/admin/dashboard", dashboardSettings::saveSite, FORM);
            routes.post("/admin/dashboard/headlines", dashboardSettings::saveHeadlines, FORM);

            // The largest body any route reads; refuseLargeBodies holds every route to its own limit.
            config.http.maxRequestSize = limits.largest();

            config.routes.error(404, errors::notFound);
            config.routes.error(405, errors::methodNotAllowed);
            config.routes.error(413, errors::payloadTooLarge);
            config.routes.exception(NotFound.class, (e, ctx) -> errors.show(ctx, 404, e.messageKey()));
            config.routes.exception(cn.jinjiang.aitraining.figures.BadFilter.class, (e, ctx) -> errors.show(ctx, 400, e.messageKey()));
            config.routes.exception(DatabaseUnavailable.class, (e, ctx) -> databaseAway(ctx, errors));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // A database error while the database is known to be away is that, not a bug; anything
                // else (a client that left, a bug) keeps its own answer.
                boolean away = DatabaseUnavailable.causedBy(e) || (!s.dataVersion().reachable() && DatabaseUnavailable.fromDatabase(e));
                if (away) databaseAway(ctx, errors);
                else errors.unexpected(e, ctx);
            });
        });
    }

    /** Slower bodies than this are cut off: even a poor mobile link sends a form far faster. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    /** A body may start slowly for this long before its rate is checked. */
    static final java.time.Duration SLOW_BODY_GRACE = java.time.Duration.ofSeconds(6);
    /** A connection that sends nothing for this long (headers included) is closed. */
    static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(20);

    /**
     * Each connector Javalin adds gets the same idle timeout as a request ({@link #IDLE_TIMEOUT}).
     * Jetty's default for a connector is 30 s; when a request's timeout differs from its connection's,
     * Jetty re-arms the connection's timer at the start and at the end of every request, cancelling a
     * task in the scheduler every worker shares (the profile of 304 answers under load showed threads
     * waiting on that scheduler's lock).
     */
    private static final org.eclipse.jetty.util.component.Container.Listener SAME_IDLE_TIMEOUT_ON_EVERY_CONNECTOR =
            new org.eclipse.jetty.util.component.Container.Listener() {
                @Override
                public void beanAdded(org.eclipse.jetty.util.component.Container parent, Object child) {
                    if (child instanceof org.eclipse.jetty.server.AbstractConnector connector) {
                        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                    }
                }

                @Override
                public void beanRemoved(org.eclipse.jetty.util.component.Container parent, Object child) {}
            };

    /** Javalin's own bounds for the request workers: at least 8 threads, at most 250. */
    static final int MIN_WORKERS = 8;
    static final int MAX_WORKERS = 250;
    /** An extra worker that has had nothing to do for this long ends. */
    static final java.time.Duration IDLE_WORKER_TIMEOUT = java.time.Duration.ofSeconds(5);

    /**
     * Javalin's pool (8 to 250 threads) but idle workers end sooner. With Jetty's defaults one extra
     * worker ends per idle minute, so after a burst that started fifty of them the server kept their
     * stacks for most of an hour (measured: 54 workers 6 s after the benchmark's load stopped).
     * Now every extra worker idle for 5 s ends; a new burst starts threads again, which costs
     * microseconds each.
     */
    static org.eclipse.jetty.util.thread.QueuedThreadPool workerThreads() {
        var pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(
                MAX_WORKERS, MIN_WORKERS, (int) IDLE_WORKER_TIMEOUT.toMillis());
        pool.setName("JettyServerThreadPool");
        pool.setMaxEvictCount(MAX_WORKERS);
        // No reserved threads: the selector hands each request to an idle worker. With Jetty's
        // default (a reserved thread takes over selecting while the selecting thread serves the
        // request) every request cost more thread switches: measured alternately on 2 cores, wrk -c32,
        // the 304 of / went from 0.92 to 0.75 context switches a request, 55-56k to 57-60k req/s.
        pool.setReservedThreads(0);
        return pool;
    }

    /** Form posts are small. */
    static final BodyLimits.Limit FORM = new BodyLimits.Limit(256 * 1024, "payload_too_large");
    /** An upload may carry a 2 MB file plus its multipart envelope. */
    static final long MAX_UPLOAD_BYTES = ImportService.MAX_BYTES + 64 * 1024;
    static final BodyLimits.Limit UPLOAD = new BodyLimits.Limit(MAX_UPLOAD_BYTES, "import_too_large");
    /**
     * A pasted text of 200,000 Chinese characters is about 1.8 MB once form-encoded (9 bytes a
     * character). Twice that leaves room to answer a somewhat longer text with a message beside the
     * field, the text kept; anything larger gets the 413 page saying how much text fits.
     */
    static final BodyLimits.Limit EXTRACT = new BodyLimits.Limit(4 * 1024 * 1024, "extract_too_large");

    /** Bodies up to this size are read and dropped before a 413, so the client, still sending, gets the answer. */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;

    /** Adds POST routes together with the body limit each one reads. */
    private record RouteTable(JavalinConfig config, BodyLimits limits) {
        void post(String path, Handler handler, BodyLimits.Limit limit) {
            limits.declare(path, limit);
            config.routes.post(path, handler);
        }
    }

    /**
     * Answers 413 from the declared length, before anything parses the body, by the limit declared
     * with the route. A client that is still sending would miss an answer sent on a connection
     * closed under it, so a body of up to {@link #DRAIN_BYTES} is read and dropped first (a few
     * milliseconds on a local network); a larger one gets the answer and the connection is closed.
     * Bodies without a length are cut off by the server's own limits.
     */
    private static void refuseLargeBodies(io.javalin.http.Context ctx, BodyLimits limits, ErrorPages errors) {
        long length = ctx.req().getContentLengthLong();
        // No declared body (every GET) cannot be over a limit: skip matching the path against every
        // route's pattern, which was a sixth of the CPU time of serving a cached page.
        if (length <= 0) return;
        BodyLimits.Limit limit = limits.forPath(ctx.path());
        if (length > limit.bytes()) {
            boolean drained = length <= DRAIN_BYTES && drain(ctx);
            errors.show(ctx, 413, limit.messageKey());
            if (!drained) ctx.header("Connection", "close");
            ctx.skipRemainingHandlers();
        }
    }

    private static boolean drain(io.javalin.http.Context ctx) {
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return true;
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    /**
     * While the database does not answer, what needs it is refused at once with 503 (the pool would
     * make it wait for a connection first): every change, and the admin area. Public GETs go on:
     * HttpCache serves what it kept, marked stale.
     */
    private static void refuseWhileDatabaseAway(io.javalin.http.Context ctx, AppServices s, ErrorPages errors) {
        if (ctx.statusCode() >= 400 || s.dataVersion().reachable()) return; // already refused (413), or all is well
        boolean read = ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD;
        if (read && !ctx.path().startsWith("/admin")) return;
        databaseAway(ctx, errors);
        ctx.skipRemainingHandlers();
    }

    private static void databaseAway(io.javalin.http.Context ctx, ErrorPages errors) {
        ctx.header("Retry-After", "30");
        errors.show(ctx, 503, "database_unavailable");
    }

    /**
     * GET /healthz: the poll's verdict (a read at most 250 ms old), so a database that hangs never
     * hangs the check. Its two possible answers are written out here rather than through Jackson: it
     * is the first thing a load balancer or a start script asks, and Jackson's set-up would only slow it.
     */
    private static void health(io.javalin.http.Context ctx, AppServices s) {
        boolean up = s.dataVersion().reachable();
        ctx.status(up ? 200 : 503);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(Json.CONTENT_TYPE);
        ctx.result(up ? HEALTHY : UNHEALTHY);
    }

    private static final byte[] HEALTHY = "{\"status\":\"ok\",\"database\":\"reachable\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] UNHEALTHY = "{\"status\":\"unavailable\",\"database\":\"unreachable\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * Jetty sizes the padding of its concurrent queues by the JVM's reference width, and when not
     * told, asks the JMX platform server for it: starting JMX (and, with it, the flight recorder's
     * diagnostic commands) cost start-up about a tenth of a second. References are 4 bytes with
     * compressed pointers, the JVM's default below a 32 GB heap. An operator's own setting wins.
     */
    private static void skipJettysJmxProbe() {
        String property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) == null) {
            boolean compressedPointers = Runtime.getRuntime().maxMemory() < (32L << 30);
            System.setProperty(property, compressedPointers ? "16" : "8");
        }
    }

    /**
     * The same minimum rate for bodies read by a handler (uploads past what SlowBodyLimit keeps in
     * memory). Deprecated in Jetty 12.1 in favour of a MinimumDataRateHandler, which would have to
     * sit outside Javalin's handler chain; kept until Javalin exposes that place.
     */
    @SuppressWarnings("removal")
    private static void httpConfiguration(org.eclipse.jetty.server.HttpConfiguration http) {
        http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
    }

    /**
     * Gzip for bodies over 1 KB. Not brotli: brotli4j's native buffers grew the server's resident
     * memory by about 60 MB in the benchmark's soak, for bodies only some 15% smaller.
     */
    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setDefaultMinSizeForCompression(1024);
        return strategy;
    }
}
