package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.export.EventExport;
import cn.jinjiang.aitraining.web.HttpCache;
import cn.jinjiang.aitraining.web.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (cache.notModified(ctx, "api-events")) return;
        List<EventExport.EventJson> events = new ArrayList<>();
        service.forEachPublished(e -> events.add(EventExport.json(e)));
        json.send(ctx, Map.of("events", events));
    }
}
