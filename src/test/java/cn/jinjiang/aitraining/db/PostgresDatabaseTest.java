package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.support.PostgresCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same migrations make the same database on PostgreSQL as on SQLite, and start-up refuses a
 * PostgreSQL database it must not use — unreachable, newer, or without the rights — clearly and
 * having changed nothing. Runs on the test run's throwaway cluster whatever -Dtest.db says.
 */
@Timeout(180)
class PostgresDatabaseTest {
    static final PostgresCluster CLUSTER = PostgresCluster.get();

    @TempDir
    Path folder;

    @Test
    void theMigrationsMakeTheSameCuratedDataOnBoth() {
        try (Database sqlite = Database.open(folder.resolve("d.db"));
             Database postgresql = Database.open(CLUSTER.emptyDatabase(), Duration.ofSeconds(5))) {
            List<DatabaseCopy.Table> onSqlite = DatabaseCopy.checksums(sqlite);
            List<DatabaseCopy.Table> onPostgresql = DatabaseCopy.checksums(postgresql);
            assertEquals(onSqlite, onPostgresql, "every table: same rows, same checksum");
            assertTrue(onSqlite.stream().anyMatch(t -> t.name().equals("figure") && t.rows() == 15), onSqlite.toString());
            assertEquals(Migrations.newestVersion(Dialect.SQLITE), Migrations.newestVersion(Dialect.POSTGRESQL));
            // the identities were moved past the curated ids: a new row gets a fresh one
            long id = postgresql.jdbi().withHandle(h -> h.createQuery("""
                    INSERT INTO source (publication_zh, publication_en, published_on)
                    VALUES ('晋江经济报', 'Jinjiang Economic News', DATE '2025-06-01') RETURNING id""").mapTo(Long.class).one());
            assertEquals(3, id);
        }
    }

    @Test
    void noMigrationLiesWhereNoDatabaseReadsIt() {
        assertEquals(List.of(), Migrations.strayFiles(),
                "a migration directly in sql/ runs on neither database: move it to sql/common (or sql/sqlite and sql/postgresql)");
    }

    @Test
    void anUnreachableServerIsAskedAgainThenRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseLocation nowhere = DatabaseLocation.postgresql(
                "jdbc:postgresql://127.0.0.1:" + port + "/dashboard?user=dash", "secret-never-shown");
        long started = System.nanoTime();
        DatabaseException refused = assertThrows(DatabaseException.class, () -> Database.open(nowhere, Duration.ofSeconds(3)));
        long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(refused.getMessage().contains("could not be reached within 3 s"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Nothing was changed"), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-never-shown"), refused.getMessage());
        assertTrue(waited >= 2_500, "it asked again for the time given: " + waited + " ms");
    }

    @Test
    void theServerCommandSaysWhyAndNeverShowsThePassword() throws Exception {
        DatabaseLocation database = CLUSTER.newDatabase();
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, "wrong-password-123\n");
        CommandLine cli = App.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--port", "0", "--host", "127.0.0.1", "--db", database.jdbcUrl(),
                "--db-password-file", passwordFile.toString(), "--db-wait", "2");
        assertEquals(1, code);
        assertTrue(err.toString().contains("refused the user name or password"), err.toString());
        assertFalse(err.toString().contains("wrong-password-123"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);

        StringWriter err2 = new StringWriter();
        cli.setErr(new PrintWriter(err2));
        assertEquals(1, cli.execute("--port", "0", "--db", database.jdbcUrl() + "&password=in-the-url"));
        assertTrue(err2.toString().contains("must not carry the password"), err2.toString());
        assertFalse(err2.toString().contains("in-the-url"), err2.toString());
    }

    @Test
    void backupOnPostgresqlShowsThePgDumpCommand() {
        CommandLine cli = App.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        String url = CLUSTER.url("dashboard");
        assertEquals(2, cli.execute("backup", "--db", url, "--to", folder.resolve("dashboard-2025-06-01.db").toString()));
        assertTrue(err.toString().contains("pg_dump --format=custom --file='" + folder.resolve("dashboard-2025-06-01.dump")
                + "' 'postgresql://127.0.0.1:" + CLUSTER.port() + "/dashboard?user=postgres'"), err.toString());
        assertTrue(err.toString().contains("pg_restore"), err.toString());
        assertFalse(Files.exists(folder.resolve("dashboard-2025-06-01.db")), "no file written");
    }

    @Test
    void aNewerSchemaIsRefusedUntouched() throws Exception {
        DatabaseLocation database = CLUSTER.newDatabase();
        String name = PostgresCluster.databaseName(database);
        CLUSTER.execute(name, """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'postgres', 0, TRUE)""");
        List<String> before = snapshot(database);
        DatabaseException refused = assertThrows(DatabaseException.class, () -> Database.open(database, Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("newer version of this program (schema 99"), refused.getMessage());
        assertEquals(before, snapshot(database), "nothing changed");
    }

    @Test
    void aUserWithoutTheRightsIsRefusedBeforeAnythingIsCreated() throws Exception {
        CLUSTER.execute("postgres", "DO $$ BEGIN CREATE ROLE visitor LOGIN PASSWORD '" + PostgresCluster.PASSWORD
                + "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DatabaseLocation empty = CLUSTER.emptyDatabase();
        String name = PostgresCluster.databaseName(empty);
        // PostgreSQL 15+: only the database owner may create in schema public; say so for older ones too
        CLUSTER.execute(name, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        DatabaseLocation asVisitor = DatabaseLocation.postgresql(empty.jdbcUrl().replace("user=postgres", "user=visitor"),
                PostgresCluster.PASSWORD);
        DatabaseException refused = assertThrows(DatabaseException.class, () -> Database.open(asVisitor, Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("may not create tables"), refused.getMessage());
        assertEquals(List.of(), snapshot(empty), "no table was created");

        // A migrated database whose tables the user may not write
        DatabaseLocation migrated = CLUSTER.newDatabase();
        List<String> before = snapshot(migrated);
        DatabaseLocation visitorOnMigrated = DatabaseLocation.postgresql(
                migrated.jdbcUrl().replace("user=postgres", "user=visitor"), PostgresCluster.PASSWORD);
        DatabaseException lacking = assertThrows(DatabaseException.class,
                () -> Database.open(visitorOnMigrated, Duration.ofSeconds(5)));
        assertTrue(lacking.getMessage().contains("may not read and write table(s)"), lacking.getMessage());
        assertEquals(before, snapshot(migrated));
    }

    /** Every table's name and row count, and the migration history. */
    private static List<String> snapshot(DatabaseLocation location) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("password", PostgresCluster.PASSWORD);
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), properties); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' ORDER BY table_name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    lines.add(table + " " + rs.getLong(1));
                }
            }
        }
        return lines;
    }
}
