package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.db.StoredDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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

    /** Creates the account (an admin) or replaces its password, keeping its role; true when it was created. */
    public boolean upsert(String username, String hash, boolean mustChange, Instant now) {
        return upsert(username, hash, mustChange, null, now);
    }

    /**
     * Creates the account or replaces its password; true when it was created. A new account gets
     * {@code role} (admin when null); an existing one changes role only when {@code role} is given.
     * Replacing a password ends the account's sessions, in the same transaction.
     */
    public boolean upsert(String username, String hash, boolean mustChange, Role role, Instant now) {
        return jdbi.inTransaction(h -> {
            int updated = h.createUpdate("""
                            UPDATE admin_user SET password_hash = :hash, must_change = :mc, updated_at = :now,
                                   role = COALESCE(:role, role)
                             WHERE username = :u""")
                    .bind("hash", hash).bind("mc", mustChange).bind("now", now).bind("u", username)
                    .bind("role", role == null ? null : role.code())
                    .execute();
            if (updated > 0) {
                SessionDao.deleteAllOf(h, username, null);
                return false;
            }
            insert(h, username, hash, role == null ? Role.ADMIN : role, mustChange, now);
            return true;
        });
    }

    // ---- the users page: each runs on the caller's transaction, with the audit entry of the change ----

    private static final String ACCOUNT_COLUMNS = """
            SELECT u.id, u.username, u.role, u.disabled, u.must_change, u.created_at,
                   (SELECT MAX(s.last_seen_ms) FROM admin_session s WHERE s.username = u.username) AS last_seen_ms
              FROM admin_user u""";

    /** Every account, by name. */
    public static List<Account> list(Handle h) {
        return h.createQuery(ACCOUNT_COLUMNS + " ORDER BY u.username").map((rs, ctx) -> account(rs)).list();
    }

    public static Optional<Account> find(Handle h, long id) {
        return h.createQuery(ACCOUNT_COLUMNS + " WHERE u.id = :id").bind("id", id).map((rs, ctx) -> account(rs)).findOne();
    }

    public static Optional<Account> find(Handle h, String username) {
        return h.createQuery(ACCOUNT_COLUMNS + " WHERE u.username = :u").bind("u", username)
                .map((rs, ctx) -> account(rs)).findOne();
    }

    /** Whether a name is taken, ignoring case: "Zhang" beside "zhang" would only confuse. */
    public static boolean nameTaken(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM admin_user WHERE lower(username) = lower(:u)")
                .bind("u", username).mapTo(Integer.class).one() > 0;
    }

    /** Admins that can sign in. */
    public static int activeAdmins(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM admin_user WHERE role = :admin AND disabled = FALSE")
                .bind("admin", Role.ADMIN.code()).mapTo(Integer.class).one();
    }

    public static long insert(Handle h, String username, String hash, Role role, boolean mustChange, Instant now) {
        return h.createUpdate("""
                        INSERT INTO admin_user (username, password_hash, must_change, role, created_at, updated_at)
                        VALUES (:u, :hash, :mc, :role, :now, :now)""")
                .bind("u", username).bind("hash", hash).bind("mc", mustChange).bind("role", role.code()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public static void setRole(Handle h, long id, Role role, Instant now) {
        h.createUpdate("UPDATE admin_user SET role = :role, updated_at = :now WHERE id = :id")
                .bind("role", role.code()).bind("now", now).bind("id", id).execute();
    }

    public static void setDisabled(Handle h, long id, boolean disabled, Instant now) {
        h.createUpdate("UPDATE admin_user SET disabled = :d, updated_at = :now WHERE id = :id")
                .bind("d", disabled).bind("now", now).bind("id", id).execute();
    }

    public static void setPassword(Handle h, long id, String hash, boolean mustChange, Instant now) {
        h.createUpdate("UPDATE admin_user SET password_hash = :hash, must_change = :mc, updated_at = :now WHERE id = :id")
                .bind("hash", hash).bind("mc", mustChange).bind("now", now).bind("id", id).execute();
    }

    private static Account account(ResultSet rs) throws SQLException {
        long lastSeen = rs.getLong("last_seen_ms");
        boolean none = rs.wasNull();
        return new Account(rs.getLong("id"), rs.getString("username"), Role.fromCode(rs.getString("role")).orElse(Role.EDITOR),
                rs.getBoolean("disabled"), rs.getBoolean("must_change"), StoredDates.instant(rs.getString("created_at")),
                none ? null : Instant.ofEpochMilli(lastSeen));
    }
}
