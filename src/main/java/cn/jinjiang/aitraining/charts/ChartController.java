package cn.jinjiang.aitraining.charts;

import cn.jinjiang.aitraining.export.CsvCells;
import cn.jinjiang.aitraining.figures.Source;
import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.ProxyTrust;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.SecurityHeaders;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page for every chart, after Our World in Data's grapher: GET /charts/{slug} (chart, table,
 * sources, downloads, citation, permalink, share and embed), /charts/{slug}/embed (the chart alone,
 * for an iframe), /charts/{slug}.csv and .png, and the JSON /api/charts and /api/charts/{slug}. All
 * served from the rendered-response cache with their ETag, like the dashboard.
 */
public final class ChartController {
    /** A slug as the chart form allows it; anything else cannot name a chart and is a 404 at once. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ChartService charts;
    private final ChartViews chartViews;
    private final ChartImage image;
    private final Views views;
    private final Json json;
    private final HttpCache cache;
    private final List<String> embedOrigins;

    public ChartController(ChartService charts, ChartViews chartViews, ChartImage image, Views views, Json json,
                           HttpCache cache, List<String> embedOrigins) {
        this.charts = charts;
        this.chartViews = chartViews;
        this.image = image;
        this.views = views;
        this.json = json;
        this.cache = cache;
        this.embedOrigins = List.copyOf(embedOrigins);
    }

    /** GET /charts/{slug}, and its downloads /charts/{slug}.csv and /charts/{slug}.png (one path segment). */
    public void page(Context ctx) {
        String name = ctx.pathParam("slug");
        if (name.endsWith(".csv")) {
            csv(ctx, slug(name.substring(0, name.length() - 4)));
            return;
        }
        if (name.endsWith(".png")) {
            png(ctx, slug(name.substring(0, name.length() - 4)));
            return;
        }
        String slug = slug(name);
        found(cache.respond(ctx, "chart-page", "chart-" + slug, Views.HTML, out -> {
            ChartData d = data(slug);
            Lang lang = RequestLang.resolve(ctx);
            Map<String, Object> model = model(ctx, d, lang);
            ChartView view = (ChartView) model.get("chart");
            model.put("metaTitle", view.title());
            model.put("metaDescription", view.caption());
            model.put("metaType", "article");
            out.write(views.render(ctx, "charts/page", model).getBytes(StandardCharsets.UTF_8));
        }));
    }

    /**
     * GET /charts/{slug}/embed : the chart alone. Other sites may frame it only when the operator
     * named them ({@code --embed-origins}); otherwise it refuses framing like every other page.
     */
    public void embed(Context ctx) {
        String slug = slug(ctx.pathParam("slug"));
        SecurityHeaders.allowFramingBy(ctx, embedOrigins);
        found(cache.respond(ctx, "chart-embed", "embed-" + slug, Views.HTML, out -> {
            ChartData d = data(slug);
            Lang lang = RequestLang.resolve(ctx);
            out.write(views.render(ctx, "charts/embed", model(ctx, d, lang)).getBytes(StandardCharsets.UTF_8));
        }));
    }

    private void csv(Context ctx, String slug) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + slug + ".csv\"");
        found(cache.respond(ctx, "chart-csv", "csv-" + slug, CsvCells.CONTENT_TYPE, out -> ChartExport.csv(data(slug), out)));
    }

    private void png(Context ctx, String slug) {
        ctx.header("Content-Disposition", "inline; filename=\"" + slug + ".png\"");
        found(cache.respond(ctx, "chart-png", "png-" + slug, "image/png", out -> {
            ChartData d = data(slug);
            image.write(d, RequestLang.resolve(ctx), charts.siteSettings(), ProxyTrust.originOf(ctx) + d.chart().url(), out);
        }));
    }

    /** GET /api/charts : every published chart (slug, type, titles in both languages, page). */
    public void list(Context ctx) {
        cache.respond(ctx, "api-charts", Json.CONTENT_TYPE, out -> out.write(json.bytes(Map.of("charts",
                chartViews.data(charts.published()).stream().map(ChartExport::summary).toList()))));
    }

    /** GET /api/charts/{slug} : the same, with the figures' keys in order and what is plotted. */
    public void one(Context ctx) {
        String slug = slug(ctx.pathParam("slug"));
        found(cache.respond(ctx, "api-chart-" + slug, Json.CONTENT_TYPE,
                out -> out.write(json.bytes(ChartExport.detail(data(slug))))));
    }

    private Map<String, Object> model(Context ctx, ChartData d, Lang lang) {
        SiteSettings site = charts.siteSettings();
        ChartView view = chartViews.view(d, lang);
        String permalink = ProxyTrust.originOf(ctx) + d.chart().url();
        List<Source> sources = d.sources();
        String sourceList = sources.stream().map(s -> s.citation(lang)).collect(Collectors.joining(lang.isZh() ? "；" : "; "));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", site);
        model.put("chart", view);
        model.put("sources", sources);
        model.put("permalink", permalink);
        model.put("embedCode", "<iframe src=\"" + permalink + "/embed?lang=" + lang.code() + "\" title=\""
                + escapeAttribute(view.title()) + "\" width=\"100%\" height=\"600\" loading=\"lazy\" style=\"border:0\"></iframe>");
        model.put("citation", Messages.get(lang, "chart.citation", site.title(lang), view.title(), permalink,
                d.lastUpdated() == null ? "" : DateFormat.format(lang, d.lastUpdated()), sourceList));
        return model;
    }

    private static String escapeAttribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The published chart with something to show, or {@link HttpCache.Missing}. */
    private ChartData data(String slug) {
        return charts.findPublished(slug).map(chartViews::data).filter(d -> !d.isEmpty())
                .orElseThrow(HttpCache.Missing::new);
    }

    private static String slug(String name) {
        if (name.length() > ChartService.MAX_SLUG || !SLUG.matcher(name).matches()) throw new NotFound("chart_not_found");
        return name;
    }

    private static void found(boolean found) {
        if (!found) throw new NotFound("chart_not_found");
    }
}
