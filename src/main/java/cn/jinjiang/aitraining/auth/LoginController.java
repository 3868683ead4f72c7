package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
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

    /** The form, with a signed token in a cookie; nothing is stored on the server. */
    public void form(Context ctx) {
        AdminSession signedIn = AdminGuard.session(ctx);
        if (signedIn != null) {
            ctx.redirect(signedIn.mustChangePassword() ? AdminGuard.ACCOUNT_PATH : "/admin", HttpStatus.SEE_OTHER);
            return;
        }
        guard.issueLoginToken(ctx);
        render(ctx, 200, "", ctx.queryParam("out") != null ? "login.signed_out" : null, null);
    }

    /**
     * Counts the attempt first (refused beyond the limits, without hashing anything), then checks
     * the password; a session exists only after a successful sign-in.
     */
    public void submit(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String address = guard.clientAddress(ctx);
        LoginThrottle.Decision decision = throttle.admit(username, address);
        if (!decision.allowed()) {
            Duration wait = decision.retryAfter();
            ctx.header("Retry-After", String.valueOf(wait.toSeconds()));
            boolean minutes = wait.toSeconds() >= 60;
            render(ctx, 429, username, null, minutes ? "login.throttled" : "login.throttled_seconds",
                    minutes ? (wait.toSeconds() + 59) / 60 : Math.max(1, wait.toSeconds()));
            return;
        }
        Optional<AdminUser> user;
        try {
            user = accounts.verify(username, password);
        } catch (PasswordHasher.Busy busy) {
            ctx.header("Retry-After", "5");
            render(ctx, 503, username, null, "login.busy");
            return;
        }
        if (user.isEmpty()) {
            render(ctx, 401, username, null, "login.failed");
            return;
        }
        throttle.recordSuccess(username, address);
        SessionStore.Started started = sessions.login(AdminGuard.session(ctx), user.get(), address, ctx.header("User-Agent"));
        guard.setCookie(ctx, started);
        // A one-time password goes straight to the account page: nothing else opens until it is changed.
        started.session().flash("login.welcome", false, user.get().username());
        ctx.redirect(user.get().mustChange() ? AdminGuard.ACCOUNT_PATH : "/admin", HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx) {
        AdminSession session = AdminGuard.session(ctx);
        if (session != null) sessions.end(session);
        guard.clearCookie(ctx);
        ctx.redirect("/admin/login?out=1", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String username, String infoKey, String errorKey) {
        render(ctx, status, username, infoKey, errorKey, null);
    }

    private void render(Context ctx, int status, String username, String infoKey, String errorKey, Object errorArg) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("username", username);
        model.put("infoKey", infoKey);
        model.put("errorKey", errorKey);
        model.put("errorArg", errorArg);
        ctx.status(status);
        views.html(ctx, "admin/login", model);
    }
}
