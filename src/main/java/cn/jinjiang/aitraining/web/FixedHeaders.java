package cn.jinjiang.aitraining.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Headers whose value never changes (the security policy, Cache-Control, Vary), encoded to bytes
 * once. Set through the servlet API, each would be checked character by character and encoded again
 * on every response, and each set would search the response's headers for an earlier one by name:
 * a 304 is little else but its headers (measured by profiling the 304 path under wrk -c32: a fifth
 * of its samples were in setting and writing headers).
 */
final class FixedHeaders {
    private FixedHeaders() {}

    static HttpField of(String name, String value) {
        return new PreEncodedHttpField(name, value);
    }

    /**
     * Jetty's own header list of the response, or null when the response is not Jetty's (then the
     * caller sets the header through the servlet API).
     */
    static HttpFields.Mutable of(Context ctx) {
        ServletContextResponse response = ServletContextResponse.getServletContextResponse(ctx.res());
        return response == null ? null : response.getHeaders();
    }

    /** Sets each header, replacing any of the same name. */
    static void put(Context ctx, HttpField... fields) {
        HttpFields.Mutable headers = of(ctx);
        for (HttpField field : fields) {
            if (headers != null) headers.put(field);
            else ctx.header(field.getName(), field.getValue());
        }
    }
}
