package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.auth.AdminUserDao;
import cn.jinjiang.aitraining.auth.PasswordHasher;
import cn.jinjiang.aitraining.auth.Role;
import cn.jinjiang.aitraining.db.Database;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An admin account for tests, and the one way to put it into a database.
 * API: {@link #EDITOR}, {@code new TestAdmin(user, password)}, {@link #createIn(Database)},
 * {@link #createIn(Database, Role)}.
 *
 * <p>Argon2 is slow on purpose, so each password is hashed once per test run (not per test or per
 * server) and the stored hash is reused; signing in still checks the password the real way.
 */
public record TestAdmin(String username, String password) {
    /** The account most HTTP tests sign in with. */
    public static final TestAdmin EDITOR = new TestAdmin("editor", "correct horse battery staple");

    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    /** Creates this account (or resets its password) in the database. */
    public void createIn(Database database) {
        String hash = HASHES.computeIfAbsent(password, p -> new PasswordHasher().hash(p));
        new AdminUserDao(database.jdbi()).upsert(username, hash, false, Instant.now());
    }

    /** Creates this account with {@code role} (or resets its password and sets its role). */
    public void createIn(Database database, Role role) {
        String hash = HASHES.computeIfAbsent(password, p -> new PasswordHasher().hash(p));
        new AdminUserDao(database.jdbi()).upsert(username, hash, false, role, Instant.now());
    }
}
