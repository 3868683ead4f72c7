package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one access check of the admin area, run before every matched {@code /admin} route:
 * no caching, same-origin and CSRF checks on every state-changing request (the login form
 * included), and a session for everything except the login page.
 */
public final class AdminGuard {
    public static final String COOKIE = "admin_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "admin.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> OPEN_PATHS = Set.of("/admin/login");

    private final SessionStore sessions;
    private final ErrorPages errors;
    private final boolean behindProxy;

    public AdminGuard(SessionStore sessions, ErrorPages errors, boolean behindProxy) {
        this.sessions = sessions;
        this.errors = errors;
        this.behindProxy = behindProxy;
    }

    public static boolean isAdminPath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    public void check(Context ctx) {
        if (!isAdminPath(ctx.path())) return;
        ctx.header("Cache-Control", "no-store");
        AdminSession session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session != null) ctx.attribute(SESSION_ATTRIBUTE, session);

        if (!SAFE.contains(ctx.method())) {
            if (crossSite(ctx) || !csrfMatches(ctx, session)) {
                errors.show(ctx, 403, "forbidden");
                ctx.skipRemainingHandlers();
                return;
            }
        }
        if (!OPEN_PATHS.contains(ctx.path()) && (session == null || !session.isAuthenticated())) {
            if (isApiRequest(ctx)) {
                errors.show(ctx, 401, "unauthorized");
            } else {
                ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        exposeToViews(ctx, session);
    }

    /** The session of this request, when it has one (set by {@link #check}). */
    public static AdminSession session(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** The signed-in admin; only called on routes the guard protects. */
    public static String username(Context ctx) {
        AdminSession s = session(ctx);
        if (s == null || !s.isAuthenticated()) throw new IllegalStateException("no admin session");
        return s.username();
    }

    public void setCookie(Context ctx, AdminSession session) {
        ctx.attribute(SESSION_ATTRIBUTE, session);
        ctx.cookie(new Cookie(COOKIE, session.id(), "/admin", -1, isHttps(ctx), true, null, SameSite.STRICT));
        exposeToViews(ctx, session);
    }

    public void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/admin", 0, isHttps(ctx), true, null, SameSite.STRICT));
    }

    /** HTTPS as the browser sees it: the proxy's word only when the operator said there is one. */
    public boolean isHttps(Context ctx) {
        if (behindProxy) {
            String proto = ctx.header("X-Forwarded-Proto");
            if (proto != null && !proto.isBlank()) return proto.split(",")[0].trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /** The client's address; behind a proxy, the one the proxy appended last (clients can forge the rest). */
    public String clientAddress(Context ctx) {
        if (behindProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return ctx.ip();
    }

    private boolean crossSite(Context ctx) {
        if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) return true;
        String origin = ctx.header("Origin");
        if (origin == null) return false; // not a browser, or an old one: the CSRF token still guards
        String host = ctx.header("Host");
        if (host == null) return true;
        String own = (isHttps(ctx) ? "https://" : "http://") + host;
        return !origin.equalsIgnoreCase(own);
    }

    private static boolean csrfMatches(Context ctx, AdminSession session) {
        if (session == null) return false;
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || sent.isEmpty()) sent = ctx.formParam(CSRF_FIELD);
        if (sent == null) return false;
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    static boolean isApiRequest(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.header("X-Requested-With") != null
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    /** Puts the admin's name, the CSRF token and any flash message into every page's model. */
    private void exposeToViews(Context ctx, AdminSession session) {
        Map<String, Object> base = new HashMap<>();
        if (session != null) {
            base.put("csrfToken", session.csrfToken());
            if (session.isAuthenticated()) base.put("adminUser", session.username());
            if (ctx.method() == HandlerType.GET) {
                AdminSession.Flash flash = session.takeFlash();
                if (flash != null) {
                    base.put("flashText", Messages.get(RequestLang.resolve(ctx), flash.key(), flash.args()));
                    base.put("flashError", flash.error());
                }
            }
        }
        ctx.attribute(Views.BASE_MODEL_ATTRIBUTE, base);
    }
}
