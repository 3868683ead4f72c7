package cn.jinjiang.aitraining.review;

import cn.jinjiang.aitraining.admin.shared.AdminPages;
import cn.jinjiang.aitraining.admin.shared.FieldErrors;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET/POST /admin/settings (admin role): the require-review switch. The form carries the version
 * it was read at; saving over a newer one is refused (409) with what is saved now.
 */
public final class SettingsController {
    /** The checkbox's field and the value it sends when ticked. */
    public static final String FIELD = "require_review";
    public static final String ON = "on";

    private final ReviewService service;
    private final Views views;

    public SettingsController(ReviewService service, Views views) {
        this.service = service;
        this.views = views;
    }

    // GET /admin/settings
    public void form(Context ctx) {
        if (refusedForRole(ctx)) return;
        ReviewService.RequireReview now = service.requireReview();
        render(ctx, 200, now.on(), String.valueOf(now.version()), "", new FieldErrors(), null);
    }

    // POST /admin/settings
    public void save(Context ctx) {
        if (refusedForRole(ctx)) return;
        boolean on = ON.equals(ctx.formParam(FIELD));
        FieldErrors errors = new FieldErrors();
        String reason = errors.text("reason", ctx.formParam("reason"), true, 500);
        Integer version = errors.version("version", ctx.formParam("version"));
        if (!errors.isEmpty()) {
            render(ctx, AdminPages.UNPROCESSABLE, on, ctx.formParam("version"), ctx.formParam("reason"), errors, null);
            return;
        }
        try {
            service.changeRequireReview(on, version, reason, AdminGuard.username(ctx));
            AdminGuard.session(ctx).flash("settings.flash.saved", false);
            ctx.redirect("/admin/settings", HttpStatus.SEE_OTHER);
        } catch (SettingConflict conflict) {
            Lang lang = RequestLang.resolve(ctx);
            String saved = Messages.get(lang, conflict.savedValue() ? "admin.yes" : "admin.no");
            ReviewService.RequireReview now = service.requireReview();
            render(ctx, 409, on, String.valueOf(now.version()), ctx.formParam("reason"), errors,
                    Messages.get(lang, "settings.conflict", saved));
        }
    }

    /** Settings are the admin role's: anyone else gets a 403 page saying so. */
    private boolean refusedForRole(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        if (session.role().canManage()) return false;
        Lang lang = RequestLang.resolve(ctx);
        ctx.status(403);
        views.html(ctx, "admin/message", Map.of("title", Messages.get(lang, "settings.title"),
                "message", Messages.get(lang, "settings.admins_only"), "backUrl", "/admin"));
        return true;
    }

    private void render(Context ctx, int status, boolean on, String version, String reason, FieldErrors errors,
                        String conflict) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("requireReview", on);
        model.put("version", version == null ? "" : version);
        model.put("reason", reason == null ? "" : reason);
        model.put("errors", errors.labelledMessages(RequestLang.resolve(ctx)));
        model.put("conflict", conflict);
        ctx.status(status);
        views.html(ctx, "admin/settings", model);
    }
}
