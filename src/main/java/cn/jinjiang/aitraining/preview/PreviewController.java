package cn.jinjiang.aitraining.preview;

import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.RequestLang;
import io.javalin.http.Context;

/** GET /preview.png : the picture a shared link shows (og:image), the dashboard's key figures. */
public final class PreviewController {
    private final FigureService figures;
    private final PreviewRenderer renderer;
    private final HttpCache cache;

    public PreviewController(FigureService figures, PreviewRenderer renderer, HttpCache cache) {
        this.figures = figures;
        this.renderer = renderer;
        this.cache = cache;
    }

    /** Drawn once per data version and language, then served from the cache with its ETag. */
    public void png(Context ctx) {
        var lang = RequestLang.resolve(ctx);
        cache.respond(ctx, "preview-png", "image/png", out -> renderer.write(lang, figures.headline(), out));
    }
}
