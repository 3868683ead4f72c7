package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders Thymeleaf templates from {@code templates/} with the shared base model. */
public final class Views {
    public static final String HTML = "text/html; charset=utf-8";
    private final TemplateEngine engine = new TemplateEngine();
    private final Assets assets;
    private final Supplier<?> siteTexts;

    public Views(Assets assets) {
        this(assets, () -> null);
    }

    /**
     * {@code siteTexts}: the site's title, subtitle and footer as staff set them (charts/SiteSettings),
     * shown by the layout on every page; null, or a failing read (the database away), falls back to the
     * bundle's texts.
     */
    public Views(Assets assets, Supplier<?> siteTexts) {
        this.assets = assets;
        this.siteTexts = siteTexts;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessages());
    }

    /** Renders a page in the request's language; the model adds to the base model. */
    public String render(Context ctx, String template, Map<String, Object> model) {
        Lang lang = RequestLang.resolve(ctx);
        Map<String, Object> all = new HashMap<>(baseModel(lang, ctx.path(), ctx.attribute(BASE_MODEL_ATTRIBUTE)));
        all.put("origin", ProxyTrust.originOf(ctx));
        all.put("langSwitch", langSwitch(sameSitePath(ctx.path()), ctx::queryParam, lang.isZh() ? Lang.EN : Lang.ZH));
        all.putAll(model);
        return engine.process(template, new org.thymeleaf.context.Context(lang.locale(), all));
    }

    /** Renders a page outside Javalin (e.g. for a request Jetty refused before routing). */
    public String render(Lang lang, String path, String template, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(baseModel(lang, path, null));
        all.putAll(model);
        return engine.process(template, new org.thymeleaf.context.Context(lang.locale(), all));
    }

    public void html(Context ctx, String template, Map<String, Object> model) {
        ctx.contentType(HTML);
        ctx.result(render(ctx, template, model));
    }

    private Object site() {
        try {
            return siteTexts.get();
        } catch (RuntimeException unavailable) {
            return null; // the bundle's texts
        }
    }

    private Map<String, Object> baseModel(Lang lang, String path, Object extra) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("otherLang", lang.isZh() ? Lang.EN : Lang.ZH);
        model.put("path", sameSitePath(path));
        model.put("langSwitch", langSwitch(sameSitePath(path), name -> null, lang.isZh() ? Lang.EN : Lang.ZH));
        model.put("assets", assets);
        model.put("origin", "");
        model.put("site", site());
        if (extra instanceof Map<?, ?> map) {
            map.forEach((k, v) -> model.put(String.valueOf(k), v));
        }
        return model;
    }

    /**
     * The request's path as a link that stays on this site: exactly one leading slash. A path like
     * {@code //evil.example/x} (or {@code /\\evil.example}) would otherwise become a link to another host.
     */
    static String sameSitePath(String path) {
        if (path == null) return "/";
        int start = 0;
        while (start < path.length() && (path.charAt(start) == '/' || path.charAt(start) == '\\')) start++;
        return "/" + path.substring(start);
    }

    /**
     * The parameters a view's state lives in (the tables' filters, sort and page numbers): the
     * language switch keeps them, so switching language shows the same view. Only these, and only
     * non-empty ones: a cached plain page must not carry whatever another request happened to add.
     */
    static final List<String> VIEW_PARAMETERS =
            List.of("category", "qualifier", "period", "q", "sort", "kind", "dated", "eq", "page", "fp", "ep");

    /** {@code path?lang=other} plus the view's parameters as this request gives them, encoded. */
    static String langSwitch(String path, Function<String, String> query, Lang other) {
        StringBuilder url = new StringBuilder(path).append("?lang=").append(other.code());
        for (String name : VIEW_PARAMETERS) {
            String value = query.apply(name);
            if (value != null && !value.isEmpty()) {
                url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }

    /** Filters (e.g. the admin session) may put a {@code Map<String,Object>} here to add to every page. */
    public static final String BASE_MODEL_ATTRIBUTE = "dashboard.baseModel";

    /** Thymeleaf's {@code #{key}} reads the same bundles as the rest of the code. */
    private static final class BundleMessages implements IMessageResolver {
        @Override public String getName() { return "bundle"; }
        @Override public Integer getOrder() { return 0; }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            Lang lang = Lang.parse(context.getLocale().getLanguage()).orElse(Lang.ZH);
            return Messages.get(lang, key, params == null ? new Object[0] : params);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            return key;
        }
    }
}
