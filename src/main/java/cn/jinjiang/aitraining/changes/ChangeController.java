package cn.jinjiang.aitraining.changes;

import cn.jinjiang.aitraining.i18n.DateFormat;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.paging.Page;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import cn.jinjiang.aitraining.web.ProxyTrust;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public record of changes: GET /changes (the page, newest first, paged), /changes.atom (the
 * feed) and /api/changes (JSON). Each goes through the rendered-response cache: ETag and 304, kept
 * until the data changes.
 */
public final class ChangeController {
    /** Changes per page of /changes and /api/changes. */
    public static final int PAGE_SIZE = 50;

    private final ChangeLog log;
    private final Views views;
    private final Json json;
    private final HttpCache cache;

    public ChangeController(ChangeLog log, Views views, Json json, HttpCache cache) {
        this.log = log;
        this.views = views;
        this.json = json;
        this.cache = cache;
    }

    /** GET /changes?page=N ; a page past the last redirects to the last, never rendered or kept. */
    public void page(Context ctx) {
        int number = Page.requested(ctx.queryParam("page"));
        Lang lang = RequestLang.resolve(ctx);
        int[] last = new int[1];
        boolean shown = cache.respond(ctx, "changes", "changes-" + number, Views.HTML, out -> {
            Page<PublicChange> page = inRange(number, last);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("changes", page);
            var lastPublished = log.lastPublishedDate();
            model.put("lastPublished", lastPublished.orElse(null));
            model.put("lastPublishedText", lastPublished.map(d -> DateFormat.format(lang, d)).orElse(null));
            model.put("metaTitle", Messages.get(lang, "changes.title"));
            model.put("metaDescription", Messages.get(lang, "changes.intro"));
            out.write(views.render(ctx, "changes/list", model).getBytes(StandardCharsets.UTF_8));
        });
        if (!shown) redirect(ctx, "/changes", last[0]);
    }

    /** GET /changes.atom : the newest changes as an Atom feed. */
    public void atom(Context ctx) {
        Lang lang = RequestLang.resolve(ctx);
        cache.respond(ctx, "changes-atom", ChangeFeed.CONTENT_TYPE, out ->
                ChangeFeed.write(log.latest(ChangeFeed.SIZE), log.lastPublished(), lang, ProxyTrust.originOf(ctx), out));
    }

    /** GET /api/changes?page=N : the same page as JSON, with both languages in each change. */
    public void api(Context ctx) {
        int number = Page.requested(ctx.queryParam("page"));
        int[] last = new int[1];
        boolean shown = cache.respond(ctx, "api-changes", "api-changes-" + number, Json.CONTENT_TYPE, out -> {
            Page<PublicChange> page = inRange(number, last);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("changes", page.items().stream().map(ChangeController::json).toList());
            body.put("page", page.number());
            body.put("page_count", page.pageCount());
            body.put("total", page.total());
            body.put("last_published", log.lastPublished().orElse(null));
            out.write(json.bytes(body));
        });
        if (!shown) redirect(ctx, "/api/changes", last[0]);
    }

    /** The page asked for; past the last one, {@link HttpCache.Missing} with the last page's number noted. */
    private Page<PublicChange> inRange(int number, int[] last) {
        Page<PublicChange> page = log.page(number, PAGE_SIZE);
        if (number > page.pageCount()) {
            last[0] = page.pageCount();
            throw new HttpCache.Missing();
        }
        return page;
    }

    private static void redirect(Context ctx, String path, int page) {
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(path + "?page=" + page, HttpStatus.FOUND);
    }

    /** One change in /api/changes: public fields only, in both languages. */
    static Map<String, Object> json(PublicChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("occurred_at", c.occurredAt());
        m.put("date", c.date());
        m.put("kind", c.kind().code());
        m.put("entity_type", c.entityType());
        m.put("key", c.entityKey());
        m.put("label_zh", c.label(Lang.ZH));
        m.put("label_en", c.label(Lang.EN));
        m.put("value_zh", c.value(Lang.ZH));
        m.put("value_en", c.value(Lang.EN));
        m.put("replaced_zh", c.replaced(Lang.ZH));
        m.put("replaced_en", c.replaced(Lang.EN));
        m.put("public_note", c.hasNote() ? c.publicNote() : null);
        m.put("url", c.path());
        return m;
    }
}
