package cn.jinjiang.aitraining.admin;

import cn.jinjiang.aitraining.admin.FigureState.ObservationState;
import cn.jinjiang.aitraining.db.StoredDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads and writes of figures, observations, sources and events for the admin area. SQL only;
 * every method runs on the caller's handle so a change and its audit entry share one transaction.
 */
public final class AdminDao {

    public Optional<FigureState> figure(Handle h, String key) {
        Optional<FigureRow> row = h.createQuery("""
                        SELECT id, figure_key, label_zh, label_en, category, unit_en, headline, sort_order, archived, version
                          FROM figure WHERE figure_key = :key""")
                .bind("key", key)
                .map((rs, ctx) -> new FigureRow(rs.getLong("id"), rs.getString("figure_key"), rs.getString("label_zh"),
                        rs.getString("label_en"), rs.getString("category"), rs.getString("unit_en"),
                        rs.getBoolean("headline"), rs.getInt("sort_order"), rs.getBoolean("archived"), rs.getInt("version")))
                .findOne();
        return row.map(r -> new FigureState(r.key, r.labelZh, r.labelEn, r.category, r.unitEn, r.headline,
                r.sortOrder, r.archived, r.version, observations(h, r.id)));
    }

    /** Every figure key, archived ones last, in the dashboard's order. */
    public List<String> figureKeys(Handle h) {
        return h.createQuery("SELECT figure_key FROM figure ORDER BY archived, sort_order, id").mapTo(String.class).list();
    }

    public long figureId(Handle h, String key) {
        return h.createQuery("SELECT id FROM figure WHERE figure_key = :key").bind("key", key).mapTo(Long.class).one();
    }

    private static List<ObservationState> observations(Handle h, long figureId) {
        return h.createQuery("""
                        SELECT o.id, o.value, o.unit, o.qualifier, o.qualifier_word, o.period_zh, o.period_en, o.as_of,
                               o.quote, s.id AS s_id, s.publication_zh, s.publication_en, s.published_on, s.headline_zh
                          FROM observation o JOIN source s ON s.id = o.source_id
                         WHERE o.figure_id = :id
                         ORDER BY o.as_of, o.id""")
                .bind("id", figureId)
                .map((rs, ctx) -> new ObservationState(rs.getLong("id"), ValueParser.plain(rs.getBigDecimal("value")),
                        rs.getString("unit"), rs.getString("qualifier"), rs.getString("qualifier_word"),
                        rs.getString("period_zh"), rs.getString("period_en"), date(rs.getString("as_of")),
                        rs.getLong("s_id"), rs.getString("publication_zh"), rs.getString("publication_en"),
                        date(rs.getString("published_on")), rs.getString("headline_zh"), rs.getString("quote")))
                .list();
    }

    public long insertFigure(Handle h, FigureState f, Instant now) {
        return h.createUpdate("""
                        INSERT INTO figure (figure_key, label_zh, label_en, category, unit_en, headline, sort_order,
                                            archived, version, created_at, updated_at)
                        VALUES (:key, :labelZh, :labelEn, :category, :unitEn, :headline, :sortOrder, :archived, :version, :now, :now)""")
                .bindMethods(f)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Writes the figure's own fields and the version that follows {@code expectedVersion}. */
    public boolean updateFigure(Handle h, FigureState f, int expectedVersion, Instant now) {
        return h.createUpdate("""
                        UPDATE figure SET label_zh = :labelZh, label_en = :labelEn, category = :category, unit_en = :unitEn,
                               headline = :headline, sort_order = :sortOrder, archived = :archived,
                               version = :expected + 1, updated_at = :now
                         WHERE figure_key = :key AND version = :expected""")
                .bindMethods(f)
                .bind("expected", expectedVersion)
                .bind("now", now)
                .execute() == 1;
    }

    public int nextSortOrder(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM figure").mapTo(Integer.class).one();
    }

    public int nextEventSortOrder(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM event").mapTo(Integer.class).one();
    }

    public long insertObservation(Handle h, long figureId, ObservationState o, Instant now) {
        return h.createUpdate("""
                        INSERT INTO observation (figure_id, value, unit, qualifier, qualifier_word, period_zh, period_en,
                                                 as_of, source_id, quote, recorded_at)
                        VALUES (:figureId, :value, :unit, :qualifier, :qualifierWord, :periodZh, :periodEn, :asOf,
                                :sourceId, :quote, :now)""")
                .bindMethods(o)
                .bind("value", ValueParser.plain(o.value()).toPlainString())
                .bind("figureId", figureId)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void updateObservation(Handle h, long id, ObservationState o, Instant now) {
        h.createUpdate("""
                        UPDATE observation SET value = :value, unit = :unit, qualifier = :qualifier,
                               qualifier_word = :qualifierWord, period_zh = :periodZh, period_en = :periodEn,
                               as_of = :asOf, source_id = :sourceId, quote = :quote, recorded_at = :now
                         WHERE id = :rowId""")
                .bindMethods(o)
                .bind("value", ValueParser.plain(o.value()).toPlainString())
                .bind("rowId", id)
                .bind("now", now)
                .execute();
    }

    public void deleteObservation(Handle h, long id) {
        h.createUpdate("DELETE FROM observation WHERE id = :id").bind("id", id).execute();
    }

    /**
     * The source a form names: the publication on that date (with that headline when one is
     * given), created when the dashboard has not cited it before.
     */
    public long findOrCreateSource(Handle h, String publicationZh, String publicationEn, LocalDate publishedOn, String headline) {
        Optional<Long> existing = h.createQuery("""
                        SELECT id FROM source
                         WHERE publication_zh = :pub AND published_on = :date
                           AND (:headline IS NULL OR headline_zh = :headline)
                         ORDER BY id LIMIT 1""")
                .bind("pub", publicationZh).bind("date", publishedOn).bind("headline", headline)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) return existing.get();
        String english = publicationEn;
        if (english == null || english.isBlank()) {
            // A publication cited before keeps its English name; a new one shows its own name.
            english = h.createQuery("SELECT publication_en FROM source WHERE publication_zh = :pub ORDER BY id DESC LIMIT 1")
                    .bind("pub", publicationZh).mapTo(String.class).findOne().orElse(publicationZh);
        }
        return h.createUpdate("""
                        INSERT INTO source (publication_zh, publication_en, published_on, headline_zh, headline_en)
                        VALUES (:pub, :pubEn, :date, :headline, NULL)""")
                .bind("pub", publicationZh).bind("pubEn", english).bind("date", publishedOn).bind("headline", headline)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<EventState> event(Handle h, String key) {
        return h.createQuery("""
                        SELECT e.event_key, e.event_date, e.date_note_zh, e.date_note_en, e.title_zh, e.title_en, e.kind,
                               e.place_zh, e.place_en, e.people_zh, e.people_en, e.source_id, e.quote, e.sort_order,
                               e.archived, e.version, s.publication_zh, s.published_on, s.headline_zh
                          FROM event e JOIN source s ON s.id = e.source_id
                         WHERE e.event_key = :key""")
                .bind("key", key)
                .map((rs, ctx) -> new EventState(rs.getString("event_key"), date(rs.getString("event_date")),
                        rs.getString("date_note_zh"), rs.getString("date_note_en"), rs.getString("title_zh"),
                        rs.getString("title_en"), rs.getString("kind"), rs.getString("place_zh"), rs.getString("place_en"),
                        rs.getString("people_zh"), rs.getString("people_en"), rs.getLong("source_id"),
                        rs.getString("publication_zh"), date(rs.getString("published_on")), rs.getString("headline_zh"),
                        rs.getString("quote"), rs.getInt("sort_order"), rs.getBoolean("archived"), rs.getInt("version")))
                .findOne();
    }

    /** Every event, archived ones included, for the admin list. */
    public List<EventState> events(Handle h) {
        List<String> keys = h.createQuery("""
                        SELECT event_key FROM event
                         ORDER BY archived, CASE WHEN event_date IS NULL THEN 1 ELSE 0 END, event_date, sort_order, id""")
                .mapTo(String.class).list();
        return keys.stream().map(k -> event(h, k).orElseThrow()).toList();
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

    private static LocalDate date(String s) {
        return StoredDates.localDate(s);
    }

    private record FigureRow(long id, String key, String labelZh, String labelEn, String category, String unitEn,
                             boolean headline, int sortOrder, boolean archived, int version) {}
}
