package cn.jinjiang.aitraining.figures;

import static cn.jinjiang.aitraining.figures.FigureRows.FIGURE_COLUMNS;
import static cn.jinjiang.aitraining.figures.FigureRows.OBSERVATION_COLUMNS;
import static cn.jinjiang.aitraining.figures.FigureRows.SOURCE_COLUMNS;

import cn.jinjiang.aitraining.i18n.Lang;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import cn.jinjiang.aitraining.db.Dialect;
import cn.jinjiang.aitraining.db.StreamingRead;
import cn.jinjiang.aitraining.db.Like;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMappers;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads figures with their latest observation, and their histories. SQL only. */
public final class FigureDao {
    /** Each figure joined to its latest observation (newest as-of date, then the newest row) and that one's source. */
    private static final String LATEST = """
              FROM figure f
              JOIN observation o ON o.id = (
                   SELECT o2.id FROM observation o2
                    WHERE o2.figure_id = f.id
                    ORDER BY o2.as_of DESC, o2.id DESC
                    LIMIT 1)
              JOIN source s ON s.id = o.source_id
            """;

    private static final String COLUMNS = String.join(", ", FIGURE_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS);

    /** The latest observation of each figure, with its source. */
    private static final String CURRENT = "SELECT " + COLUMNS + "\n" + LATEST;

    private static final String ORDER = " ORDER BY f.sort_order, f.id";

    private final Jdbi jdbi;

    public FigureDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(FigureSnapshot.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(HistoryEntry.class));
        jdbi.registerRowMapper(ConstructorMapper.factory(ObservationRow.class));
    }

    /** One page of a filtered table, and how many rows the whole filtered table has. */
    public record Found(List<FigureSnapshot> items, int total) {}

    /**
     * One page of the figures table as {@code query} filters and sorts it, with the number of figures
     * the query lets through counted by the same query ({@code COUNT(*) OVER ()}, before the LIMIT).
     * Each figure's latest observation is a seek into the large observation index; a separate COUNT
     * would do every seek a second time (at 10,000 figures × 100 observations that was half the page's
     * cost). The total is known only when the page has rows: past the last page (or when nothing
     * matches) it is reported as 0, and {@link #count} tells the truth.
     */
    public Found search(FigureQuery query, Lang lang, int limit, int offset) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = "SELECT " + COLUMNS + ", COUNT(*) OVER () AS shown_total\n" + LATEST
                + where(query, binds) + orderBy(query, lang, false) + " LIMIT :limit OFFSET :offset";
        return jdbi.withHandle(h -> {
            RowMapper<FigureSnapshot> snapshot = h.getConfig(RowMappers.class).findFor(FigureSnapshot.class).orElseThrow();
            List<Counted> rows = h.createQuery(sql)
                    .bindMap(binds)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(Counted.mapper(snapshot))
                    .list();
            return new Found(rows.stream().map(Counted::snapshot).toList(),
                    rows.isEmpty() ? 0 : Math.toIntExact(rows.get(0).total()));
        });
    }

    /** A row of {@link #search}: the figure and the count every row of the result carries. */
    private record Counted(FigureSnapshot snapshot, long total) {
        /** Maps with the figure mapper specialized once for the result's columns, as Jdbi's own mappers are. */
        static RowMapper<Counted> mapper(RowMapper<FigureSnapshot> snapshot) {
            return new RowMapper<>() {
                @Override
                public Counted map(ResultSet rs, StatementContext ctx) throws SQLException {
                    return specialize(rs, ctx).map(rs, ctx);
                }

                @Override
                public RowMapper<Counted> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
                    RowMapper<FigureSnapshot> figure = snapshot.specialize(rs, ctx);
                    return (row, context) -> new Counted(figure.map(row, context), row.getLong("shown_total"));
                }
            };
        }
    }

    /** How many figures {@code query} lets through. */
    public int count(FigureQuery query) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = "SELECT COUNT(*) FROM (" + CURRENT + where(query, binds) + ") AS shown";
        return jdbi.withHandle(h -> h.createQuery(sql).bindMap(binds).mapTo(Integer.class).one());
    }

    /** Streams the figures {@code query} lets through, in its order, for the filtered downloads. */
    public void forEach(FigureQuery query, Lang lang, Consumer<FigureSnapshot> consumer) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = CURRENT + where(query, binds) + orderBy(query, lang, false);
        StreamingRead.run(jdbi, h -> h.createQuery(sql)
                .bindMap(binds)
                .setFetchSize(500)
                .mapTo(FigureSnapshot.class)
                .useStream(stream -> stream.forEach(consumer)));
    }

    /**
     * Every observation of every published figure that {@code query} lets through (its filters apply
     * to each observation's own qualifier, period and quote), streamed one row at a time. In the
     * curated order SQLite walks the figure index and each figure's observation index, so nothing is
     * sorted or held in memory however many rows there are.
     *
     * <p>An observation is a {@code correction} when the audit log holds a correction of its figure
     * made when the row was last written: a correction rewrites the latest observation in place and
     * stamps its {@code recorded_at} with the same clock a moment before the audit entry is written.
     */
    public void forEachObservation(FigureQuery query, Lang lang, Consumer<ObservationRow> consumer) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String sql = """
                SELECT %s, %s, %s,
                       CASE WHEN EXISTS (
                            SELECT 1 FROM audit_entry a
                             WHERE a.entity_type = 'figure' AND a.entity_key = f.figure_key
                               AND a.action = 'correction'
                               AND %s BETWEEN 0 AND %s)
                            THEN 'correction' ELSE 'report' END AS entry_kind
                  FROM figure f
                  JOIN observation o ON o.figure_id = f.id
                  JOIN source s ON s.id = o.source_id
                """.formatted(FIGURE_COLUMNS, OBSERVATION_COLUMNS, SOURCE_COLUMNS,
                        Dialect.of(jdbi).secondsBetween("a.occurred_at", "o.recorded_at"), CORRECTION_WINDOW_SECONDS)
                + where(query, binds) + orderBy(query, lang, true);
        StreamingRead.run(jdbi, h -> h.createQuery(sql)
                .bindMap(binds)
                .setFetchSize(500)
                .mapTo(ObservationRow.class)
                .useStream(stream -> stream.forEach(consumer)));
    }

    /** A correction's row and its audit entry are written in one transaction, well within this. */
    private static final int CORRECTION_WINDOW_SECONDS = 5;

    /** The WHERE clause of a query: fixed SQL per filter, every value bound. */
    private static String where(FigureQuery query, Map<String, Object> binds) {
        StringBuilder sql = new StringBuilder(" WHERE f.archived = FALSE");
        if (query.category() != null) {
            sql.append(" AND f.category = :category");
            binds.put("category", query.category());
        }
        if (query.qualifier() != null) {
            sql.append(" AND o.qualifier = :qualifier");
            binds.put("qualifier", query.qualifier());
        }
        if (query.period() != null) {
            sql.append(" AND (lower(o.period_zh) LIKE :period" + Like.ESCAPE + " OR lower(o.period_en) LIKE :period" + Like.ESCAPE + ")");
            binds.put("period", Like.contains(query.period().toLowerCase(java.util.Locale.ROOT)));
        }
        if (query.text() != null) {
            sql.append(" AND (lower(f.label_zh) LIKE :text" + Like.ESCAPE + " OR lower(f.label_en) LIKE :text" + Like.ESCAPE
                    + " OR lower(o.quote) LIKE :text" + Like.ESCAPE + ")");
            binds.put("text", Like.contains(query.textLower()));
        }
        if (query.key() != null) {
            sql.append(" AND f.figure_key = :key");
            binds.put("key", query.key());
        }
        return sql.toString();
    }

    /**
     * The ORDER BY of a query: the sort column's expression from this fixed list (never text from the
     * request), then the curated order so ties keep a stable order; observations then by date.
     */
    private static String orderBy(FigureQuery query, Lang lang, boolean observations) {
        String column = switch (query.sort()) {
            case ORDER -> null;
            case LABEL -> lang.isZh() ? "f.label_zh" : "f.label_en";
            case VALUE -> "o.value";
            case PERIOD -> lang.isZh() ? "o.period_zh" : "o.period_en";
            case AS_OF -> "o.as_of";
            case CATEGORY -> "f.category";
        };
        String direction = query.descending() ? " DESC" : "";
        String tail = observations ? ", o.as_of, o.id" : "";
        if (column == null) return " ORDER BY f.sort_order" + direction + ", f.id" + direction + tail;
        return " ORDER BY " + column + direction + ", f.sort_order, f.id" + tail;
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
        StreamingRead.run(jdbi, h -> streamCurrent(h, includeArchived, consumer));
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
