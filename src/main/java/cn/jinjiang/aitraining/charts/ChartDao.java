package cn.jinjiang.aitraining.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Charts as stored: the chart row, its figures and its event kinds. SQL only; every method runs on
 * the caller's handle so a change and its audit entry share one transaction.
 */
public final class ChartDao {
    private static final String SELECT = """
            SELECT id, slug, chart_type, title_zh, title_en, caption_zh, caption_en, note_zh, note_en, position,
                   archived, version
              FROM chart""";

    /** Every chart, archived ones last, each group by position. */
    public List<Chart> all(Handle h) {
        return read(h, SELECT + " ORDER BY archived, position, id", Map.of());
    }

    /** The charts the public sees, in dashboard order. */
    public List<Chart> published(Handle h) {
        return read(h, SELECT + " WHERE archived = FALSE ORDER BY position, id", Map.of());
    }

    public Optional<Chart> find(Handle h, String slug) {
        return read(h, SELECT + " WHERE slug = :slug", Map.of("slug", slug)).stream().findFirst();
    }

    public int nextPosition(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM chart").mapTo(Integer.class).one();
    }

    public void insert(Handle h, Chart c, long nowMs) {
        long id = h.createUpdate("""
                        INSERT INTO chart (slug, chart_type, title_zh, title_en, caption_zh, caption_en, note_zh, note_en,
                                           position, archived, version, updated_ms)
                        VALUES (:slug, :type, :titleZh, :titleEn, :captionZh, :captionEn, :noteZh, :noteEn,
                                :position, :archived, :version, :now)""")
                .bindMethods(c)
                .bind("now", nowMs)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        writeParts(h, id, c);
    }

    /**
     * Writes the chart over the row read at {@code expectedVersion} and moves the version on; false
     * when no row matched (another writer moved it on first): callers then abort the transaction.
     */
    public boolean update(Handle h, String slugBefore, Chart c, int expectedVersion, long nowMs) {
        Optional<Long> id = h.createQuery("SELECT id FROM chart WHERE slug = :slug AND version = :version")
                .bind("slug", slugBefore).bind("version", expectedVersion).mapTo(Long.class).findOne();
        if (id.isEmpty()) return false;
        int rows = h.createUpdate("""
                        UPDATE chart SET slug = :slug, chart_type = :type, title_zh = :titleZh, title_en = :titleEn,
                               caption_zh = :captionZh, caption_en = :captionEn, note_zh = :noteZh, note_en = :noteEn,
                               position = :position, archived = :archived, version = version + 1, updated_ms = :now
                         WHERE id = :id AND version = :expected""")
                .bindMethods(c)
                .bind("id", id.get())
                .bind("expected", expectedVersion)
                .bind("now", nowMs)
                .execute();
        if (rows != 1) return false;
        h.createUpdate("DELETE FROM chart_figure WHERE chart_id = :id").bind("id", id.get()).execute();
        h.createUpdate("DELETE FROM chart_event_kind WHERE chart_id = :id").bind("id", id.get()).execute();
        writeParts(h, id.get(), c);
        return true;
    }

    /** When anything about the charts last changed (epoch milliseconds), 0 for the migrated ones. */
    public long lastChangeMs(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(updated_ms), 0) FROM chart").mapTo(Long.class).one();
    }

    private static void writeParts(Handle h, long id, Chart c) {
        for (int i = 0; i < c.figures().size(); i++) {
            h.createUpdate("INSERT INTO chart_figure (chart_id, figure_key, position) VALUES (:id, :key, :position)")
                    .bind("id", id).bind("key", c.figures().get(i)).bind("position", i + 1).execute();
        }
        for (int i = 0; i < c.eventKinds().size(); i++) {
            h.createUpdate("INSERT INTO chart_event_kind (chart_id, kind, position) VALUES (:id, :kind, :position)")
                    .bind("id", id).bind("kind", c.eventKinds().get(i)).bind("position", i + 1).execute();
        }
    }

    /** The charts a query selects, with their figures and kinds: three queries however many charts. */
    private static List<Chart> read(Handle h, String sql, Map<String, ?> binds) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        h.createQuery(sql).bindMap(binds).map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("slug"),
                        rs.getString("chart_type"), rs.getString("title_zh"), rs.getString("title_en"),
                        rs.getString("caption_zh"), rs.getString("caption_en"), rs.getString("note_zh"),
                        rs.getString("note_en"), rs.getInt("position"), rs.getBoolean("archived"), rs.getInt("version"),
                        new ArrayList<>(), new ArrayList<>()))
                .forEach(r -> rows.put(r.id(), r));
        if (rows.isEmpty()) return List.of();
        h.createQuery("SELECT chart_id, figure_key FROM chart_figure WHERE chart_id IN (<ids>) ORDER BY chart_id, position")
                .bindList("ids", List.copyOf(rows.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getLong("chart_id"), rs.getString("figure_key")))
                .forEach(e -> rows.get(e.getKey()).figures().add(e.getValue()));
        h.createQuery("SELECT chart_id, kind FROM chart_event_kind WHERE chart_id IN (<ids>) ORDER BY chart_id, position")
                .bindList("ids", List.copyOf(rows.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getLong("chart_id"), rs.getString("kind")))
                .forEach(e -> rows.get(e.getKey()).kinds().add(e.getValue()));
        return rows.values().stream().map(Row::chart).toList();
    }

    private record Row(long id, String slug, String type, String titleZh, String titleEn, String captionZh,
                       String captionEn, String noteZh, String noteEn, int position, boolean archived, int version,
                       List<String> figures, List<String> kinds) {
        Chart chart() {
            return new Chart(slug, type, figures, kinds, titleZh, titleEn, captionZh, captionEn, noteZh, noteEn,
                    position, archived, version);
        }
    }
}
