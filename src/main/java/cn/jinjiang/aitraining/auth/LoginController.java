package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GET/POST /admin/login and POST /admin/logout. */
public final class LoginController {
    private final AdminAccounts accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AdminGuard guard;
    private final Views views;

    public LoginController(AdminAccounts accounts, SessionStore sessions, LoginThrottle throttle, AdminGuard guard, Views views) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.guard = guard;
        this.views = views;
    }

    public void form(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null && session.isAuthenticated()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        if (session == null) {
            // The login form is protected by CSRF too: it needs a token before anybody signs in.
            session = sessions.startAnonymous();
            guard.setCookie(ctx, session);
        }
        render(ctx, 200, "", ctx.queryParam("out") != null ? "login.signed_out" : null, null);
    }

    public void submit(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String address = guard.clientAddress(ctx);
        if (throttle.isBlocked(username, address)) {
            render(ctx, 429, username, null, "login.throttled");
            return;
        }
        Optional<AdminUser> user = accounts.verify(username, password);
        if (user.isEmpty()) {
            throttle.recordFailure(username, address);
            render(ctx, 401, username, null, "login.failed");
            return;
        }
        throttle.recordSuccess(username);
        AdminSession previous = AdminGuard.session(ctx);
        AdminSession session = sessions.login(previous == null ? null : previous.id(), user.get().username());
        guard.setCookie(ctx, session);
        session.flash(user.get().mustChange() ? "login.change_password" : "login.welcome", user.get().mustChange(),
                user.get().username());
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) sessions.end(session.id());
        guard.clearCookie(ctx);
        ctx.redirect("/admin/login?out=1", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String username, String infoKey, String errorKey) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username);
        model.put("infoKey", infoKey);
        model.put("errorKey", errorKey);
        ctx.status(status);
        views.html(ctx, "admin/login", model);
    }
}
