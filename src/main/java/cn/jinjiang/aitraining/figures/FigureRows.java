package cn.jinjiang.aitraining.figures;

/**
 * The columns of the joined queries of {@link FigureDao}, prefixed by table ({@code f_}, {@code o_},
 * {@code s_}) so one row can carry a figure, an observation and a source; the records name the
 * prefixes ({@code @Nested("f")} ...) and Jdbi's constructor mapper, registered once, maps them.
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

    /** The columns of {@code source s}; events join sources the same way. */
    public static final String SOURCE_COLUMNS = """
            s.id AS s_id, s.publication_zh AS s_publication_zh, s.publication_en AS s_publication_en,
            s.published_on AS s_published_on, s.headline_zh AS s_headline_zh, s.headline_en AS s_headline_en,
            s.author AS s_author, s.page AS s_page""";
}
