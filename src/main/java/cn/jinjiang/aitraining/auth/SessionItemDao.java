package cn.jinjiang.aitraining.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Things a session keeps for a later request (table {@code import_preview}), as JSON text. */
final class SessionItemDao {
    private final Jdbi jdbi;

    SessionItemDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores (or replaces) one item, then keeps only the session's {@code keep} newest. */
    void put(String sessionHash, String name, String json, long now, int keep) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO import_preview (session_hash, name, value_json, stored_ms)
                            VALUES (:session, :name, :json, :now)
                            ON CONFLICT (session_hash, name) DO UPDATE
                               SET value_json = excluded.value_json, stored_ms = excluded.stored_ms""")
                    .bind("session", sessionHash).bind("name", name).bind("json", json).bind("now", now)
                    .execute();
            h.createUpdate("""
                            DELETE FROM import_preview
                             WHERE session_hash = :session
                               AND name NOT IN (SELECT name FROM import_preview WHERE session_hash = :session
                                                 ORDER BY stored_ms DESC, name LIMIT :keep)""")
                    .bind("session", sessionHash).bind("keep", keep)
                    .execute();
        });
    }

    Optional<String> get(String sessionHash, String name) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT value_json FROM import_preview WHERE session_hash = :session AND name = :name")
                .bind("session", sessionHash).bind("name", name)
                .mapTo(String.class).findOne());
    }

    void remove(String sessionHash, String name) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM import_preview WHERE session_hash = :session AND name = :name")
                .bind("session", sessionHash).bind("name", name)
                .execute());
    }
}
