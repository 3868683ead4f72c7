package cn.jinjiang.aitraining.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.db.Database;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code admin create --username NAME --password-stdin [--role ROLE] [--db FILE]}. */
class AdminCommandTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        InputStream original = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = App.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    private boolean canLogin(Path db, String user, String password) {
        try (Database database = Database.open(db)) {
            return new AdminAccounts(new AdminUserDao(database.jdbi()), new PasswordHasher(), Clock.systemUTC())
                    .verify(user, password).isPresent();
        }
    }

    @Test
    void shortPasswordIsRefusedWithAClearMessage() {
        Path db = dir.resolve("a.db");
        Run r = run("short pass\n", "admin", "create", "--username", "alice", "--password-stdin", "--db", db.toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("at least 12 characters"), r.err());
        assertTrue(!canLogin(db, "alice", "short pass"));
    }

    @Test
    void sixtyFourCharacterPasswordWorks() {
        Path db = dir.resolve("b.db");
        String password = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6!@#$%^&*()_+";
        assertEquals(64, password.length());
        Run r = run(password + "\n", "admin", "create", "--username", "alice", "--password-stdin", "--db", db.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Created admin alice"));
        assertTrue(canLogin(db, "alice", password));
        assertTrue(!canLogin(db, "alice", password.substring(0, 63)), "no truncation");
    }

    @Test
    void nonAsciiPasswordWorksAndCreateAgainResetsIt() {
        Path db = dir.resolve("c.db");
        String password = "晋江人工智能培训密码，足够长！🔐";
        assertEquals(0, run(password, "admin", "create", "--username", "alice", "--password-stdin", "--db", db.toString()).exit());
        assertTrue(canLogin(db, "alice", password));
        Run reset = run("another long password\r\n", "admin", "create", "--username", "alice", "--password-stdin", "--db", db.toString());
        assertEquals(0, reset.exit());
        assertTrue(reset.out().contains("Reset the password"));
        assertTrue(canLogin(db, "alice", "another long password"));
        assertTrue(!canLogin(db, "alice", password));
    }

    private String storedRole(Path db, String user) {
        try (Database database = Database.open(db)) {
            return database.jdbi().withHandle(h -> h.createQuery("SELECT role FROM admin_user WHERE username = :u")
                    .bind("u", user).mapTo(String.class).one());
        }
    }

    @Test
    void roleIsAdminByDefaultAndCanBeGiven() {
        Path db = dir.resolve("roles.db");
        String password = "a long enough password";
        Run admin = run(password, "admin", "create", "--username", "alice", "--password-stdin", "--db", db.toString());
        assertEquals(0, admin.exit(), admin.err());
        assertEquals("admin", storedRole(db, "alice"));
        Run editor = run(password, "admin", "create", "--username", "bob", "--password-stdin", "--role", "editor", "--db", db.toString());
        assertEquals(0, editor.exit(), editor.err());
        assertTrue(editor.out().contains("Created editor bob"), editor.out());
        assertEquals("editor", storedRole(db, "bob"));
        assertTrue(canLogin(db, "bob", password));

        // A reset keeps the role unless one is given.
        assertEquals(0, run("another long password", "admin", "create", "--username", "bob", "--password-stdin", "--db", db.toString()).exit());
        assertEquals("editor", storedRole(db, "bob"));
        Run promoted = run("another long password", "admin", "create", "--username", "bob", "--password-stdin", "--role", "PUBLISHER",
                "--db", db.toString());
        assertEquals(0, promoted.exit(), promoted.err());
        assertTrue(promoted.out().contains("Reset the password of publisher bob"), promoted.out());
        assertEquals("publisher", storedRole(db, "bob"));
    }

    @Test
    void anUnknownRoleIsAUsageErrorThatNamesTheRoles() {
        Path db = dir.resolve("bad-role.db");
        Run r = run("a long enough password", "admin", "create", "--username", "carol", "--password-stdin", "--role", "owner",
                "--db", db.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'owner' is not a role: use editor, publisher or admin"), r.err());
        assertTrue(!canLogin(db, "carol", "a long enough password"));
    }

    @Test
    void aResetEndsTheAccountsSessions() {
        Path db = dir.resolve("sessions.db");
        assertEquals(0, run("a long enough password", "admin", "create", "--username", "dave", "--password-stdin", "--db", db.toString()).exit());
        try (Database database = Database.open(db)) {
            database.jdbi().useHandle(h -> h.execute("INSERT INTO admin_session (id_hash, username, csrf_token, created_ms, last_seen_ms)"
                    + " VALUES ('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'dave', 'token', 1, 1)"));
        }
        assertEquals(0, run("a new long password", "admin", "create", "--username", "dave", "--password-stdin", "--db", db.toString()).exit());
        try (Database database = Database.open(db)) {
            int left = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_session").mapTo(Integer.class).one());
            assertEquals(0, left);
        }
    }

    @Test
    void passwordStdinIsRequired() {
        Run r = run("", "admin", "create", "--username", "alice", "--db", dir.resolve("d.db").toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("--password-stdin"), r.err());
    }

    @Test
    void theStoredHashIsArgon2idWithEnoughMemoryAndIterations() {
        String hash = new PasswordHasher().hash("a long enough password");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(hash.contains("m=19456,t=2,p=1"), hash);
    }

    @Test
    void aFreshDatabaseGetsAnInitialAdminWithARandomPasswordOnlyOnce() {
        try (Database database = Database.open(dir.resolve("e.db"))) {
            var accounts = new AdminAccounts(new AdminUserDao(database.jdbi()), new PasswordHasher(), Clock.systemUTC());
            String password = accounts.ensureInitialAdmin().orElseThrow();
            assertTrue(password.length() >= 16);
            assertTrue(accounts.verify("admin", password).isPresent());
            assertTrue(accounts.ensureInitialAdmin().isEmpty(), "only when no admin exists");
            String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM admin_user")
                    .mapTo(String.class).one());
            assertTrue(!stored.contains(password));
        }
    }
}
