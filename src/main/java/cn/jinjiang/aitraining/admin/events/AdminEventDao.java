package cn.jinjiang.aitraining.admin.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Events as the admin edits them. SQL only; every method runs on the caller's handle so a change
 * and its audit entry share one transaction. Rows map to {@link EventState} by a constructor
 * mapper registered once on the Jdbi instance.
 */
public final class AdminEventDao {
    private static final String SELECT = """
            SELECT e.event_key AS key, e.event_date AS date, e.date_note_zh, e.date_note_en, e.title_zh, e.title_en,
                   e.kind, e.place_zh, e.place_en, e.people_zh, e.people_en, e.source_id, s.publication_zh AS source,
                   s.published_on AS source_date, s.headline_zh AS source_headline, s.author AS source_author,
                   e.quote, e.sort_order,
                   e.archived, e.version
              FROM event e JOIN source s ON s.id = e.source_id""";

    public AdminEventDao(Jdbi jdbi) {
        jdbi.registerRowMapper(ConstructorMapper.factory(EventState.class));
    }

    public Optional<EventState> event(Handle h, String key) {
        return h.createQuery(SELECT + " WHERE e.event_key = :key").bind("key", key).mapTo(EventState.class).findOne();
    }

    /** Every event, archived ones included, for the admin list: one query. */
    public List<EventState> events(Handle h) {
        return h.createQuery(SELECT + " " + """
                         ORDER BY e.archived, CASE WHEN e.event_date IS NULL THEN 1 ELSE 0 END, e.event_date,
                                  e.sort_order, e.id""")
                .mapTo(EventState.class).list();
    }

    /** Every event, archived ones included. */
    public int count(Handle h) {
        return h.createQuery("SELECT count(*) FROM event").mapTo(Integer.class).one();
    }

    public int nextSortOrder(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM event").mapTo(Integer.class).one();
    }

    public void insertEvent(Handle h, EventState e, Instant now) {
        h.createUpdate("""
                        INSERT INTO event (event_key, event_date, date_note_zh, date_note_en, title_zh, title_en, kind,
                                           place_zh, place_en, people_zh, people_en, source_id, quote, sort_order,
                                           archived, version, created_at, updated_at)
                        VALUES (:key, :date, :dateNoteZh, :dateNoteEn, :titleZh, :titleEn, :kind, :placeZh, :placeEn,
                                :peopleZh, :peopleEn, :sourceId, :quote, :sortOrder, :archived, :version, :now, :now)""")
                .bindMethods(e)
                .bind("now", now)
                .execute();
    }

    /** False when no row matched (another writer moved the version on); callers then abort. */
    public boolean updateEvent(Handle h, EventState e, int expectedVersion, Instant now) {
        return h.createUpdate("""
                        UPDATE event SET event_date = :date, date_note_zh = :dateNoteZh, date_note_en = :dateNoteEn,
                               title_zh = :titleZh, title_en = :titleEn, kind = :kind, place_zh = :placeZh,
                               place_en = :placeEn, people_zh = :peopleZh, people_en = :peopleEn, source_id = :sourceId,
                               quote = :quote, sort_order = :sortOrder, archived = :archived,
                               version = :expected + 1, updated_at = :now
                         WHERE event_key = :key AND version = :expected""")
                .bindMethods(e)
                .bind("expected", expectedVersion)
                .bind("now", now)
                .execute() == 1;
    }
}
