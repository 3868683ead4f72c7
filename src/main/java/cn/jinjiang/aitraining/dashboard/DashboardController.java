package cn.jinjiang.aitraining.dashboard;

import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.figures.FigureQuery;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.paging.Page;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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

    /**
     * The dashboard at the requested table pages. A page number past the last page is redirected to
     * the last page and never rendered into the cache, so made-up page numbers cannot fill it.
     */
    public void show(Context ctx) {
        int figurePage = Page.requested(ctx.queryParam("fp"));
        int eventPage = Page.requested(ctx.queryParam("ep"));
        FigureQuery figureQuery = FigureQuery.parse(ctx::queryParam);
        EventQuery eventQuery = EventQuery.parse(ctx::queryParam);
        if (figureQuery.isFiltered() || eventQuery.isFiltered()) {
            // A filtered view is rendered for this request only: its combinations are unbounded, so
            // none is kept (the plain dashboard below keeps its cache and ETag). Past the last page
            // shows the last page.
            DashboardPage page = service.page(RequestLang.resolve(ctx), figureQuery, figurePage, eventQuery, eventPage);
            ctx.header("Cache-Control", "no-cache");
            ctx.header("Vary", "Accept-Encoding, Accept-Language, Cookie");
            views.html(ctx, "dashboard/index", Map.of("page", page, "site", page.site()));
            return;
        }
        int[] lastPages = new int[2];
        boolean shown = cache.respond(ctx, "dashboard", "dashboard-" + figurePage + "-" + eventPage, Views.HTML, out -> {
            DashboardPage page = service.page(RequestLang.resolve(ctx), figurePage, eventPage);
            if (figurePage > page.figures().pageCount() || eventPage > page.events().pageCount()) {
                lastPages[0] = page.figures().pageCount();
                lastPages[1] = page.events().pageCount();
                throw new HttpCache.Missing();
            }
            Lang lang = RequestLang.resolve(ctx);
            out.write(views.render(ctx, "dashboard/index", Map.of("page", page, "site", page.site(),
                    "metaDescription", description(lang, page))).getBytes(StandardCharsets.UTF_8));
        });
        if (!shown) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect("/?fp=" + Math.min(figurePage, lastPages[0]) + "&ep=" + Math.min(eventPage, lastPages[1]),
                    HttpStatus.FOUND);
        }
    }

    /** What a shared link says under its title: the first key figures with their values. */
    static String description(Lang lang, DashboardPage page) {
        String figures = page.headline().stream().limit(4)
                .map(f -> Messages.get(lang, "meta.figure.pair", f.label(lang), f.display(lang)))
                .collect(java.util.stream.Collectors.joining(Messages.get(lang, "meta.separator")));
        return figures.isEmpty() ? page.site().subtitle(lang) : Messages.get(lang, "meta.dashboard.description", figures);
    }
}
