package cn.jinjiang.aitraining.admin.charts;

import static cn.jinjiang.aitraining.admin.shared.AdminPages.UNPROCESSABLE;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.EditableField;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.admin.shared.FormInput;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.charts.ChartService;
import cn.jinjiang.aitraining.charts.SiteSettings;
import cn.jinjiang.aitraining.charts.SiteSettingsConflict;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.figures.FigureSnapshot;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /admin/dashboard: the site's texts (title, subtitle, footer note, programme name in both
 * languages) and the headline cards (which figures, in what order), two forms on one page.
 */
public final class DashboardSettingsController {
    static final String HEADLINES = "headlines";

    private final ChartService charts;
    private final HeadlineService headlines;
    private final FigureService figures;
    private final AdminPages pages;
    private final Views views;

    public DashboardSettingsController(ChartService charts, HeadlineService headlines, FigureService figures,
                                       AdminPages pages, Views views) {
        this.charts = charts;
        this.headlines = headlines;
        this.figures = figures;
        this.pages = pages;
        this.views = views;
    }

    // GET /admin/dashboard
    public void show(Context ctx) {
        render(ctx, 200, SiteFields.values(charts.siteSettings()), headlineValues(), new FieldErrors());
    }

    // POST /admin/dashboard: the site's texts
    public void saveSite(Context ctx) {
        Map<String, String> typed = FormInput.read(SiteFields.FORM, ctx::formParam, "version", SiteFields.ORIGINAL);
        FieldErrors errors = new FieldErrors();
        Map<String, Object> checked = FormInput.check(SiteFields.FORM, false, typed, pages.today(), errors);
        Integer version = errors.version("version", typed.get("version"));
        if (!errors.isEmpty()) {
            render(ctx, UNPROCESSABLE, typed, headlineValues(), errors);
            return;
        }
        try {
            charts.saveSiteSettings(SiteFields.settings(checked, version), (String) checked.get("reason"),
                    AdminGuard.username(ctx));
            flashTo(ctx, "admin.flash.site_saved");
        } catch (SiteSettingsConflict conflict) {
            SiteSettings theirs = conflict.current();
            pages.conflict(ctx, "/admin/dashboard", EditableField.compare(SiteFields.ALL, theirs, typed),
                    FormInput.decode(typed.get(SiteFields.ORIGINAL)), false, false);
        }
    }

    // POST /admin/dashboard/headlines: which figures are headline cards, in order
    public void saveHeadlines(Context ctx) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(HEADLINES, ctx.formParam(HEADLINES));
        typed.put("headline_reason", ctx.formParam("headline_reason"));
        typed.put("headline_version", ctx.formParam("headline_version"));
        FieldErrors errors = new FieldErrors();
        Optional<List<String>> keys = headlines.validate(HEADLINES, typed.get(HEADLINES), errors);
        String reason = errors.text("headline_reason", typed.get("headline_reason"), true, 500);
        String version = typed.get("headline_version") == null ? "" : typed.get("headline_version").strip();
        if (!version.matches("\\d{1,10}")) errors.add("headline_version", "validation.version");
        if (!errors.isEmpty() || keys.isEmpty()) {
            render(ctx, UNPROCESSABLE, SiteFields.values(charts.siteSettings()), typed, errors);
            return;
        }
        try {
            headlines.save(keys.get(), Long.parseLong(version), reason, AdminGuard.username(ctx));
            flashTo(ctx, "admin.flash.headlines_saved");
        } catch (HeadlineConflict conflict) {
            pages.conflict(ctx, "/admin/dashboard", List.of(new EditableField.Difference(HEADLINES,
                            "admin.field.headlines", String.join(", ", conflict.current()), typed.get(HEADLINES))),
                    Map.of(), false, false);
        }
    }

    private Map<String, String> headlineValues() {
        List<String> order = headlines.order();
        Map<String, String> v = new LinkedHashMap<>();
        v.put(HEADLINES, String.join(", ", order));
        v.put("headline_reason", "");
        v.put("headline_version", String.valueOf(HeadlineService.version(order)));
        return v;
    }

    private static void flashTo(Context ctx, String flashKey) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) session.flash(flashKey, false);
        ctx.redirect("/admin/dashboard", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Map<String, String> site, Map<String, String> headline,
                        FieldErrors errors) {
        Lang lang = RequestLang.resolve(ctx);
        List<FigureSnapshot> cards = figures.headline();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("values", site);
        model.put("headline", headline);
        model.put("fields", SiteFields.FORM);
        model.put("cards", cards.stream().map(f -> new Card(f.key(), f.label(lang), f.display(lang))).toList());
        model.put("errors", errors.labelledMessages(lang));
        ctx.status(status);
        views.html(ctx, "admin/dashboard-settings", model);
    }

    /** A headline card as the page lists it. */
    public record Card(String key, String label, String value) {}
}
