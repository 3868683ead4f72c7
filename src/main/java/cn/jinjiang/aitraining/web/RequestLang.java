package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.i18n.Lang;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The language of a request: {@code ?lang=} (remembered in a cookie), else the cookie, else
 * Accept-Language, else Chinese. An unknown value falls through to the next rule, never an error.
 */
public final class RequestLang {
    public static final String COOKIE = "lang";
    private static final String ATTRIBUTE = "dashboard.lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private RequestLang() {}

    /** Resolves once per request and remembers an explicit choice. */
    public static Lang resolve(Context ctx) {
        Lang cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        Lang lang = Lang.parse(ctx.queryParam("lang"))
                .map(chosen -> {
                    Cookie cookie = new Cookie(COOKIE, chosen.code(), "/", ONE_YEAR, false, true, null, SameSite.LAX);
                    ctx.cookie(cookie);
                    return chosen;
                })
                .or(() -> Lang.parse(ctx.cookie(COOKIE)))
                .or(() -> Lang.fromAcceptLanguage(ctx.header("Accept-Language")))
                .orElse(Lang.ZH);
        ctx.attribute(ATTRIBUTE, lang);
        return lang;
    }
}
