package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.ProxyTrust;
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
 * included, with its signed cookie), a signed-in session for everything except the login page,
 * the account page only while the password is a one-time one, and the role {@link RoleRules}
 * asks of the route (else 403).
 */
public final class AdminGuard {
    public static final String COOKIE = "admin_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String LOGIN_PATH = "/admin/login";
    /** Where one changes one's own password: the only page a one-time password opens. */
    public static final String ACCOUNT_PATH = "/admin/account";
    private static final String LOGOUT_PATH = "/admin/logout";
    private static final String SESSION_ATTRIBUTE = "admin.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final SessionStore sessions;
    private final LoginFormToken loginTokens;
    private final ErrorPages errors;
    private final ProxyTrust proxy;
    private final RoleRules roles;

    public AdminGuard(SessionStore sessions, LoginFormToken loginTokens, ErrorPages errors, ProxyTrust proxy) {
        this(sessions, loginTokens, errors, proxy, RoleRules.ADMIN_AREA);
    }

    public AdminGuard(SessionStore sessions, LoginFormToken loginTokens, ErrorPages errors, ProxyTrust proxy, RoleRules roles) {
        this.sessions = sessions;
        this.loginTokens = loginTokens;
        this.errors = errors;
        this.proxy = proxy;
        this.roles = roles;
    }

    public static boolean isAdminPath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    public void check(Context ctx) {
        if (!isAdminPath(ctx.path())) return;
        ctx.header("Cache-Control", "no-store");
        AdminSession session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session != null) ctx.attribute(SESSION_ATTRIBUTE, session);
        boolean login = ctx.path().equals(LOGIN_PATH);

        if (!SAFE.contains(ctx.method())) {
            boolean verified = login ? loginTokenMatches(ctx) : csrfMatches(ctx, session);
            if (crossSite(ctx) || !verified) {
                discardBody(ctx);
                errors.show(ctx, 403, "forbidden");
                ctx.skipRemainingHandlers();
                return;
            }
        }
        if (!login && session == null) {
            if (isApiRequest(ctx)) {
                errors.show(ctx, 401, "unauthorized");
            } else {
                ctx.redirect(LOGIN_PATH, HttpStatus.SEE_OTHER);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        exposeToViews(ctx, session, login ? ctx.cookie(LoginFormToken.COOKIE) : null);
        if (login) return;
        if (session.mustChangePassword() && !ctx.path().equals(ACCOUNT_PATH) && !ctx.path().equals(LOGOUT_PATH)) {
            // Nothing else works until the one-time password is replaced; a POST sent here changes nothing.
            if (isApiRequest(ctx)) {
                errors.show(ctx, 403, "password_change_required");
            } else {
                ctx.redirect(ACCOUNT_PATH, HttpStatus.SEE_OTHER);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (!roles.allows(session.role(), route(ctx))) {
            errors.show(ctx, 403, "role_forbidden");
            ctx.skipRemainingHandlers();
        }
    }

    /** The route as registered ({@code /admin/review/{id}/approve}), so rules need not guess how a path is spelled. */
    private static String route(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        return matched != null ? matched.path : ctx.path();
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

    /** Gives the login form a fresh signed token, in a cookie and in the page's model. */
    public void issueLoginToken(Context ctx) {
        String token = loginTokens.issue();
        ctx.cookie(new Cookie(LoginFormToken.COOKIE, token, LOGIN_PATH, (int) LoginFormToken.LIFETIME.toSeconds(),
                isHttps(ctx), true, null, SameSite.STRICT));
        exposeToViews(ctx, null, token);
    }

    public void setCookie(Context ctx, SessionStore.Started started) {
        ctx.attribute(SESSION_ATTRIBUTE, started.session());
        ctx.cookie(new Cookie(COOKIE, started.cookieValue(), "/admin", -1, isHttps(ctx), true, null, SameSite.STRICT));
        // The login form's token has done its work.
        ctx.cookie(new Cookie(LoginFormToken.COOKIE, "", LOGIN_PATH, 0, isHttps(ctx), true, null, SameSite.STRICT));
        exposeToViews(ctx, started.session(), null);
    }

    public void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/admin", 0, isHttps(ctx), true, null, SameSite.STRICT));
    }

    /** HTTPS as the browser sees it: a proxy's word only from a trusted proxy. */
    public boolean isHttps(Context ctx) {
        return proxy.isHttps(ctx);
    }

    /** The client's address; through a trusted proxy, the address it forwarded. */
    public String clientAddress(Context ctx) {
        return proxy.clientAddress(ctx);
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

    private static String sentToken(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || sent.isEmpty()) sent = ctx.formParam(CSRF_FIELD);
        return sent;
    }

    /**
     * Reads and drops the body of a refused write (within its route's limit, checked before this), so
     * the client, which may still be sending it, gets the answer rather than a connection Jetty closes
     * on an unread body (seen as "no bytes received" by a client sending a 2 MB upload without a session).
     */
    private static void discardBody(Context ctx) {
        try (java.io.InputStream body = ctx.req().getInputStream()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException | IllegalStateException gone) {
            // the client left, or the body was read already: nothing to drop
        }
    }

    private static boolean csrfMatches(Context ctx, AdminSession session) {
        if (session == null) return false;
        return equal(sentToken(ctx), session.csrfToken());
    }

    /** The login form's token: the same signed, unexpired value in the cookie and in the form. */
    private boolean loginTokenMatches(Context ctx) {
        String cookie = ctx.cookie(LoginFormToken.COOKIE);
        return equal(sentToken(ctx), cookie) && loginTokens.isValid(cookie);
    }

    private static boolean equal(String sent, String expected) {
        if (sent == null || expected == null) return false;
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isApiRequest(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.header("X-Requested-With") != null
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    /** Puts the admin's name, the CSRF token and any flash message into every page's model. */
    private void exposeToViews(Context ctx, AdminSession session, String loginToken) {
        Map<String, Object> base = new HashMap<>();
        if (loginToken != null) base.put("csrfToken", loginToken);
        if (session != null) {
            base.put("csrfToken", session.csrfToken());
            base.put("adminUser", session.username());
            base.put("adminRole", session.role().code());
            base.put("adminCanManage", session.role().canManage());
            base.put("adminMustChangePassword", session.mustChangePassword());
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
