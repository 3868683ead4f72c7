package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.db.DataVersion;
import io.javalin.http.Context;

/**
 * Conditional GET for public pages and downloads: a strong ETag made of the data version, the
 * language and the representation, so any change through the admin changes it at once.
 */
public final class HttpCache {
    private final DataVersion version;

    public HttpCache(DataVersion version) {
        this.version = version;
    }

    /** Sets the validators; answers 304 and returns true when the client's copy is current. */
    public boolean notModified(Context ctx, String representation) {
        String tag = "\"d" + version.current() + "-" + RequestLang.resolve(ctx).code() + "-" + representation + "\"";
        ctx.header("ETag", tag);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Language, Cookie");
        if (matches(ctx.header("If-None-Match"), tag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) return true;
        }
        return false;
    }
}
