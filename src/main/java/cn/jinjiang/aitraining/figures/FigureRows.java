package cn.jinjiang.aitraining.figures;

import cn.jinjiang.aitraining.db.StoredDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the joined queries of {@link FigureDao}. Columns are prefixed by table
 * ({@code f_}, {@code o_}, {@code s_}) so one row can carry a figure, an observation and a source.
 */
public final class FigureRows {
    private FigureRows() {}

    static final String FIGURE_COLUMNS = """
            f.id AS f_id, f.figure_key AS f_key, f.label_zh AS f_label_zh, f.label_en AS f_label_en,
            f.category AS f_category, f.unit_en AS f_unit_en, f.headline AS f_headline,
            f.sort_order AS f_sort_order, f.archived AS f_archived, f.version AS f_version""";

    static final String OBSERVATION_COLUMNS = """
            o.id AS o_id, o.figure_id AS o_figure_id, o.value AS o_value, o.unit AS o_unit,
            o.qualifier AS o_qualifier, o.qualifier_word AS o_qualifier_word, o.period_zh AS o_period_zh,
            o.period_en AS o_period_en, o.as_of AS o_as_of, o.source_id AS o_source_id, o.quote AS o_quote,
            o.recorded_at AS o_recorded_at""";

    /** The columns of {@code source s} that {@link #source} reads; events join sources the same way. */
    public static final String SOURCE_COLUMNS = """
            s.id AS s_id, s.publication_zh AS s_publication_zh, s.publication_en AS s_publication_en,
            s.published_on AS s_published_on, s.headline_zh AS s_headline_zh, s.headline_en AS s_headline_en,
            s.author AS s_author, s.page AS s_page""";

    static Figure figure(ResultSet rs) throws SQLException {
        return new Figure(rs.getLong("f_id"), rs.getString("f_key"), rs.getString("f_label_zh"),
                rs.getString("f_label_en"), rs.getString("f_category"), rs.getString("f_unit_en"),
                rs.getBoolean("f_headline"), rs.getInt("f_sort_order"), rs.getBoolean("f_archived"),
                rs.getInt("f_version"));
    }

    static Observation observation(ResultSet rs) throws SQLException {
        return new Observation(rs.getLong("o_id"), rs.getLong("o_figure_id"), rs.getBigDecimal("o_value"),
                rs.getString("o_unit"), rs.getString("o_qualifier"), rs.getString("o_qualifier_word"),
                rs.getString("o_period_zh"), rs.getString("o_period_en"), date(rs, "o_as_of"),
                rs.getLong("o_source_id"), rs.getString("o_quote"), instant(rs, "o_recorded_at"));
    }

    public static Source source(ResultSet rs) throws SQLException {
        return new Source(rs.getLong("s_id"), rs.getString("s_publication_zh"), rs.getString("s_publication_en"),
                date(rs, "s_published_on"), rs.getString("s_headline_zh"), rs.getString("s_headline_en"),
                rs.getString("s_author"), rs.getString("s_page"));
    }

    /** ISO dates are stored as text; a timestamp's date part is taken as its date. */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return StoredDates.localDate(rs.getString(column));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return StoredDates.instant(rs.getString(column));
    }

    static final class SnapshotMapper implements RowMapper<FigureSnapshot> {
        @Override
        public FigureSnapshot map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new FigureSnapshot(figure(rs), observation(rs), source(rs));
        }
    }

    static final class HistoryMapper implements RowMapper<HistoryEntry> {
        @Override
        public HistoryEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new HistoryEntry(observation(rs), source(rs), rs.getString("f_unit_en"));
        }
    }
}
