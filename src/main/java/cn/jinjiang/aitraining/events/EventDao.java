package cn.jinjiang.aitraining.events;

import cn.jinjiang.aitraining.figures.FigureRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads events with their sources. SQL only. */
public final class EventDao {
    /** Dated events in date order first, then undated ones in the curated order. */
    private static final String SELECT = """
            SELECT e.id, e.event_key, e.event_date, e.date_note_zh, e.date_note_en, e.title_zh, e.title_en,
                   e.kind, e.place_zh, e.place_en, e.people_zh, e.people_en, e.source_id, e.quote,
                   e.sort_order, e.archived, e.version, %s
              FROM event e
              JOIN source s ON s.id = e.source_id
            """.formatted(FigureRows.SOURCE_COLUMNS);
    private static final String ORDER =
            " ORDER BY CASE WHEN e.event_date IS NULL THEN 1 ELSE 0 END, e.event_date, e.sort_order, e.id";

    private final Jdbi jdbi;

    public EventDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<EventSnapshot> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE e.archived = FALSE" + ORDER + " LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .map(new SnapshotMapper()).list());
    }

    /** The most recent {@code limit} dated events, oldest first. */
    public List<EventSnapshot> listLatestDated(int limit) {
        List<EventSnapshot> newestFirst = new java.util.ArrayList<>(jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE e.archived = FALSE AND e.event_date IS NOT NULL"
                        + " ORDER BY e.event_date DESC, e.sort_order DESC, e.id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(new SnapshotMapper()).list()));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event WHERE archived = FALSE").mapTo(Integer.class).one());
    }

    public void forEach(Consumer<EventSnapshot> consumer) {
        jdbi.useHandle(h -> h.createQuery(SELECT + " WHERE e.archived = FALSE" + ORDER)
                .setFetchSize(500)
                .map(new SnapshotMapper())
                .useStream(stream -> stream.forEach(consumer)));
    }

    static final class SnapshotMapper implements RowMapper<EventSnapshot> {
        @Override
        public EventSnapshot map(ResultSet rs, StatementContext ctx) throws SQLException {
            Event event = new Event(rs.getLong("id"), rs.getString("event_key"), FigureRows.date(rs, "event_date"),
                    rs.getString("date_note_zh"), rs.getString("date_note_en"), rs.getString("title_zh"),
                    rs.getString("title_en"), rs.getString("kind"), rs.getString("place_zh"), rs.getString("place_en"),
                    rs.getString("people_zh"), rs.getString("people_en"), rs.getLong("source_id"),
                    rs.getString("quote"), rs.getInt("sort_order"), rs.getBoolean("archived"), rs.getInt("version"));
            return new EventSnapshot(event, FigureRows.source(rs));
        }
    }
}
