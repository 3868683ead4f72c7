package cn.jinjiang.aitraining.figures;

import static cn.jinjiang.aitraining.figures.FigureRows.FIGURE_COLUMNS;
import static cn.jinjiang.aitraining.figures.FigureRows.OBSERVATION_COLUMNS;
import static cn.jinjiang.aitraining.figures.FigureRows.SOURCE_COLUMNS;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Reads figures with their latest observation, and their histories. SQL only. */
public final class FigureDao {
    /** The latest observation of each figure: newest as-of date, then the newest row. */
    private static final String CURRENT = """
            SELECT %s, %s, %s
              FROM figure f
              JOIN observation o ON o.id = (
                   SELECT o2.id FROM observation o2
                    WHERE o2.figure_id = f.id
                    ORDER BY o2.as_of DESC, o2.id DESC
                    LIMIT 1)
              JOIN source s ON s.id = o.source_id
            """.formatted(FIGURE_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS);

    private static final String ORDER = " ORDER BY f.sort_order, f.id";

    private final Jdbi jdbi;

    public FigureDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(FigureSnapshot.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(HistoryEntry.class));
    }

    /**
     * One page of figures. The page's figures are chosen first (by the index on their order), so the
     * latest-observation lookup runs for those rows only, not for every figure.
     */
    private static final String PAGE = CURRENT.replace("FROM figure f", """
            FROM (SELECT * FROM figure WHERE archived = FALSE
                   ORDER BY sort_order, id LIMIT :limit OFFSET :offset) f""");

    public List<FigureSnapshot> listCurrent(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(PAGE + ORDER)
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(FigureSnapshot.class)
                .list());
    }

    public List<FigureSnapshot> listHeadline() {
        return jdbi.withHandle(h -> h.createQuery(CURRENT + " WHERE f.archived = FALSE AND f.headline = TRUE" + ORDER)
                .mapTo(FigureSnapshot.class)
                .list());
    }

    public List<FigureSnapshot> findCurrent(List<String> keys) {
        if (keys.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(CURRENT + " WHERE f.archived = FALSE AND f.figure_key IN (<keys>)" + ORDER)
                .bindList("keys", keys)
                .mapTo(FigureSnapshot.class)
                .list());
    }

    /** Streams every current figure in order, one row at a time, for exports of any size. */
    public void forEachCurrent(boolean includeArchived, Consumer<FigureSnapshot> consumer) {
        jdbi.useHandle(h -> streamCurrent(h, includeArchived, consumer));
    }

    private static void streamCurrent(Handle h, boolean includeArchived, Consumer<FigureSnapshot> consumer) {
        String where = includeArchived ? "" : " WHERE f.archived = FALSE";
        h.createQuery(CURRENT + where + ORDER)
                .setFetchSize(500)
                .mapTo(FigureSnapshot.class)
                .useStream(stream -> stream.forEach(consumer));
    }

    public int countCurrent() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM figure WHERE archived = FALSE")
                .mapTo(Integer.class).one());
    }

    public Optional<FigureSnapshot> findByKey(String key, boolean includeArchived) {
        String where = " WHERE f.figure_key = :key" + (includeArchived ? "" : " AND f.archived = FALSE");
        return jdbi.withHandle(h -> h.createQuery(CURRENT + where)
                .bind("key", key)
                .mapTo(FigureSnapshot.class)
                .findOne());
    }

    /** The whole history of a figure, oldest first. */
    public List<HistoryEntry> history(long figureId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s, %s, f.unit_en AS f_unit_en
                          FROM observation o
                          JOIN figure f ON f.id = o.figure_id
                          JOIN source s ON s.id = o.source_id
                         WHERE o.figure_id = :figureId
                         ORDER BY o.as_of, o.id
                        """.formatted(OBSERVATION_COLUMNS, SOURCE_COLUMNS))
                .bind("figureId", figureId)
                .mapTo(HistoryEntry.class)
                .list());
    }
}
