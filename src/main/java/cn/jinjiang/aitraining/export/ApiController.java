package cn.jinjiang.aitraining.export;

import cn.jinjiang.aitraining.events.EventQuery;
import cn.jinjiang.aitraining.events.EventService;
import cn.jinjiang.aitraining.figures.FigureQuery;
import cn.jinjiang.aitraining.figures.FigureService;
import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.web.NotFound;
import cn.jinjiang.aitraining.web.RequestLang;
import cn.jinjiang.aitraining.web.ErrorPages;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The JSON API: GET /api/figures, /api/figures/{key}, /api/events. The JSON rendering of the same
 * data the CSV downloads render, so it lives beside them.
 */
public final class ApiController {
    private final FigureService figures;
    private final EventService events;
    private final Json json;
    private final HttpCache cache;
    private final ErrorPages errors;

    public ApiController(FigureService figures, EventService events, Json json, HttpCache cache, ErrorPages errors) {
        this.figures = figures;
        this.events = events;
        this.json = json;
        this.cache = cache;
        this.errors = errors;
    }

    /** GET /api/figures : every published figure, streamed so any number of figures fits in memory. */
    public void figures(Context ctx) {
        FigureQuery query = FigureQuery.parse(ctx::queryParam);
        Lang lang = RequestLang.resolve(ctx);
        respond(ctx, query.isFiltered(), "api-figures", stream -> writeArray(stream, "figures",
                write -> figures.forEach(query, lang, f -> write.accept(FigureExport.json(f, null)))));
    }

    /** GET /api/observations : every past value of the published figures the query lets through, streamed. */
    public void observations(Context ctx) {
        FigureQuery query = FigureQuery.parse(ctx::queryParam);
        if (query.key() != null && !figures.isPublished(query.key())) throw new NotFound("figure_not_found");
        Lang lang = RequestLang.resolve(ctx);
        respond(ctx, query.isFiltered(), "api-observations", stream -> writeArray(stream, "observations",
                write -> figures.forEachObservation(query, lang, o -> write.accept(ObservationExport.json(o)))));
    }

    /** GET /api/figures/{key} : one figure with its whole history, oldest first. */
    public void figure(Context ctx) {
        String key = ctx.pathParam("key");
        boolean found = cache.respond(ctx, "api-figure-" + key, Json.CONTENT_TYPE, out -> {
            var detail = figures.detail(key).orElseThrow(HttpCache.Missing::new);
            out.write(json.bytes(FigureExport.json(detail.current(), detail.history())));
        });
        if (!found) errors.show(ctx, 404, "figure_not_found");
    }

    /** GET /api/events : every published event, streamed. */
    public void events(Context ctx) {
        EventQuery query = EventQuery.parse(ctx::queryParam);
        respond(ctx, query.isFiltered(), "api-events", stream -> writeArray(stream, "events",
                write -> events.forEach(query, e -> write.accept(EventExport.json(e)))));
    }

    /** The plain list through the cache (ETag, 304); a filtered one streamed for this request only. */
    private void respond(Context ctx, boolean filtered, String representation, HttpCache.Body body) {
        if (!filtered) {
            cache.respond(ctx, representation, Json.CONTENT_TYPE, body);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(Json.CONTENT_TYPE);
        try {
            OutputStream out = ctx.outputStream();
            body.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"name": [...]}} with each item {@code items} hands over written as it comes. */
    private void writeArray(OutputStream stream, String name, Consumer<Consumer<Object>> items) throws IOException {
        try (JsonGenerator out = json.mapper().getFactory().createGenerator(stream)) {
            out.writeStartObject();
            out.writeArrayFieldStart(name);
            items.accept(item -> {
                try {
                    out.writeObject(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
