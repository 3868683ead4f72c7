package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.dashboard.DashboardController;
import cn.jinjiang.aitraining.events.EventController;
import cn.jinjiang.aitraining.export.ExportController;
import cn.jinjiang.aitraining.figures.FigureController;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.SecurityHeaders;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.Javalin;
import io.javalin.compression.Brotli;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.HandlerType;
import java.util.Map;

/** The one place that lists every route and filter. Returns an unstarted app. */
public final class WebApp {
    private WebApp() {}

    public static Javalin create(AppServices s) {
        Views views = new Views(s.assets());
        ErrorPages errors = new ErrorPages(views, s.json());
        HttpCache cache = new HttpCache(s.dataVersion());

        var dashboard = new DashboardController(s.dashboard(), views, cache);
        var figures = new FigureController(s.figures(), views, s.json(), cache, errors);
        var events = new EventController(s.events(), s.json(), cache);
        var exports = new ExportController(s.figures(), s.events(), cache);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = compression();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });

            config.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                RequestLang.resolve(ctx);
            });

            // public dashboard
            config.routes.get("/", dashboard::show);
            config.routes.get("/figures/{key}", figures::page);
            config.routes.get("/figures.csv", exports::figuresCsv);
            config.routes.get("/events.csv", exports::eventsCsv);
            config.routes.get("/api/figures", figures::list);
            config.routes.get("/api/figures/{key}", figures::one);
            config.routes.get("/api/events", events::list);
            config.routes.get("/healthz", ctx -> health(ctx, s));
            config.routes.get("/assets/<path>", s.assets()::serve);

            config.routes.error(404, errors::notFound);
            config.routes.error(405, errors::methodNotAllowed);
            config.routes.error(413, errors::payloadTooLarge);
            config.routes.exception(Exception.class, errors::unexpected);
        });
    }

    private static void health(io.javalin.http.Context ctx, AppServices s) {
        boolean up = s.database().isReachable();
        ctx.status(up ? 200 : 503);
        ctx.header("Cache-Control", "no-store");
        s.json().send(ctx, Map.of("status", up ? "ok" : "unavailable", "database", up ? "reachable" : "unreachable"));
    }

    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(new Brotli(), new Gzip());
        strategy.setDefaultMinSizeForCompression(1024);
        return strategy;
    }
}
