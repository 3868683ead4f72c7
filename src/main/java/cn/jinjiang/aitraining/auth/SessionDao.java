package cn.jinjiang.aitraining.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Signed-in sessions. SQL only; ids arrive here already hashed. */
final class SessionDao {
    private final Jdbi jdbi;

    SessionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    record Row(String idHash, String username, String csrfToken, long createdMs, long lastSeenMs, String flashJson,
               Role role, boolean mustChange) {}

    /** A session as its owner's account page lists it. */
    record Listed(String idHash, long createdMs, long lastSeenMs, String address, String userAgent) {}

    Optional<Row> find(String idHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id_hash, s.username, s.csrf_token, s.created_ms, s.last_seen_ms, s.flash_json, u.role,
                               u.must_change
                          FROM admin_session s
                          JOIN admin_user u ON u.username = s.username AND u.disabled = FALSE
                         WHERE s.id_hash = :id""")
                .bind("id", idHash)
                .map((rs, ctx) -> new Row(rs.getString("id_hash"), rs.getString("username"), rs.getString("csrf_token"),
                        rs.getLong("created_ms"), rs.getLong("last_seen_ms"), rs.getString("flash_json"),
                        Role.fromCode(rs.getString("role")).orElse(Role.EDITOR), rs.getBoolean("must_change")))
                .findOne());
    }

    void insert(Row row, String address, String userAgent) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO admin_session (id_hash, username, csrf_token, created_ms, last_seen_ms, address, user_agent)
                        VALUES (:id, :user, :csrf, :created, :created, :address, :agent)""")
                .bind("id", row.idHash()).bind("user", row.username()).bind("csrf", row.csrfToken())
                .bind("created", row.createdMs()).bind("address", address).bind("agent", userAgent)
                .execute());
    }

    void touch(String idHash, long nowMs) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_session SET last_seen_ms = :now WHERE id_hash = :id")
                .bind("now", nowMs).bind("id", idHash).execute());
    }

    void setFlash(String idHash, String flashJson) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_session SET flash_json = :flash WHERE id_hash = :id")
                .bind("flash", flashJson).bind("id", idHash).execute());
    }

    /** Reads and clears the flash in one step, so two tabs never both show it. */
    Optional<String> takeFlash(String idHash) {
        return jdbi.inTransaction(h -> {
            Optional<String> flash = h.createQuery("SELECT flash_json FROM admin_session WHERE id_hash = :id AND flash_json IS NOT NULL")
                    .bind("id", idHash).mapTo(String.class).findOne();
            if (flash.isPresent()) {
                h.createUpdate("UPDATE admin_session SET flash_json = NULL WHERE id_hash = :id").bind("id", idHash).execute();
            }
            return flash;
        });
    }

    void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM admin_session WHERE id_hash = :id").bind("id", idHash).execute());
    }

    /** Removes every session idle since {@code idleBefore} or begun before {@code startedBefore}. */
    int purge(long idleBefore, long startedBefore) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM admin_session WHERE last_seen_ms <= :idle OR created_ms <= :started""")
                .bind("idle", idleBefore).bind("started", startedBefore).execute());
    }

    /** The account's sessions begun after {@code startedAfter} and seen after {@code seenAfter}, most recently seen first. */
    java.util.List<Listed> listLive(String username, long seenAfter, long startedAfter) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id_hash, created_ms, last_seen_ms, address, user_agent FROM admin_session
                         WHERE username = :user AND last_seen_ms > :seen AND created_ms > :started
                         ORDER BY last_seen_ms DESC, created_ms DESC""")
                .bind("user", username).bind("seen", seenAfter).bind("started", startedAfter)
                .map((rs, ctx) -> new Listed(rs.getString("id_hash"), rs.getLong("created_ms"), rs.getLong("last_seen_ms"),
                        rs.getString("address"), rs.getString("user_agent")))
                .list());
    }

    /** Deletes the account's sessions except {@code keepIdHash} (null keeps none), on the caller's transaction. */
    static int deleteAllOf(org.jdbi.v3.core.Handle h, String username, String keepIdHash) {
        if (keepIdHash == null) {
            return h.createUpdate("DELETE FROM admin_session WHERE username = :user").bind("user", username).execute();
        }
        return h.createUpdate("DELETE FROM admin_session WHERE username = :user AND id_hash <> :keep")
                .bind("user", username).bind("keep", keepIdHash).execute();
    }

    /** Deletes one of the account's sessions; the account is part of the condition, so nobody ends another's. */
    int deleteOwn(String username, String idHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM admin_session WHERE username = :user AND id_hash = :id")
                .bind("user", username).bind("id", idHash).execute());
    }

    int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_session").mapTo(Integer.class).one());
    }
}
