package cn.jinjiang.aitraining.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Admin accounts. SQL only. */
public final class AdminUserDao {
    private final Jdbi jdbi;

    public AdminUserDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<AdminUser> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, username, password_hash, must_change, role, disabled FROM admin_user WHERE username = :u""")
                .bind("u", username)
                .map((rs, ctx) -> new AdminUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("password_hash"), rs.getBoolean("must_change"),
                        Role.fromCode(rs.getString("role")).orElse(Role.EDITOR), rs.getBoolean("disabled")))
                .findOne());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_user").mapTo(Integer.class).one());
    }

    /** Creates the account or replaces its password; true when it was created. */
    public boolean upsert(String username, String hash, boolean mustChange, Instant now) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE admin_user SET password_hash = :hash, must_change = :mc, updated_at = :now
                             WHERE username = :u""")
                    .bind("hash", hash).bind("mc", mustChange).bind("now", now).bind("u", username)
                    .execute();
            if (updated > 0) return false;
            h.createUpdate("""
                            INSERT INTO admin_user (username, password_hash, must_change, created_at, updated_at)
                            VALUES (:u, :hash, :mc, :now, :now)""")
                    .bind("hash", hash).bind("mc", mustChange).bind("now", now).bind("u", username)
                    .execute();
            return true;
        });
    }
}
