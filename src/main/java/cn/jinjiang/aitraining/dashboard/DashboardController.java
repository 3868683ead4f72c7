package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** GET / : the dashboard. */
public final class DashboardController {
    private final DashboardService service;
    private final Views views;
    private final HttpCache cache;

    public DashboardController(DashboardService service, Views views, HttpCache cache) {
        this.service = service;
        this.views = views;
        this.cache = cache;
    }

    public void show(Context ctx) {
        int figurePage = intParam(ctx, "fp");
        int eventPage = intParam(ctx, "ep");
        cache.respond(ctx, "dashboard-" + figurePage + "-" + eventPage, Views.HTML, out -> {
            DashboardPage page = service.page(RequestLang.resolve(ctx), figurePage, eventPage);
            out.write(views.render(ctx, "dashboard/index", Map.of("page", page)).getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A page number from the query; anything that is not a positive number means page 1. */
    static int intParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || !raw.matches("\\d{1,6}")) return 1;
        return Math.max(1, Integer.parseInt(raw));
    }
}
