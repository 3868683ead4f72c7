package cn.jinjiang.aitraining.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How large a request body each route reads, declared where the route is added (see WebApp), so a
 * renamed route keeps its limit. Requests to any other path are held to the fallback.
 */
public final class BodyLimits {
    /** A limit and the message (a key under {@code error.}) of the 413 page that names it. */
    public record Limit(long bytes, String messageKey) {}

    private final Limit fallback;
    private final Map<Pattern, Limit> byRoute = new LinkedHashMap<>();

    public BodyLimits(Limit fallback) {
        this.fallback = fallback;
    }

    /** Declares the limit of a route, in Javalin's path syntax ({@code /admin/import/{id}/apply}). */
    public void declare(String pathTemplate, Limit limit) {
        byRoute.put(Pattern.compile(Pattern.quote(pathTemplate).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q")), limit);
    }

    /** The limit of the route a request path matches, or the fallback. */
    public Limit forPath(String path) {
        for (var e : byRoute.entrySet()) if (e.getKey().matcher(path).matches()) return e.getValue();
        return fallback;
    }

    /** The largest body any route reads: what the server itself accepts at most. */
    public long largest() {
        return byRoute.values().stream().mapToLong(Limit::bytes).reduce(fallback.bytes(), Math::max);
    }
}
