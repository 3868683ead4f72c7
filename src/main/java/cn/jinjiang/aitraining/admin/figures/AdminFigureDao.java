package cn.jinjiang.aitraining.admin.figures;

import cn.jinjiang.aitraining.admin.figures.FigureState.ObservationState;
import cn.jinjiang.aitraining.admin.shared.ValueParser;
import cn.jinjiang.aitraining.figures.Figure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Figures and their observations as the admin edits them. SQL only; every method runs on the
 * caller's handle so a change and its audit entry share one transaction. Rows are mapped to
 * records by constructor mappers registered once on the Jdbi instance.
 */
public final class AdminFigureDao {
    private static final String FIGURE_COLUMNS = """
            SELECT f.id, f.figure_key AS key, f.label_zh, f.label_en, f.category, f.unit_en, f.headline, f.sort_order,
                   f.archived, f.version
              FROM figure f""";
    private static final String OBSERVATION_COLUMNS = """
            SELECT o.figure_id, o.id, o.value, o.unit, o.qualifier, o.qualifier_word, o.period_zh, o.period_en, o.as_of,
                   s.id AS source_id, s.publication_zh AS source, s.publication_en AS source_en,
                   s.published_on AS source_date, s.headline_zh AS source_headline, s.author AS source_author, o.quote
              FROM observation o JOIN source s ON s.id = o.source_id""";

    public AdminFigureDao(Jdbi jdbi) {
        jdbi.registerRowMapper(ConstructorMapper.factory(Figure.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(ObservationRow.class));
    }

    /** An observation with the figure it belongs to (for reading every figure's observations at once). */
    public record ObservationRow(long figureId, @Nested ObservationState state) {}

    public Optional<FigureState> figure(Handle h, String key) {
        return h.createQuery(FIGURE_COLUMNS + " WHERE f.figure_key = :key")
                .bind("key", key)
                .mapTo(Figure.class)
                .findOne()
                .map(f -> FigureState.of(f, h.createQuery(OBSERVATION_COLUMNS + " WHERE o.figure_id = :id ORDER BY o.as_of, o.id")
                        .bind("id", f.id())
                        .mapTo(ObservationRow.class)
                        .map(ObservationRow::state)
                        .list()));
    }

    /** Every figure, archived ones last, in the dashboard's order: one query for figures, one for observations. */
    public List<FigureState> all(Handle h) {
        List<Figure> figures = h.createQuery(FIGURE_COLUMNS + " ORDER BY f.archived, f.sort_order, f.id")
                .mapTo(Figure.class).list();
        Map<Long, List<ObservationState>> observations = h.createQuery(OBSERVATION_COLUMNS + " ORDER BY o.as_of, o.id")
                .mapTo(ObservationRow.class)
                .collect(Collectors.groupingBy(ObservationRow::figureId,
                        Collectors.mapping(ObservationRow::state, Collectors.toList())));
        return figures.stream().map(f -> FigureState.of(f, observations.getOrDefault(f.id(), List.of()))).toList();
    }

    /**
     * One page of {@link #all}: the figures at {@code offset} in the same order, and only their
     * observations (two queries, however many figures there are).
     */
    public List<FigureState> page(Handle h, int offset, int limit) {
        List<Figure> figures = h.createQuery(FIGURE_COLUMNS + " ORDER BY f.archived, f.sort_order, f.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset)
                .mapTo(Figure.class).list();
        if (figures.isEmpty()) return List.of();
        Map<Long, List<ObservationState>> observations = h.createQuery(
                        OBSERVATION_COLUMNS + " WHERE o.figure_id IN (<ids>) ORDER BY o.as_of, o.id")
                .bindList("ids", figures.stream().map(Figure::id).toList())
                .mapTo(ObservationRow.class)
                .collect(Collectors.groupingBy(ObservationRow::figureId,
                        Collectors.mapping(ObservationRow::state, Collectors.toList())));
        return figures.stream().map(f -> FigureState.of(f, observations.getOrDefault(f.id(), List.of()))).toList();
    }

    /** How many figures there are, archived ones included (numbers a key like figure-12). */
    public int count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM figure").mapTo(Integer.class).one();
    }

    public long figureId(Handle h, String key) {
        return h.createQuery("SELECT id FROM figure WHERE figure_key = :key").bind("key", key).mapTo(Long.class).one();
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

    /**
     * Writes the figure's own fields and the version that follows {@code expectedVersion}. False
     * when no row matched (another writer moved the version on); callers then abort.
     */
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

    public long insertObservation(Handle h, long figureId, ObservationState o, Instant now) {
        return h.createUpdate("""
                        INSERT INTO observation (figure_id, value, unit, qualifier, qualifier_word, period_zh, period_en,
                                                 as_of, source_id, quote, recorded_at)
                        VALUES (:figureId, :value, :unit, :qualifier, :qualifierWord, :periodZh, :periodEn, :asOf,
                                :sourceId, :quote, :now)""")
                .bindMethods(o)
                .bind("value", ValueParser.plain(o.value()))
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
                .bind("value", ValueParser.plain(o.value()))
                .bind("rowId", id)
                .bind("now", now)
                .execute();
    }

    public void deleteObservation(Handle h, long id) {
        h.createUpdate("DELETE FROM observation WHERE id = :id").bind("id", id).execute();
    }
}
