package cn.jinjiang.aitraining.admin.charts;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.DuplicateKey;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.FormField;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import cn.jinjiang.aitraining.review.gate.ReviewGate;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.charts.Chart;
import cn.jinjiang.aitraining.charts.ChartConflict;
import cn.jinjiang.aitraining.charts.ChartData;
import cn.jinjiang.aitraining.charts.ChartDefinition;
import cn.jinjiang.aitraining.charts.ChartForm;
import cn.jinjiang.aitraining.charts.ChartService;
import cn.jinjiang.aitraining.charts.ChartViews;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's charts: the list (with moving a chart up or down), the form that creates and edits
 * one (with a preview drawn from the unsaved definition), archive and restore. Parses, calls the
 * chart service, renders or redirects.
 */
public final class ChartEditController {
    /** The hidden field carrying the values the form showed when it was read (for the conflict page). */
    static final String ORIGINAL = "orig";
    /** The submit button that asks for a preview instead of saving. */
    static final String PREVIEW = "preview";

    private final ChartService charts;
    private final ChartViews chartViews;
    private final AdminPages pages;
    private final Views views;
    private final ReviewGate review;

    public ChartEditController(ChartService charts, ChartViews chartViews, AdminPages pages, Views views, ReviewGate review) {
        this.review = review;
        this.charts = charts;
        this.chartViews = chartViews;
        this.pages = pages;
        this.views = views;
    }

    // GET /admin/charts
    public void list(Context ctx) {
        renderList(ctx, 200, "", new FieldErrors());
    }

    // POST /admin/charts: move one chart up or down (move=up:slug or down:slug)
    public void move(Context ctx) {
        List<Chart> all = charts.all();
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", ctx.formParam("reason"), true, 500);
        String version = ctx.formParam("version");
        String move = ctx.formParam("move");
        List<String> order = ChartOrder.moved(all, move);
        if (order == null) errors.add("reason", "admin.charts.error.move");
        if (!errors.isEmpty()) {
            renderList(ctx, UNPROCESSABLE, ctx.formParam("reason"), errors);
            return;
        }
        if (!String.valueOf(ChartOrder.version(all)).equals(version == null ? "" : version.strip())) {
            renderList(ctx, 409, ctx.formParam("reason"), new FieldErrors());
            return;
        }
        if (AdminPages.heldForReview(ctx, review, ChartReviewKinds.MOVE, "", null)) return;
        charts.reorder(order, reason, AdminGuard.username(ctx));
        flashTo(ctx, "/admin/charts", "admin.flash.charts_reordered");
    }

    // GET /admin/charts/new
    public void newChart(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField f : ChartFields.FORM) values.put(f.name(), "");
        values.put("type", "hbar");
        values.put("version", "0");
        render(ctx, 200, null, values, new FieldErrors(), null);
    }

    // POST /admin/charts/new
    public void create(Context ctx) {
        Map<String, String> values = read(ctx);
        FieldErrors errors = new FieldErrors();
        Optional<ChartDefinition> checked = check(values, Optional.empty(), errors, !previewing(ctx));
        if (checked.isEmpty()) {
            render(ctx, UNPROCESSABLE, null, values, errors, null);
        } else if (previewing(ctx)) {
            render(ctx, 200, null, values, errors, checked.get());
        } else {
            if (AdminPages.heldForReview(ctx, review, ChartReviewKinds.NEW, checked.get().slug(), null)) return;
            try {
                Chart created = charts.create(checked.get(), values.get("reason").strip(), AdminGuard.username(ctx));
                flashTo(ctx, "/admin/charts", "admin.flash.chart_created", created.slug());
            } catch (DuplicateKey taken) {
                errors.add("slug", "chart.error.slug_taken");
                render(ctx, UNPROCESSABLE, null, values, errors, null);
            }
        }
    }

    // GET /admin/charts/{slug}
    public void edit(Context ctx) {
        Chart chart = chart(ctx);
        render(ctx, 200, chart, values(chart), new FieldErrors(), null);
    }

    // POST /admin/charts/{slug}
    public void save(Context ctx) {
        Chart chart = chart(ctx);
        Map<String, String> values = read(ctx);
        FieldErrors errors = new FieldErrors();
        Integer version = errors.version("version", values.get("version"));
        Optional<ChartDefinition> checked = check(values, Optional.of(chart.slug()), errors, !previewing(ctx));
        if (checked.isEmpty() || version == null) {
            render(ctx, UNPROCESSABLE, chart, values, errors, null);
        } else if (previewing(ctx)) {
            render(ctx, 200, chart, values, errors, checked.get());
        } else {
            if (AdminPages.heldForReview(ctx, review, ChartReviewKinds.EDIT, chart.slug(), version)) return;
            try {
                Chart saved = charts.save(chart.slug(), checked.get(), version, values.get("reason").strip(),
                                AdminGuard.username(ctx))
                        .orElseThrow(() -> new NotFound("chart_not_found"));
                flashTo(ctx, "/admin/charts", "admin.flash.chart_saved", saved.slug());
            } catch (ChartConflict conflict) {
                Chart theirs = conflict.current();
                pages.conflict(ctx, editUrl(theirs), EditableField.compare(ChartFields.ALL, theirs, values),
                        FormInput.decode(values.get(ORIGINAL)), theirs.archived(), chart.archived());
            } catch (DuplicateKey taken) {
                errors.add("slug", "chart.error.slug_taken");
                render(ctx, UNPROCESSABLE, chart, values, errors, null);
            }
        }
    }

    // GET /admin/charts/{slug}/archive
    public void archiveForm(Context ctx) {
        Chart chart = chart(ctx);
        pages.archiveForm(ctx, 200, "chart", chart.slug(), chart.titleZh(), String.valueOf(chart.version()), "",
                new FieldErrors());
    }

    // POST /admin/charts/{slug}/archive
    public void archive(Context ctx) {
        Chart chart = chart(ctx);
        AdminPages.ArchiveRequest request = pages.archiveRequest(ctx, "chart", chart.slug(), chart.titleZh());
        if (request == null) return;
        if (AdminPages.heldForReview(ctx, review, ChartReviewKinds.ARCHIVE, chart.slug(), request.version())) return;
        try {
            charts.archive(chart.slug(), request.version(), request.reason(), AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("chart_not_found"));
            flashTo(ctx, "/admin/charts", "admin.flash.chart_archived", chart.slug());
        } catch (ChartConflict conflict) {
            Chart theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), List.of(), Map.of(), theirs.archived(), true);
        }
    }

    // GET /admin/charts/{slug}/restore
    public void restoreForm(Context ctx) {
        Chart chart = chart(ctx);
        if (!chart.archived()) {
            ctx.redirect(editUrl(chart), HttpStatus.SEE_OTHER);
            return;
        }
        renderRestore(ctx, 200, chart, String.valueOf(chart.version()), "", new FieldErrors());
    }

    // POST /admin/charts/{slug}/restore
    public void restore(Context ctx) {
        Chart chart = chart(ctx);
        if (!chart.archived()) {
            // Restored by somebody else since the form was read: nothing left to do, and no empty audit entry.
            pages.conflict(ctx, editUrl(chart), List.of(), Map.of(), false, false);
            return;
        }
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", ctx.formParam("reason"), true, 500);
        Integer version = errors.version("version", ctx.formParam("version"));
        if (!errors.isEmpty()) {
            renderRestore(ctx, UNPROCESSABLE, chart, ctx.formParam("version"), ctx.formParam("reason"), errors);
            return;
        }
        if (AdminPages.heldForReview(ctx, review, ChartReviewKinds.RESTORE, chart.slug(), version)) return;
        try {
            charts.restore(chart.slug(), version, reason, AdminGuard.username(ctx))
                    .orElseThrow(() -> new NotFound("chart_not_found"));
            flashTo(ctx, "/admin/charts", "admin.flash.chart_restored", chart.slug());
        } catch (ChartConflict conflict) {
            Chart theirs = conflict.current();
            pages.conflict(ctx, editUrl(theirs), List.of(), Map.of(), theirs.archived(), false);
        }
    }

    /** The chart the URL names, archived or not, or the 404 page. */
    private Chart chart(Context ctx) {
        return charts.find(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("chart_not_found"));
    }

    private static boolean previewing(Context ctx) {
        return ctx.formParam(PREVIEW) != null;
    }

    private static Map<String, String> read(Context ctx) {
        return FormInput.read(ChartFields.FORM, ctx::formParam, "version", ORIGINAL);
    }

    /**
     * The chart service's checks, then the reason (a preview saves nothing, so it needs none).
     * {@code editing} is the slug of the chart being edited.
     */
    private Optional<ChartDefinition> check(Map<String, String> values, Optional<String> editing, FieldErrors errors,
                                            boolean saving) {
        ChartService.Validation v = charts.validate(ChartFields.chartForm(values), editing);
        v.errors().all().forEach((field, e) -> errors.add(field, e.key(), e.args()));
        if (saving) errors.text("reason", values.get("reason"), true, 500);
        return errors.isEmpty() ? Optional.of(v.definition()) : Optional.empty();
    }

    /** A saved chart as its edit form shows it, with the values it was read with and its version. */
    private static Map<String, String> values(Chart c) {
        ChartForm f = ChartForm.of(c);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("slug", f.slug());
        v.put("type", f.type());
        v.put("figures", f.figures());
        v.put("event_kinds", f.eventKinds());
        v.put("title_zh", f.titleZh());
        v.put("title_en", f.titleEn());
        v.put("caption_zh", f.captionZh());
        v.put("caption_en", f.captionEn());
        v.put("note_zh", nz(f.noteZh()));
        v.put("note_en", nz(f.noteEn()));
        v.put("position", f.position());
        v.put(ORIGINAL, FormInput.encode(v));
        v.put("reason", "");
        v.put("version", String.valueOf(c.version()));
        return v;
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private static String editUrl(Chart c) { return "/admin/charts/" + c.slug(); }

    private static void flashTo(Context ctx, String url, String flashKey, Object... args) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) session.flash(flashKey, false, args);
        ctx.redirect(url, HttpStatus.SEE_OTHER);
    }

    /**
     * The chart form; with {@code preview} (a checked, unsaved definition) the chart drawn from it
     * with today's data above the form. Nothing is written either way.
     */
    private void render(Context ctx, int status, Chart chart, Map<String, String> values, FieldErrors errors,
                        ChartDefinition preview) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("isNew", chart == null);
        model.put("chartSlug", chart == null ? null : chart.slug());
        model.put("archived", chart != null && chart.archived());
        model.put("values", values);
        model.put("fields", ChartFields.FORM);
        model.put("errors", errors.labelledMessages(lang));
        if (preview != null) {
            ChartData data = chartViews.data(ChartOrder.unsaved(preview));
            model.put("previewEmpty", data.isEmpty());
            if (!data.isEmpty()) model.put("preview", chartViews.view(data, lang));
        }
        ctx.status(status);
        views.html(ctx, "admin/chart-form", model);
    }

    private void renderList(Context ctx, int status, String reason, FieldErrors errors) {
        Lang lang = RequestLang.resolve(ctx);
        List<Chart> all = charts.all();
        List<ChartOrder.Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) rows.add(ChartOrder.row(all, i, lang));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("version", String.valueOf(ChartOrder.version(all)));
        model.put("reason", reason == null ? "" : reason);
        model.put("conflict", status == 409);
        model.put("errors", errors.labelledMessages(lang));
        ctx.status(status);
        views.html(ctx, "admin/charts", model);
    }

    private void renderRestore(Context ctx, int status, Chart chart, String version, String reason, FieldErrors errors) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("chart", chart);
        model.put("version", version == null ? "" : version);
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", errors.labelledMessages(RequestLang.resolve(ctx)));
        ctx.status(status);
        views.html(ctx, "admin/chart-restore", model);
    }
}
