package cn.jinjiang.aitraining.changes;

import cn.jinjiang.aitraining.db.StoredDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log's public columns, SQL only. The reason and the user name are never selected here,
 * so nothing built from these rows can show them.
 */
public final class ChangeDao {
    private static final String COLUMNS = "id, occurred_at, entity_type, entity_key, before_json, after_json, public_note";

    private final Jdbi jdbi;

    public ChangeDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An audit entry as far as the public may see it. */
    public record Row(long id, Instant occurredAt, String entityType, String entityKey, String beforeJson,
                      String afterJson, String publicNote) {}

    /** Entries about {@code types}, newest first. */
    public List<Row> page(Collection<String> types, int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_entry"
                        + " WHERE entity_type IN (<types>) ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bindList("types", List.copyOf(types)).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> row(rs)).list());
    }

    public int count(Collection<String> types) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_entry WHERE entity_type IN (<types>)")
                .bindList("types", List.copyOf(types)).mapTo(Integer.class).one());
    }

    /** Every entry about one entity, oldest first. */
    public List<Row> of(String type, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_entry"
                        + " WHERE entity_type = :type AND entity_key = :key ORDER BY id")
                .bind("type", type).bind("key", key)
                .map((rs, ctx) -> row(rs)).list());
    }

    /** When the newest entry about {@code types} was written. */
    public Optional<Instant> newest(Collection<String> types) {
        return jdbi.withHandle(h -> h.createQuery("SELECT occurred_at FROM audit_entry"
                        + " WHERE entity_type IN (<types>) ORDER BY id DESC LIMIT 1")
                .bindList("types", List.copyOf(types))
                .map((rs, ctx) -> StoredDates.instant(rs.getString("occurred_at"))).findOne());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), StoredDates.instant(rs.getString("occurred_at")), rs.getString("entity_type"),
                rs.getString("entity_key"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("public_note"));
    }
}
