package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.changes.ChangeLog;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.i18n.QuantityFormat;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A figure's page (its JSON is served by export.ApiController). */
public final class FigureController {
    private final FigureService service;
    private final ChangeLog changes;
    private final Views views;
    private final Json json;
    private final HttpCache cache;
    private final ErrorPages errors;

    public FigureController(FigureService service, ChangeLog changes, Views views, Json json, HttpCache cache,
                            ErrorPages errors) {
        this.service = service;
        this.changes = changes;
        this.views = views;
        this.json = json;
        this.cache = cache;
        this.errors = errors;
    }

    /** Rows per page of {@code /figures}, as on the dashboard. */
    public static final int LIST_PAGE_SIZE = 50;

    /**
     * GET /figures : the figures table on a page of its own, filtered and sorted as the URL says. The
     * plain table is cached like the dashboard (one kept page per page number that exists); a filtered
     * view is rendered per request.
     */
    public void list(Context ctx) {
        FigureQuery query = FigureQuery.parse(ctx::queryParam);
        int number = cn.jinjiang.aitraining.paging.Page.requested(ctx.queryParam("page"));
        Lang lang = RequestLang.resolve(ctx);
        if (query.isFiltered()) {
            ctx.header("Cache-Control", "no-cache");
            ctx.header("Vary", "Accept-Encoding, Accept-Language, Cookie");
            views.html(ctx, "figures/list", Map.of("table", table(query, lang, number)));
            return;
        }
        int[] lastPage = new int[1];
        boolean shown = cache.respond(ctx, "figure-list", "figure-list-" + number, Views.HTML, out -> {
            FigureTable table = table(query, lang, number);
            if (number > table.page().pageCount()) {
                lastPage[0] = table.page().pageCount();
                throw new HttpCache.Missing();
            }
            out.write(views.render(ctx, "figures/list", Map.of("table", table)).getBytes(StandardCharsets.UTF_8));
        });
        if (!shown) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect("/figures?page=" + lastPage[0], io.javalin.http.HttpStatus.FOUND);
        }
    }

    private FigureTable table(FigureQuery query, Lang lang, int number) {
        return new FigureTable(service.table(query, lang, number, LIST_PAGE_SIZE), query, "/figures", "page", "");
    }

    /** GET /figures/{key} */
    public void page(Context ctx) {
        String key = ctx.pathParam("key");
        boolean found = cache.respond(ctx, "figure-" + key, Views.HTML, out -> {
            var detail = service.detail(key).orElseThrow(HttpCache.Missing::new);
            Lang lang = RequestLang.resolve(ctx);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("figure", detail.current());
            model.put("history", detail.history());
            model.put("record", FigureRecord.of(detail.history(), changes.of("figure", key)));
            model.put("historyChart", historyChart(lang, detail));
            FigureSnapshot f = detail.current();
            model.put("metaTitle", Messages.get(lang, "meta.figure.title", f.label(lang), f.display(lang), Messages.get(lang, "meta.site_name")));
            model.put("metaDescription", Messages.get(lang, "meta.figure.description", f.label(lang), f.display(lang),
                    f.latest().period(lang), f.latest().asOfText(lang), f.latest().quote()));
            model.put("metaType", "article");
            out.write(views.render(ctx, "figures/show", model).getBytes(StandardCharsets.UTF_8));
        });
        if (!found) errors.notFound(ctx);
    }

    /** The history as a line chart, once there are two observations to join. */
    private String historyChart(Lang lang, FigureService.FigureDetail detail) {
        List<HistoryEntry> history = detail.history();
        if (history.size() < 2) return null;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "line");
        data.put("labels", history.stream().map(h -> h.observation().asOfText(lang)).toList());
        data.put("values", history.stream().map(h -> h.observation().value()).toList());
        data.put("valueLabels", history.stream().map(h -> QuantityFormat.chartLabel(lang, h.observation().quantity())).toList());
        data.put("marks", history.stream().map(h -> h.observation().quantity().qualifier().mark()).toList());
        data.put("axis", detail.current().label(lang));
        return new String(json.bytes(data), java.nio.charset.StandardCharsets.UTF_8);
    }
}
