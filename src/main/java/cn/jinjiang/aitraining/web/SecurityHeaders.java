package cn.jinjiang.aitraining.web;

import io.javalin.http.Context;

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

    /** The same headers, encoded once; appended, as the app's first handler, to a response that has none yet. */
    private static final java.util.List<org.eclipse.jetty.http.HttpField> FIELDS = java.util.List.of(
            FixedHeaders.of("Content-Security-Policy", CSP),
            FixedHeaders.of("X-Content-Type-Options", "nosniff"),
            FixedHeaders.of("Referrer-Policy", "strict-origin-when-cross-origin"),
            FixedHeaders.of("X-Frame-Options", "DENY"),
            FixedHeaders.of("Cross-Origin-Opener-Policy", "same-origin"));

    public static void apply(Context ctx) {
        org.eclipse.jetty.http.HttpFields.Mutable headers = FixedHeaders.of(ctx);
        if (headers == null) {
            apply(ctx::header);
            return;
        }
        for (org.eclipse.jetty.http.HttpField field : FIELDS) headers.put(field);
    }

    /** The same headers through any setter (e.g. Jetty's own error answers). */
    public static void apply(java.util.function.BiConsumer<String, String> header) {
        for (org.eclipse.jetty.http.HttpField field : FIELDS) header.accept(field.getName(), field.getValue());
    }
}
