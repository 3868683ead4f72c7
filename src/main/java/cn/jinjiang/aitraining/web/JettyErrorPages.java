package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer for requests Jetty refuses before they reach the app (a URL with {@code %00}, an
 * ambiguous path, a body that arrived too slowly): our error page in the viewer's language, or
 * our JSON on {@code /api/}, with the usual security headers, instead of Jetty's own ISO-8859-1
 * page.
 */
public final class JettyErrorPages extends ErrorHandler {
    private final Views views;
    private final Json json;

    public JettyErrorPages(Views views, Json json) {
        this.views = views;
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        Lang lang = Lang.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)).orElse(Lang.ZH);
        String key = switch (code) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            default -> code >= 500 ? "internal_error" : "bad_request";
        };
        String text = Messages.get(lang, "error." + key);
        SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body;
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (path.startsWith("/api/") || (accept != null && accept.contains("application/json") && !accept.contains("text/html"))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", key);
            error.put("message", text);
            body = json.bytes(error);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        } else {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("status", code);
            model.put("errorTitle", Messages.get(lang, "error." + key + ".title"));
            model.put("message", text);
            body = views.render(lang, path, "error/error", model).getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Views.HTML);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
