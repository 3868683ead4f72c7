package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error responses in the viewer's language: an HTML page for browsers, a small JSON object for
 * {@code /api/**}. Never a stack trace or an exception message.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private final Views views;
    private final Json json;

    public ErrorPages(Views views, Json json) {
        this.views = views;
        this.json = json;
    }

    /** Marks a response whose error body a handler already wrote, so the status mapper leaves it. */
    private static final String HANDLED = "dashboard.errorHandled";

    public void notFound(Context ctx) { showUnlessHandled(ctx, 404, "not_found"); }

    public void methodNotAllowed(Context ctx) { showUnlessHandled(ctx, 405, "method_not_allowed"); }

    public void payloadTooLarge(Context ctx) { showUnlessHandled(ctx, 413, "payload_too_large"); }

    private void showUnlessHandled(Context ctx, int status, String code) {
        if (ctx.attribute(HANDLED) == null) show(ctx, status, code);
    }

    public void unexpected(Exception e, Context ctx) {
        if (ClientFailure.clientWentAway(e)) {
            // Nobody is left to answer, and nothing went wrong on our side: one quiet line.
            LOG.debug("Client went away during {} {}: {}", ctx.method(), ctx.path(), ClientFailure.summary(e));
            return;
        }
        int status = ClientFailure.badRequestStatus(e);
        if (status > 0) {
            LOG.debug("Bad request {} {} ({}): {}", ctx.method(), ctx.path(), status, ClientFailure.summary(e));
            ctx.header("Connection", "close");
            show(ctx, status, status == 408 ? "request_timeout" : "bad_request");
            return;
        }
        LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
        show(ctx, 500, "internal_error");
    }

    public void show(Context ctx, int status, String code) {
        Lang lang = RequestLang.resolve(ctx);
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        String message = Messages.get(lang, "error." + code);
        if (wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("message", message);
            json.send(ctx, body);
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("errorTitle", Messages.get(lang, "error." + code + ".title"));
        model.put("message", message);
        try {
            views.html(ctx, "error/error", model);
        } catch (RuntimeException renderFailure) {
            LOG.error("Error page failed to render", renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }
}
