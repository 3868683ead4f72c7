package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.db.StreamingRead;
import cn.jinjiang.aitraining.figures.FigureRows;
import java.util.List;
import java.util.function.Consumer;
import cn.jinjiang.aitraining.db.Like;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Reads events with their sources. SQL only. */
public final class EventDao {
    /** Dated events in date order first, then undated ones in the curated order. */
    private static final String SELECT = """
            SELECT e.id AS e_id, e.event_key AS e_key, e.event_date AS e_date, e.date_note_zh AS e_date_note_zh,
                   e.date_note_en AS e_date_note_en, e.title_zh AS e_title_zh, e.title_en AS e_title_en,
                   e.kind AS e_kind, e.place_zh AS e_place_zh, e.place_en AS e_place_en, e.people_zh AS e_people_zh,
                   e.people_en AS e_people_en, e.source_id AS e_source_id, e.quote AS e_quote,
                   e.sort_order AS e_sort_order, e.archived AS e_archived, e.version AS e_version, %s
              FROM event e
              JOIN source s ON s.id = e.source_id
            """.formatted(FigureRows.SOURCE_COLUMNS);
    private static final String ORDER =
            " ORDER BY CASE WHEN e.event_date IS NULL THEN 1 ELSE 0 END, e.event_date, e.sort_order, e.id";

    private final Jdbi jdbi;

    public EventDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(EventSnapshot.class));
    }

    /** One page of the events {@code query} lets through, in the table's order. */
    public List<EventSnapshot> search(EventQuery query, int limit, int offset) {
        java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
        return jdbi.withHandle(h -> h.createQuery(SELECT + where(query, binds) + ORDER + " LIMIT :limit OFFSET :offset")
                .bindMap(binds)
                .bind("limit", limit).bind("offset", offset)
                .mapTo(EventSnapshot.class).list());
    }

    public int count(EventQuery query) {
        java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event e" + where(query, binds))
                .bindMap(binds).mapTo(Integer.class).one());
    }

    public void forEach(EventQuery query, Consumer<EventSnapshot> consumer) {
        java.util.Map<String, Object> binds = new java.util.LinkedHashMap<>();
        StreamingRead.run(jdbi, h -> h.createQuery(SELECT + where(query, binds) + ORDER)
                .bindMap(binds)
                .setFetchSize(500)
                .mapTo(EventSnapshot.class)
                .useStream(stream -> stream.forEach(consumer)));
    }

    /** Fixed SQL per filter, every value bound; the search covers titles in both languages, places and the quote. */
    private static String where(EventQuery query, java.util.Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder(" WHERE e.archived = FALSE");
        if (query.kind() != null) {
            sql.append(" AND e.kind = :kind");
            binds.put("kind", query.kind());
        }
        if (query.dated() != null) sql.append(query.dated() ? " AND e.event_date IS NOT NULL" : " AND e.event_date IS NULL");
        if (query.text() != null) {
            sql.append(" AND (lower(e.title_zh) LIKE :text" + Like.ESCAPE + " OR lower(e.title_en) LIKE :text" + Like.ESCAPE
                    + " OR lower(coalesce(e.place_zh, '')) LIKE :text" + Like.ESCAPE + " OR lower(coalesce(e.place_en, '')) LIKE :text" + Like.ESCAPE
                    + " OR lower(e.quote) LIKE :text" + Like.ESCAPE + ")");
            binds.put("text", Like.contains(query.textLower()));
        }
        return sql.toString();
    }

    public List<EventSnapshot> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE e.archived = FALSE" + ORDER + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .mapTo(EventSnapshot.class).list());
    }

    /** The most recent {@code limit} dated events, oldest first. */
    public List<EventSnapshot> listLatestDated(int limit) {
        List<EventSnapshot> newestFirst = new java.util.ArrayList<>(jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE e.archived = FALSE AND e.event_date IS NOT NULL"
                        + " ORDER BY e.event_date DESC, e.sort_order DESC, e.id DESC LIMIT :limit")
                .bind("limit", limit)
                .mapTo(EventSnapshot.class).list()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** As {@link #listLatestDated(int)}, of the given kinds only (a timeline chart's kinds). */
    public List<EventSnapshot> listLatestDated(int limit, List<String> kinds) {
        if (kinds.isEmpty()) return listLatestDated(limit);
        List<EventSnapshot> newestFirst = new java.util.ArrayList<>(jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE e.archived = FALSE AND e.event_date IS NOT NULL AND e.kind IN (<kinds>)"
                        + " ORDER BY e.event_date DESC, e.sort_order DESC, e.id DESC LIMIT :limit")
                .bind("limit", limit)
                .bindList("kinds", kinds)
                .mapTo(EventSnapshot.class).list()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event WHERE archived = FALSE").mapTo(Integer.class).one());
    }

    public void forEach(Consumer<EventSnapshot> consumer) {
        StreamingRead.run(jdbi, h -> h.createQuery(SELECT + " WHERE e.archived = FALSE" + ORDER)
                .setFetchSize(500)
                .mapTo(EventSnapshot.class)
                .useStream(stream -> stream.forEach(consumer)));
    }
}
