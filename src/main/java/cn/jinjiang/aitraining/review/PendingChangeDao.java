package cn.jinjiang.aitraining.review;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The {@code pending_change} table (V9). */
public final class PendingChangeDao {
    private static final String COLUMNS = """
            id, kind, target_type, target_key, form_json, base_version, proposed_by, proposed_ms, reason, status,
            reviewed_by, review_comment, reviewed_ms""";

    private final Jdbi jdbi;

    public PendingChangeDao(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(PendingChange.class));
    }

    public long insert(String kind, String targetType, String targetKey, String formJson, Integer baseVersion,
                       String proposedBy, long proposedMs, String reason) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO pending_change (kind, target_type, target_key, form_json, base_version, proposed_by,
                                                    proposed_ms, reason, status)
                        VALUES (:kind, :targetType, :targetKey, :formJson, :baseVersion, :proposedBy, :proposedMs,
                                :reason, 'pending')""")
                .bind("kind", kind).bind("targetType", targetType).bind("targetKey", targetKey)
                .bind("formJson", formJson).bind("baseVersion", baseVersion).bind("proposedBy", proposedBy)
                .bind("proposedMs", proposedMs).bind("reason", reason)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<PendingChange> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<PendingChange> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM pending_change WHERE id = :id")
                .bind("id", id).mapTo(PendingChange.class).findOne();
    }

    /** Every change still waiting, oldest first (the order they should be looked at). */
    public List<PendingChange> waiting(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM pending_change WHERE status = 'pending' ORDER BY id LIMIT :limit")
                .bind("limit", limit).mapTo(PendingChange.class).list());
    }

    public int waitingCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pending_change WHERE status = 'pending'")
                .mapTo(Integer.class).one());
    }

    /** One proposer's changes, newest first: what they wait for and how the reviewed ones went. */
    public List<PendingChange> proposedBy(String username, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM pending_change WHERE proposed_by = :username ORDER BY id DESC LIMIT :limit")
                .bind("username", username).bind("limit", limit).mapTo(PendingChange.class).list());
    }

    /** Closes a waiting change; false when it was no longer waiting (somebody else reviewed it first). */
    public boolean review(Handle h, long id, String status, String reviewer, String comment, long reviewedMs) {
        return h.createUpdate("""
                        UPDATE pending_change
                           SET status = :status, reviewed_by = :reviewer, review_comment = :comment, reviewed_ms = :at
                         WHERE id = :id AND status = 'pending'""")
                .bind("status", status).bind("reviewer", reviewer).bind("comment", comment).bind("at", reviewedMs)
                .bind("id", id).execute() == 1;
    }
}
