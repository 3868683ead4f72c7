package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.paging.Page;
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
        int figurePage = Page.requested(ctx.queryParam("fp"));
        int eventPage = Page.requested(ctx.queryParam("ep"));
        cache.respond(ctx, "dashboard-" + figurePage + "-" + eventPage, Views.HTML, out -> {
            DashboardPage page = service.page(RequestLang.resolve(ctx), figurePage, eventPage);
            out.write(views.render(ctx, "dashboard/index", Map.of("page", page)).getBytes(StandardCharsets.UTF_8));
        });
    }
}
