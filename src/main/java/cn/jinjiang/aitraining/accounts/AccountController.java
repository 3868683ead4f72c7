package cn.jinjiang.aitraining.accounts;

import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.auth.AdminSession;
import cn.jinjiang.aitraining.auth.PasswordHasher;
import cn.jinjiang.aitraining.auth.PasswordPolicy;
import cn.jinjiang.aitraining.auth.SessionStore;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET/POST /admin/account (one's own password: {@code current_password}, {@code new_password}),
 * POST /admin/account/sessions/{ref}/end and POST /admin/account/sessions/end-others.
 */
public final class AccountController {
    private final AccountService service;
    private final AdminGuard guard;
    private final Views views;

    public AccountController(AccountService service, AdminGuard guard, Views views) {
        this.service = service;
        this.guard = guard;
        this.views = views;
    }

    public void show(Context ctx) {
        render(ctx, 200, Map.of());
    }

    public void changePassword(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        Lang lang = RequestLang.resolve(ctx);
        AccountService.Outcome outcome;
        try {
            outcome = service.changePassword(session, ctx.formParam(AccountService.CURRENT), ctx.formParam(AccountService.NEW),
                    guard.clientAddress(ctx));
        } catch (PasswordHasher.Busy busy) {
            ctx.header("Retry-After", "5");
            render(ctx, 503, Map.of(AccountService.CURRENT, Messages.get(lang, "login.busy")));
            return;
        }
        if (outcome.throttled()) {
            Duration wait = outcome.retryAfter();
            ctx.header("Retry-After", String.valueOf(wait.toSeconds()));
            boolean minutes = wait.toSeconds() >= 60;
            render(ctx, 429, Map.of(AccountService.CURRENT, Messages.get(lang, minutes ? "login.throttled" : "login.throttled_seconds",
                    minutes ? (wait.toSeconds() + 59) / 60 : Math.max(1, wait.toSeconds()))));
            return;
        }
        if (!outcome.done()) {
            Map<String, String> messages = new LinkedHashMap<>();
            outcome.errors().forEach((field, key) ->
                    messages.put(field, Messages.get(lang, key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH)));
            render(ctx, 422, messages);
            return;
        }
        session.flash("account.flash.password_changed", false);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    public void endSession(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        boolean ended = service.endSession(session, ctx.pathParam("ref"));
        session.flash(ended ? "account.flash.session_ended" : "account.flash.session_gone", !ended);
        ctx.redirect(AdminGuard.ACCOUNT_PATH, HttpStatus.SEE_OTHER);
    }

    public void endOthers(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        int ended = service.endOtherSessions(session);
        session.flash("account.flash.others_ended", false, ended);
        ctx.redirect(AdminGuard.ACCOUNT_PATH, HttpStatus.SEE_OTHER);
    }

    /** A session as the page lists it: times in China's time zone, the browser as it named itself. */
    public record SessionRow(String ref, String started, String lastSeen, String address, String browser, boolean current) {}

    private void render(Context ctx, int status, Map<String, String> fieldMessages) {
        AdminSession session = AdminGuard.session(ctx);
        Lang lang = RequestLang.resolve(ctx);
        List<SessionRow> rows = service.sessions(session).stream().map(AccountController::row).toList();
        Map<String, String> summary = new LinkedHashMap<>();
        fieldMessages.forEach((field, message) -> summary.put(field,
                Messages.get(lang, "admin.errors.item", Messages.get(lang, "account.field." + field), message)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("account", session.username());
        model.put("role", session.role().code());
        model.put("mustChange", session.mustChangePassword());
        model.put("sessions", rows);
        model.put("otherSessions", rows.stream().filter(r -> !r.current()).count());
        model.put("errors", summary);
        model.put("fieldErrors", fieldMessages);
        model.put("minLength", PasswordPolicy.MIN_LENGTH);
        ctx.status(status);
        views.html(ctx, "admin/account", model);
    }

    private static SessionRow row(SessionStore.Live s) {
        return new SessionRow(s.ref(), Times.shown(s.started()), Times.shown(s.lastSeen()),
                s.address() == null ? "" : s.address(), s.userAgent() == null ? "" : s.userAgent(), s.current());
    }
}
