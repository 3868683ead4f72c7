package cn.jinjiang.aitraining.web;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpField;

/** Headers on every response: no inline script, no framing, no sniffing, little referrer. */
public final class SecurityHeaders {
    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    private SecurityHeaders() {}

    /**
     * For a page meant to be framed (a chart's embed page): the same policy, framing allowed only by
     * the given origins. With none, nothing changes: {@code frame-ancestors 'none'} and DENY stay.
     */
    public static void allowFramingBy(Context ctx, java.util.List<String> origins) {
        if (origins.isEmpty()) return;
        ctx.header("Content-Security-Policy", CSP.replace("frame-ancestors 'none'", "frame-ancestors " + String.join(" ", origins)));
        // X-Frame-Options has no list of sites; frame-ancestors (which browsers prefer) decides.
        ctx.res().setHeader("X-Frame-Options", null);
    }

    /** The headers, each encoded once. */
    private static final HttpField[] FIELDS = {
            FixedHeaders.of("Content-Security-Policy", CSP),
            FixedHeaders.of("X-Content-Type-Options", "nosniff"),
            FixedHeaders.of("Referrer-Policy", "strict-origin-when-cross-origin"),
            FixedHeaders.of("X-Frame-Options", "DENY"),
            FixedHeaders.of("Cross-Origin-Opener-Policy", "same-origin")};

    public static void apply(Context ctx) {
        FixedHeaders.put(ctx, FIELDS);
    }

    /** The same headers through any setter (e.g. Jetty's own error answers). */
    public static void apply(java.util.function.BiConsumer<String, String> header) {
        for (HttpField field : FIELDS) header.accept(field.getName(), field.getValue());
    }
}
