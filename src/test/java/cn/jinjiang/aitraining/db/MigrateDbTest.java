package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.PostgresCluster;
import cn.jinjiang.aitraining.support.TestApp;
import cn.jinjiang.aitraining.support.TestDatabase;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code migrate-db} moves a dashboard from SQLite to PostgreSQL and back to a new SQLite file: the
 * downloads are byte for byte what they were, a copy into a database in use or onto an existing
 * file is refused and changes nothing, and the PostgreSQL copy takes new rows (its identities moved on).
 */
@Timeout(300)
class MigrateDbTest {
    static final List<String> EXPORTS = List.of("/figures.csv", "/observations.csv", "/api/events", "/api/figures",
            "/events.csv");

    @TempDir
    Path folder;

    record Run(int code, String out, String err) {}

    private static Run migrate(String... args) {
        CommandLine cli = App.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "migrate-db";
        System.arraycopy(args, 0, full, 1, args.length);
        return new Run(cli.execute(full), out.toString(), err.toString());
    }

    /** Every download, and the audit log as an admin reads it. */
    private static Map<String, String> exports(TestApp app) {
        WebClient client = app.signedIn();
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : EXPORTS) {
            HttpResponse<String> response = client.get(path);
            assertEquals(200, response.statusCode(), path);
            bodies.put(path, response.body());
        }
        HttpResponse<String> audit = client.get("/admin/audit.csv");
        assertEquals(200, audit.statusCode());
        bodies.put("/admin/audit.csv", audit.body());
        return bodies;
    }

    private static void save(WebClient c, String key, String mode, String value, String reason) {
        Map<String, String> form = c.form("/admin/figures/" + key, "figure-form");
        form.put("mode", mode);
        form.put("value", value);
        form.put("reason", reason);
        form.put("confirm_unusual", "yes");
        HttpResponse<String> saved = c.post("/admin/figures/" + key, form);
        assertEquals(303, saved.statusCode(), saved.body());
    }

    @Test
    void sqliteToPostgresqlAndBackKeepsEveryDownloadIdentical() throws Exception {
        Path first = folder.resolve("first");
        Map<String, String> original;
        try (TestApp app = TestApp.builder().database(TestDatabase.SQLITE).folder(first).start()) {
            WebClient c = app.signedIn();
            save(c, "ai-lectures", "report", "7", "新报道：讲座7期");
            save(c, "ai-training-attendance", "correction", "9100", "更正：覆盖干部近9100人次");
            original = exports(app);
        }
        assertTrue(original.get("/admin/audit.csv").contains("更正"), "the audit log has the edits");
        Path password = folder.resolve("password");
        Files.writeString(password, PostgresCluster.PASSWORD + "\n");

        DatabaseLocation postgresql = PostgresCluster.get().emptyDatabase();
        Run there = migrate("--from", first.resolve(TestApp.DB_FILE).toString(), "--to", postgresql.jdbcUrl(),
                "--to-password-file", password.toString());
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().contains("row counts and checksums match"), there.out());
        assertTrue(there.out().contains("audit_entry"), there.out());

        Path back = folder.resolve("back");
        Run home = migrate("--from", postgresql.jdbcUrl(), "--from-password-file", password.toString(),
                "--to", back.resolve(TestApp.DB_FILE).toString());
        assertEquals(0, home.code(), home.err());

        try (TestApp onPostgresql = TestApp.builder().existing(postgresql).start()) {
            assertEquals(original, exports(onPostgresql), "served from PostgreSQL");
        }
        try (TestApp again = TestApp.builder().database(TestDatabase.SQLITE).folder(back).start()) {
            assertEquals(original, exports(again), "served from the SQLite file copied back");
        }

        // The PostgreSQL copy is in use now (accounts, sessions): a second copy into it is refused.
        List<DatabaseCopy.Table> before;
        try (Database db = Database.open(postgresql, Database.DEFAULT_CONNECT_WAIT)) {
            before = DatabaseCopy.checksums(db);
        }
        Run refused = migrate("--from", back.resolve(TestApp.DB_FILE).toString(), "--to", postgresql.jdbcUrl(),
                "--to-password-file", password.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("already holds accounts"), refused.err());
        assertTrue(refused.err().contains("Nothing was copied"), refused.err());
        try (Database db = Database.open(postgresql, Database.DEFAULT_CONNECT_WAIT)) {
            assertEquals(before, DatabaseCopy.checksums(db), "the refused target is unchanged");
            // and it takes new rows: every identity was moved past the copied ids
            try (TestApp onPostgresql = TestApp.builder().existing(postgresql).start()) {
                save(onPostgresql.signedIn(), "ai-lectures", "report", "8", "新报道：讲座8期");
            }
        }
        Run onFile = migrate("--from", postgresql.jdbcUrl(), "--from-password-file", password.toString(),
                "--to", back.resolve(TestApp.DB_FILE).toString());
        assertEquals(1, onFile.code());
        assertTrue(onFile.err().contains("already exists"), onFile.err());
    }
}
