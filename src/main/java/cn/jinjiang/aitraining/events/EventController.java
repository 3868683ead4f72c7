package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.export.EventExport;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import io.javalin.http.Context;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** GET /api/events */
public final class EventController {
    private final EventService service;
    private final Json json;
    private final HttpCache cache;

    public EventController(EventService service, Json json, HttpCache cache) {
        this.service = service;
        this.json = json;
        this.cache = cache;
    }

    public void list(Context ctx) {
        cache.respond(ctx, "api-events", Json.CONTENT_TYPE, stream -> {
            try (JsonGenerator out = json.mapper().getFactory().createGenerator(stream)) {
                out.writeStartObject();
                out.writeArrayFieldStart("events");
                service.forEachPublished(e -> {
                    try {
                        out.writeObject(EventExport.json(e));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
                out.writeEndArray();
                out.writeEndObject();
            }
        });
    }
}
