package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.paging.Page;
import java.util.List;
import java.util.function.Consumer;

/** What viewers may read about events: only events that are not archived. */
public final class EventService {
    private final EventDao dao;

    public EventService(EventDao dao) {
        this.dao = dao;
    }

    public Page<EventSnapshot> page(int pageNumber, int pageSize) {
        int total = dao.count();
        Page.Request request = Page.Request.of(pageNumber, pageSize, total);
        return new Page<>(dao.list(request.size(), request.offset()), request.number(), request.size(), total);
    }

    /** One page of the events table as {@code query} filters it. */
    public Page<EventSnapshot> table(EventQuery query, int pageNumber, int pageSize) {
        if (!query.isFiltered()) return page(pageNumber, pageSize);
        int total = dao.count(query);
        Page.Request request = Page.Request.of(pageNumber, pageSize, total);
        return new Page<>(dao.search(query, request.size(), request.offset()), request.number(), request.size(), total);
    }

    public void forEach(EventQuery query, Consumer<EventSnapshot> consumer) {
        if (!query.isFiltered()) dao.forEach(consumer);
        else dao.forEach(query, consumer);
    }

    /** The dated events for the timeline chart: the most recent ones, so the chart stays readable. */
    public List<EventSnapshot> latestDated(int limit) { return dao.listLatestDated(limit); }

    /** The latest dated events of the given kinds (all kinds when none is given), oldest first. */
    public List<EventSnapshot> latestDated(int limit, List<String> kinds) { return dao.listLatestDated(limit, kinds); }

    public void forEachPublished(Consumer<EventSnapshot> consumer) { dao.forEach(consumer); }
}
