package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.db.StoredDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import cn.jinjiang.aitraining.db.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The audit log. SQL only; writes run on the caller's handle, inside the change's transaction. */
public final class AuditDao {
    private static final String COLUMNS =
            "id, occurred_at, username, action, entity_type, entity_key, before_json, after_json, reason, reverts_id, public_note,"
            + " approved_by";
    private static final String WHERE = " " + """
            WHERE (:type IS NULL OR entity_type = :type)
               AND (:key IS NULL OR entity_key = :key)
               AND (:user IS NULL OR username = :user)""";

    private final Jdbi jdbi;

    public AuditDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long insert(Handle h, AuditEntry e) {
        return h.createUpdate("""
                        INSERT INTO audit_entry (occurred_at, username, action, entity_type, entity_key, before_json,
                                                 after_json, reason, reverts_id, public_note)
                        VALUES (:occurredAt, :username, :action, :entityType, :entityKey, :beforeJson, :afterJson,
                                :reason, :revertsId, :publicNote)""")
                .bindMethods(e)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The newest entry's id, 0 when the log is empty: entries written after it have larger ids. */
    public long lastId(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry").mapTo(Long.class).one();
    }

    /**
     * Names the publisher who approved a reviewed change on every entry written after {@code afterId}
     * (the entries the approval's transaction wrote; username still names the proposer).
     */
    public void markApproved(Handle h, long afterId, String approvedBy) {
        h.createUpdate("UPDATE audit_entry SET approved_by = :approvedBy WHERE id > :afterId")
                .bind("approvedBy", approvedBy).bind("afterId", afterId).execute();
    }

    public Optional<AuditEntry> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> entry(rs)).findOne();
    }

    /** Newest first. */
    public List<AuditEntry> list(AuditFilter filter, int limit, int offset) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT " + COLUMNS + " FROM audit_entry" + WHERE
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset"), filter)
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> entry(rs)).list());
    }

    public int count(AuditFilter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM audit_entry" + WHERE), filter)
                .mapTo(Integer.class).one());
    }

    /** Streams matching entries newest first, for the CSV download of any size. */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
        jdbi.useHandle(h -> bind(h.createQuery("SELECT " + COLUMNS + " FROM audit_entry" + WHERE + " ORDER BY id DESC"), filter)
                .setFetchSize(500)
                .map((rs, ctx) -> entry(rs))
                .useStream(s -> s.forEach(consumer)));
    }

    /** The entities and users that appear in the log, for the filter's choices. */
    public List<String> entities() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT DISTINCT entity_type || ':' || entity_key AS e FROM audit_entry ORDER BY e")
                .mapTo(String.class).list());
    }

    public List<String> users() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT username FROM audit_entry ORDER BY username")
                .mapTo(String.class).list());
    }

    /** The entry that undid entry {@code id}, if one did. */
    public Optional<Long> undoneBy(Handle h, long id) {
        return h.createQuery("SELECT MIN(id) FROM audit_entry WHERE reverts_id = :id")
                .bind("id", id).mapTo(Long.class).findOne();
    }

    /** For each of {@code ids} that was undone, the entry that undid it; one query for a whole page. */
    public Map<Long, Long> undoneBy(List<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT reverts_id, MIN(id) AS undone_by FROM audit_entry
                         WHERE reverts_id IN (<ids>) GROUP BY reverts_id""")
                .bindList("ids", ids)
                .reduceRows(new HashMap<Long, Long>(), (map, row) -> {
                    map.put(row.getColumn("reverts_id", Long.class), row.getColumn("undone_by", Long.class));
                    return map;
                }));
    }

    /** The id of the newest entry about an entity. */
    public Optional<Long> latestFor(Handle h, String type, String key) {
        return h.createQuery("SELECT MAX(id) FROM audit_entry WHERE entity_type = :type AND entity_key = :key")
                .bind("type", type).bind("key", key).mapTo(Long.class).findOne();
    }

    /** The stored state of an entity at {@code version}: the after-state of the entry that wrote it. */
    public Optional<String> stateAt(Handle h, String type, String key, int version) {
        return h.createQuery("""
                        SELECT after_json FROM audit_entry
                         WHERE entity_type = :type AND entity_key = :key
                           AND %s = :version
                         ORDER BY id DESC LIMIT 1""".formatted(Dialect.of(h.getJdbi()).jsonInteger("after_json", "version")))
                .bind("type", type).bind("key", key).bind("version", version).mapTo(String.class).findOne();
    }

    private static Query bind(Query q, AuditFilter f) {
        return q.bind("type", f.entityType()).bind("key", f.entityKey()).bind("user", f.username());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long reverts = rs.getLong("reverts_id");
        Long revertsId = rs.wasNull() ? null : reverts;
        return new AuditEntry(rs.getLong("id"), StoredDates.instant(rs.getString("occurred_at")), rs.getString("username"),
                rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_key"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("reason"), revertsId,
                rs.getString("public_note"), rs.getString("approved_by"));
    }
}
